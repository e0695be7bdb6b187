package setsunai.common.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import setsunai.common.problem.InvalidInputException;
import setsunai.common.problem.Problem;

/**
 * Reads query parameters that arrive as strings and collects every mistake, so one 400 answer lists them all
 * (a JAX-RS int or enum parameter would fail with a bare 404 instead).
 */
public final class QueryParams {

    /** The longest search text any service accepts, in characters after trimming. */
    public static final int MAX_SEARCH_LENGTH = 200;
    /** How many malformed values one error names. */
    private static final int ERRORS_SHOWN = 3;

    private final List<Problem.FieldError> errors = new ArrayList<>();

    public Integer integer(String name, String value, int min, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed < min || parsed > max) {
                errors.add(new Problem.FieldError(name, "must be between " + min + " and " + max + ", got " + parsed));
                return null;
            }
            return parsed;
        } catch (NumberFormatException e) {
            errors.add(new Problem.FieldError(name, "must be a whole number, got '" + value + "'"));
            return null;
        }
    }

    public int integer(String name, String value, int min, int max, int defaultValue) {
        Integer parsed = integer(name, value, min, max);
        return parsed == null ? defaultValue : parsed;
    }

    public PageRequest page(String page, String size) {
        return new PageRequest(
                integer("page", page, 1, Integer.MAX_VALUE / PageRequest.MAX_SIZE, 1),
                integer("size", size, 1, PageRequest.MAX_SIZE, PageRequest.DEFAULT_SIZE));
    }

    /** Case-insensitive enum lookup; an unknown value names the allowed ones. */
    public <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            errors.add(new Problem.FieldError(name, "unknown value '" + value + "'; allowed values: "
                    + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "))));
            return null;
        }
    }

    public <E extends Enum<E>> List<E> enumValues(String name, List<String> values, Class<E> type) {
        if (values == null) {
            return List.of();
        }
        return values.stream().map(v -> enumValue(name, v, type)).filter(v -> v != null).distinct().toList();
    }

    /** Repeated values, trimmed, empties dropped, at most {@code max} of them. */
    public List<String> strings(String name, List<String> values, int max) {
        if (values == null) {
            return List.of();
        }
        List<String> cleaned = values.stream().map(String::trim).filter(v -> !v.isEmpty()).distinct().toList();
        if (cleaned.size() > max) {
            errors.add(new Problem.FieldError(name, "at most " + max + " values are allowed, got " + cleaned.size()));
            return List.of();
        }
        return cleaned;
    }

    /**
     * Repeated values read by {@code normalize} (null: malformed), in the order given, each once. The malformed ones
     * are one error naming the first few, then {@code whatOne} or {@code whatMany} (" is not a title id", " are not
     * title ids"), so that hundreds of bad values do not make a page-long answer.
     */
    public List<String> normalized(String name, List<String> values, int max,
                                   java.util.function.UnaryOperator<String> normalize, String whatOne, String whatMany) {
        java.util.Set<String> clean = new java.util.LinkedHashSet<>();
        List<String> bad = new java.util.ArrayList<>();
        for (String value : strings(name, values, max)) {
            String normalized = normalize.apply(value);
            if (normalized == null) {
                bad.add(value);
            } else {
                clean.add(normalized);
            }
        }
        if (!bad.isEmpty()) {
            error(name, String.join(", ", bad.stream().limit(ERRORS_SHOWN).map(QueryParams::shown).toList())
                    + (bad.size() > ERRORS_SHOWN ? " and " + (bad.size() - ERRORS_SHOWN) + " more" : "")
                    + (bad.size() == 1 ? whatOne : whatMany));
        }
        return List.copyOf(clean);
    }

    private static String shown(String value) {
        return "'" + (value.length() <= 40 ? value : value.substring(0, 40) + "…") + "'";
    }

    /**
     * Free search text: trimmed, or null when absent or blank; an error when longer than
     * {@link #MAX_SEARCH_LENGTH} or when it has no letter or digit to search for (the same rule in every service).
     */
    public String searchText(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        if (text.length() > MAX_SEARCH_LENGTH) {
            error(name, "must be at most " + MAX_SEARCH_LENGTH + " characters, got " + text.length());
            return null;
        }
        if (text.codePoints().noneMatch(Character::isLetterOrDigit)) {
            error(name, "must contain at least one letter or digit, got '" + text + "'");
            return null;
        }
        return text;
    }

    public void error(String name, String message) {
        errors.add(new Problem.FieldError(name, message));
    }

    /** Throws one {@link InvalidInputException} listing every problem found so far. */
    public void validate() {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }
}
