package setsunai.common.web;

import jakarta.ws.rs.core.EntityTag;
import setsunai.common.problem.ProblemException;

/**
 * Optimistic concurrency over HTTP: a resource's ETag is its version, and an update must send it back in If-Match
 * (428 without it, 412 when someone else changed the resource meanwhile).
 */
public final class Preconditions {

    private Preconditions() {
    }

    public static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }

    /**
     * The version an If-Match header names; 428 if absent, 412 if it is not a strong version tag. RFC 9110 compares
     * If-Match strongly: a weak tag ({@code W/"3"}) names no exact representation, so it never matches.
     */
    public static long requiredVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(428, "Updates need an If-Match header with the ETag from your last GET, "
                    + "so that no one's edit is silently overwritten.");
        }
        String value = ifMatch.trim();
        if (value.length() < 3 || !value.startsWith("\"") || !value.endsWith("\"")) {
            throw stale();
        }
        value = value.substring(1, value.length() - 1);
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw stale();
        }
    }

    /** 412 unless the stored version is the one the client saw. */
    public static void requireVersion(long expected, long actual) {
        if (expected != actual) {
            throw stale();
        }
    }

    public static ProblemException stale() {
        return new ProblemException(412, "This resource was changed since you read it. GET it again, re-apply your "
                + "change and send the new ETag in If-Match.");
    }
}
