package setsunai.testsupport.checks;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The order of a JSON object's keys and of a record's components, for the declaration-order checks of each service. */
public final class JsonShape {

    private JsonShape() {
    }

    /** The object's keys in the order they were written. */
    public static List<String> keys(JsonNode object) {
        List<String> keys = new ArrayList<>();
        object.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    /** The record's components in declaration order. */
    public static List<String> components(Class<? extends Record> type) {
        return Stream.of(type.getRecordComponents()).map(c -> c.getName()).toList();
    }
}
