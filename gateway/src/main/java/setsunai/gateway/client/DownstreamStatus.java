package setsunai.gateway.client;

/**
 * A downstream answer with an error status that the gateway treats on its own terms (see {@link Downstream}), with
 * the service's {@code Retry-After} in seconds when it sent one.
 */
public abstract class DownstreamStatus extends RuntimeException {

    private final int status;
    private final Long retryAfterSeconds;

    DownstreamStatus(int status, Long retryAfterSeconds, Throwable cause) {
        super("answered HTTP " + status, cause);
        this.status = status;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int status() {
        return status;
    }

    /** The service's Retry-After (delta-seconds form), or null. */
    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
