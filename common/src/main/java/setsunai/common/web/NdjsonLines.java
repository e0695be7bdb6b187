package setsunai.common.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.List;
import setsunai.common.problem.JsonErrors;
import setsunai.common.problem.Problem;
import setsunai.common.problem.ProblemMappers;

/**
 * Reads an NDJSON body line by line into validated records: each line either yields a value or its own errors,
 * so one bad line never hides the good ones. Blank lines are skipped.
 */
public final class NdjsonLines {

    public static final String MEDIA_TYPE = "application/x-ndjson";

    private NdjsonLines() {
    }

    /**
     * One non-blank line: its 1-based number, its slug when it has one (even on a rejected line, so the report
     * names what it rejected), and either a valid value or the errors that reject it.
     */
    public record Line<T>(int number, String slug, T value, List<Problem.FieldError> errors) {
        public boolean valid() {
            return errors.isEmpty();
        }
    }

    public static <T> List<Line<T>> read(String body, Class<T> type, ObjectMapper mapper, Validator validator) {
        List<Line<T>> lines = new ArrayList<>();
        String[] raw = body == null ? new String[0] : body.split("\\r?\\n");
        for (int i = 0; i < raw.length; i++) {
            if (raw[i].isBlank()) {
                continue;
            }
            lines.add(readLine(i + 1, raw[i], type, mapper, validator));
        }
        return lines;
    }

    private static <T> Line<T> readLine(int number, String text, Class<T> type, ObjectMapper mapper, Validator validator) {
        T value;
        try {
            value = mapper.readValue(text, type);
        } catch (JsonProcessingException e) {
            return new Line<>(number, slugOf(text, mapper), null, List.of(JsonErrors.of(e)));
        }
        if (value == null) {
            return new Line<>(number, null, null, List.of(new Problem.FieldError("", "the line must be a JSON object")));
        }
        List<Problem.FieldError> errors = validator.validate(value).stream()
                .map(v -> new Problem.FieldError(ProblemMappers.fieldName(v), v.getMessage()))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .toList();
        return new Line<>(number, slugOf(text, mapper), errors.isEmpty() ? value : null, errors);
    }

    private static String slugOf(String text, ObjectMapper mapper) {
        try {
            JsonNode slug = mapper.readTree(text).get("slug");
            return slug != null && slug.isTextual() ? slug.asText() : null;
        } catch (Exception e) {
            return null; // not JSON at all: the line's errors say so
        }
    }
}
