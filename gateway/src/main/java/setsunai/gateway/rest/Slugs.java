package setsunai.gateway.rest;

import java.util.regex.Pattern;
import setsunai.common.problem.InvalidInputException;

/**
 * The services' slug grammar, checked at the gateway's edge: a value that can name nothing is a 400 here and never
 * reaches a service (where it could fail and count against a circuit breaker every caller shares).
 */
final class Slugs {

    /** As catalog-service's TitleInput.slug and songs-service's SongInput.SLUG; linear to match. */
    static final String PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$";
    /** catalog-service: @Size(max = 120) on a title's slug. */
    static final int TITLE_MAX = 120;
    /** songs-service: @Size(max = 200) on a song's slug. */
    static final int SONG_MAX = 200;

    private static final Pattern SLUG = Pattern.compile(PATTERN);

    private Slugs() {
    }

    /** The slug, or a 400 naming the parameter (the value is not echoed: it may be anything, of any length). */
    static String require(String field, String value, int max, String example) {
        if (value == null || value.isEmpty() || value.length() > max || !SLUG.matcher(value).matches()) {
            throw new InvalidInputException(field, "must be lower-case letters and digits, in words joined by '-', "
                    + "at most " + max + " characters, e.g. " + example);
        }
        return value;
    }
}
