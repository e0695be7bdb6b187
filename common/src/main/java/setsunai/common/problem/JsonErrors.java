package setsunai.common.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.Arrays;
import java.util.Collection;
import java.util.stream.Collectors;

/** Says what is wrong with a JSON document in words a client can act on: which field, and what was expected. */
public final class JsonErrors {

    private JsonErrors() {
    }

    public static Problem.FieldError of(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            if (mapping instanceof InvalidFormatException invalid && invalid.getTargetType().isEnum()) {
                return new Problem.FieldError(field, "unknown value '" + invalid.getValue() + "'; allowed values: "
                        + Arrays.stream(invalid.getTargetType().getEnumConstants()).map(Object::toString)
                        .collect(Collectors.joining(", ")));
            }
            return new Problem.FieldError(field, "must be " + expected(mapping));
        }
        return new Problem.FieldError("body", "is not valid JSON: " + readable(e.getOriginalMessage()));
    }

    /** Jackson's first sentence, without its parser internals ("(start marker at [Source: REDACTED ...])"). */
    private static String readable(String message) {
        if (message == null) {
            return "unreadable";
        }
        String first = message.lines().findFirst().orElse(message);
        int internals = first.indexOf(" (start marker at");
        return internals > 0 ? first.substring(0, internals) : first;
    }

    private static String expected(JsonMappingException e) {
        Class<?> type = e instanceof MismatchedInputException mismatched ? mismatched.getTargetType() : null;
        if (type == null) {
            return "of the documented type";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "a number";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (type == String.class) {
            return "a string";
        }
        return "an object of type " + type.getSimpleName();
    }
}
