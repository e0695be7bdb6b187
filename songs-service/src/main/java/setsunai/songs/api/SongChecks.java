package setsunai.songs.api;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import setsunai.common.web.Text;

/**
 * The checks of a song's alternative titles and external ids that a field annotation cannot express (each title
 * once, ignoring case; only the known id keys, each with its own format), and the canonical form of the ids. The
 * same rules for the API and the import ({@link Valid}, run by Bean Validation with the field constraints) and for
 * the dataset loader, which has no validator and calls {@link #errors} (field constraints included).
 */
public final class SongChecks {

    public static final int MAX_ALTERNATIVE_TITLES = 20;
    public static final int MAX_ALTERNATIVE_TITLE_LENGTH = 200;

    public static final String MUSICBRAINZ = "musicbrainz";
    public static final String ANIMETHEMES = "animethemes";
    /** The keys externalIds may hold, in the order a song shows them. */
    public static final List<String> EXTERNAL_ID_KEYS = List.of(MUSICBRAINZ, ANIMETHEMES);

    /** A UUID in its textual form (MusicBrainz MBIDs are UUIDs); the nil UUID in examples, which no recording has. */
    private static final Pattern UUID = Pattern.compile(
            "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
    public static final String EXAMPLE_MBID = "00000000-0000-0000-0000-000000000000";

    private SongChecks() {
    }

    /** A problem with one field; {@code path} is the field's name as the client wrote it, e.g. externalIds.spotify. */
    public record Error(String path, String message) {
    }

    /** Runs {@link #crossFieldErrors} for Bean Validation, reporting each on its own field. */
    @Documented
    @Constraint(validatedBy = Validator.class)
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    public @interface Valid {
        String message() default "invalid song";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    public static final class Validator implements ConstraintValidator<Valid, SongInput> {
        @Override
        public boolean isValid(SongInput song, ConstraintValidatorContext context) {
            if (song == null) {
                return true;
            }
            List<Error> errors = crossFieldErrors(song);
            if (errors.isEmpty()) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            for (Error error : errors) {
                var builder = context.buildConstraintViolationWithTemplate(escape(error.message()));
                String[] names = error.path().split("\\.", 2);
                var node = builder.addPropertyNode(names[0]);
                if (names.length > 1) {
                    node.addPropertyNode(names[1]).addConstraintViolation();
                } else {
                    node.addConstraintViolation();
                }
            }
            return false;
        }

        /** Messages are templates: a title a client sent must not be read as {parameter} or ${expression}. */
        private static String escape(String message) {
            return message.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$");
        }
    }

    /** Every check, the field constraints of SongInput's two fields included: what the dataset loader enforces. */
    public static List<Error> errors(SongInput song) {
        List<Error> errors = new ArrayList<>();
        List<String> titles = song.alternativeTitles();
        if (titles != null) {
            if (titles.size() > MAX_ALTERNATIVE_TITLES) {
                errors.add(new Error("alternativeTitles", "size must be between 0 and " + MAX_ALTERNATIVE_TITLES));
            }
            for (int i = 0; i < titles.size(); i++) {
                String title = titles.get(i);
                if (!Text.hasVisible(title)) {
                    errors.add(new Error("alternativeTitles[" + i + "]", "must not be blank"));
                } else if (title.length() > MAX_ALTERNATIVE_TITLE_LENGTH) {
                    errors.add(new Error("alternativeTitles[" + i + "]",
                            "size must be between 0 and " + MAX_ALTERNATIVE_TITLE_LENGTH));
                }
            }
        }
        errors.addAll(crossFieldErrors(song));
        return errors;
    }

    /** Each alternative title once, ignoring case (and surrounding spaces); only known id keys, each well formed. */
    public static List<Error> crossFieldErrors(SongInput song) {
        List<Error> errors = new ArrayList<>();
        List<String> titles = song.alternativeTitles();
        if (titles != null) {
            Map<String, Integer> seen = new HashMap<>();
            for (int i = 0; i < titles.size(); i++) {
                String title = titles.get(i);
                if (title == null || title.isBlank()) {
                    continue; // the field constraint reports it
                }
                Integer first = seen.putIfAbsent(title.strip().toLowerCase(Locale.ROOT), i);
                if (first != null) {
                    errors.add(new Error("alternativeTitles[" + i + "]", "'" + title.strip() + "' repeats alternativeTitles["
                            + first + "] (case is ignored); give each name once"));
                }
            }
        }
        if (song.externalIds() != null) {
            song.externalIds().forEach((key, value) -> {
                String problem = externalIdProblem(key, value);
                if (problem != null) {
                    errors.add(new Error("externalIds." + key, problem));
                }
            });
        }
        return errors;
    }

    private static String externalIdProblem(String key, Object value) {
        if (!EXTERNAL_ID_KEYS.contains(key)) {
            return "unknown key; allowed keys: " + String.join(", ", EXTERNAL_ID_KEYS);
        }
        if (value == null) {
            return null; // no id: left out
        }
        if (MUSICBRAINZ.equals(key)) {
            return value instanceof String text && UUID.matcher(text.strip()).matches() ? null
                    : "must be a MusicBrainz recording MBID: a UUID string such as " + EXAMPLE_MBID;
        }
        return animethemesId(value) != null ? null
                : "must be an AnimeThemes song id: a whole number from 1 to " + Integer.MAX_VALUE + ", not a string";
    }

    /** The id as an Integer, or null if it is not a whole number in 1..Integer.MAX_VALUE. */
    private static Integer animethemesId(Object value) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof BigInteger) {
            BigInteger id = new BigInteger(value.toString());
            if (id.signum() > 0 && id.bitLength() < 32) {
                return id.intValue();
            }
        }
        return null;
    }

    /**
     * The ids as stored and shown: the known keys in their order, null values left out, an MBID in lower case, an
     * AnimeThemes id as an Integer. Assumes {@link #crossFieldErrors} found nothing (an invalid id is left out).
     */
    public static Map<String, Object> externalIds(Map<String, Object> ids) {
        if (ids == null || ids.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> canonical = new LinkedHashMap<>();
        Object mbid = ids.get(MUSICBRAINZ);
        if (mbid instanceof String text && UUID.matcher(text.strip()).matches()) {
            canonical.put(MUSICBRAINZ, text.strip().toLowerCase(Locale.ROOT));
        }
        Integer animethemes = ids.get(ANIMETHEMES) == null ? null : animethemesId(ids.get(ANIMETHEMES));
        if (animethemes != null) {
            canonical.put(ANIMETHEMES, animethemes);
        }
        return canonical;
    }
}
