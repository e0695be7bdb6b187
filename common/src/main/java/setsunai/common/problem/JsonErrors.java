package setsunai.common.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
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
        // A parse error inside a map or list arrives wrapped in a mapping error; the parse error says what is wrong.
        JsonProcessingException cause = e;
        while (cause.getCause() instanceof JsonProcessingException inner && inner != cause) {
            cause = inner;
        }
        if (cause instanceof StreamConstraintsException) {
            return new Problem.FieldError(fieldOf(e, "body"), "is nested too deeply or too large; documents here nest "
                    + "only a few levels");
        }
        String message = cause.getOriginalMessage();
        if (message != null && message.startsWith("Duplicate field '") && cause instanceof StreamReadException read
                && read.getProcessor() != null) {
            // STRICT_DUPLICATE_DETECTION: name the repeated key where it sits (usages[0].role).
            String name = message.substring("Duplicate field '".length(), message.lastIndexOf('\''));
            return new Problem.FieldError(path(read.getProcessor().getParsingContext().getParent(), name),
                    "is given more than once; send each key once");
        }
        if (e instanceof JsonMappingException mapping) {
            // Jackson's own text names our classes ("Cannot deserialize value of type `setsunai...`"): never shown.
            String field = fieldOf(mapping, "body");
            if (mapping instanceof UnsafeTextException) {
                return new Problem.FieldError(field, mapping.getOriginalMessage());
            }
            if (mapping instanceof InvalidFormatException invalid && invalid.getTargetType().isEnum()) {
                return new Problem.FieldError(field, "unknown value '" + invalid.getValue() + "'; allowed values: "
                        + Arrays.stream(invalid.getTargetType().getEnumConstants()).map(Object::toString)
                        .collect(Collectors.joining(", ")));
            }
            return new Problem.FieldError(field, "must be " + expected(mapping));
        }
        return new Problem.FieldError("body", "is not valid JSON: " + readable(e.getOriginalMessage()));
    }

    private static String fieldOf(JsonProcessingException e, String otherwise) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
        }
        return otherwise;
    }

    private static String path(JsonStreamContext context, String name) {
        StringBuilder path = new StringBuilder(name);
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                path.insert(0, "[" + c.getCurrentIndex() + "]" + (path.charAt(0) == '[' ? "" : "."));
            } else if (c.getCurrentName() != null) {
                path.insert(0, c.getCurrentName() + (path.charAt(0) == '[' ? "" : "."));
            }
        }
        return path.toString();
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
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        return type.isEnum() ? "one of the documented values" : "a JSON object";
    }
}
