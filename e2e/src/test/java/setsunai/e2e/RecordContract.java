package setsunai.e2e;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Checks a service's JSON against a record the gateway reads it into, by reflection on the record's components (so a
 * component added to the gateway's copy is checked without touching this class): each component is present in the
 * JSON with a compatible type, recursively through lists, maps and nested records; an enum component only meets
 * values among its constants; and reading the JSON the way the gateway does gives no null where the service sent a
 * value. Fields the service sends and the gateway does not know are fine (the gateway ignores them).
 */
final class RecordContract {

    /** The gateway's reading: Quarkus' ObjectMapper with its application.properties (unknown fields ignored). */
    static final ObjectMapper GATEWAY_MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private RecordContract() {
    }

    /** Every way {@code json} breaks the gateway's record {@code type}, one line each; empty when it does not. */
    static List<String> violations(Type type, JsonNode json) {
        List<String> found = new ArrayList<>();
        shape(type, json, "$", Map.of(), found);
        if (found.isEmpty()) {
            Object read = GATEWAY_MAPPER.convertValue(json, GATEWAY_MAPPER.constructType(type));
            nullsWhereSent(type, read, json, "$", Map.of(), found);
        }
        return found;
    }

    private static void shape(Type type, JsonNode json, String path, Map<TypeVariable<?>, Type> bound, List<String> found) {
        Class<?> raw = raw(type, bound);
        if (json == null || json.isMissingNode()) {
            found.add(path + ": missing");
            return;
        }
        if (json.isNull()) {
            if (raw.isPrimitive()) {
                found.add(path + ": null, but the gateway reads it as " + raw.getName());
            }
            return;
        }
        if (raw.isRecord()) {
            if (!json.isObject()) {
                found.add(path + ": expected an object for " + raw.getSimpleName() + ", got " + json.getNodeType());
                return;
            }
            Map<TypeVariable<?>, Type> inner = bindings(type, bound);
            for (RecordComponent component : raw.getRecordComponents()) {
                shape(component.getGenericType(), json.get(component.getName()), path + "." + component.getName(),
                        inner, found);
            }
        } else if (Collection.class.isAssignableFrom(raw)) {
            if (!json.isArray()) {
                found.add(path + ": expected an array, got " + json.getNodeType());
                return;
            }
            Type element = argument(type, 0, bound);
            for (int i = 0; i < json.size(); i++) {
                shape(element, json.get(i), path + "[" + i + "]", bound, found);
            }
        } else if (Map.class.isAssignableFrom(raw)) {
            if (!json.isObject()) {
                found.add(path + ": expected an object, got " + json.getNodeType());
                return;
            }
            Type value = argument(type, 1, bound);
            for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                if (!entry.getValue().isNull()) {
                    shape(value, entry.getValue(), path + "." + entry.getKey(), bound, found);
                }
            }
        } else if (raw.isEnum()) {
            List<String> constants = Arrays.stream(raw.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList();
            if (!json.isTextual() || !constants.contains(json.asText())) {
                found.add(path + ": " + json + " is not one of the gateway's " + raw.getSimpleName() + " " + constants);
            }
        } else if (raw == String.class) {
            expect(json.isTextual(), "a string", json, path, found);
        } else if (raw == boolean.class || raw == Boolean.class) {
            expect(json.isBoolean(), "a boolean", json, path, found);
        } else if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class
                || raw == short.class || raw == Short.class) {
            expect(json.isIntegralNumber(), "a whole number", json, path, found);
        } else if (raw == double.class || raw == Double.class || raw == float.class || raw == Float.class
                || Number.class.isAssignableFrom(raw)) {
            expect(json.isNumber(), "a number", json, path, found);
        } else if (raw != Object.class && raw != JsonNode.class) {
            found.add(path + ": the checker does not know the gateway's type " + type.getTypeName());
        }
    }

    private static void expect(boolean ok, String what, JsonNode json, String path, List<String> found) {
        if (!ok) {
            found.add(path + ": expected " + what + ", got " + json.getNodeType() + " " + json);
        }
    }

    /** The gateway's record as read: a value the service sent must not come out as null. */
    private static void nullsWhereSent(Type type, Object read, JsonNode json, String path,
                                       Map<TypeVariable<?>, Type> bound, List<String> found) {
        if (json == null || json.isNull() || json.isMissingNode()) {
            return;
        }
        if (read == null) {
            found.add(path + ": the service sent " + json + " but the gateway read null");
            return;
        }
        Class<?> raw = raw(type, bound);
        if (raw.isRecord()) {
            Map<TypeVariable<?>, Type> inner = bindings(type, bound);
            for (RecordComponent component : raw.getRecordComponents()) {
                Object value;
                try {
                    value = component.getAccessor().invoke(read);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
                nullsWhereSent(component.getGenericType(), value, json.get(component.getName()),
                        path + "." + component.getName(), inner, found);
            }
        } else if (Collection.class.isAssignableFrom(raw) && read instanceof Collection<?> items) {
            if (items.size() != json.size()) {
                found.add(path + ": the service sent " + json.size() + " items, the gateway read " + items.size());
                return;
            }
            int i = 0;
            for (Object item : items) {
                nullsWhereSent(argument(type, 0, bound), item, json.get(i), path + "[" + i + "]", bound, found);
                i++;
            }
        } else if (Map.class.isAssignableFrom(raw) && read instanceof Map<?, ?> map) {
            for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                nullsWhereSent(argument(type, 1, bound), map.get(entry.getKey()), entry.getValue(),
                        path + "." + entry.getKey(), bound, found);
            }
        }
    }

    private static Class<?> raw(Type type, Map<TypeVariable<?>, Type> bound) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        if (type instanceof TypeVariable<?> v) {
            return bound.containsKey(v) ? raw(bound.get(v), bound) : Object.class;
        }
        if (type instanceof WildcardType w) {
            return raw(w.getUpperBounds()[0], bound);
        }
        return Object.class;
    }

    /** The type arguments of a generic record (PageOf<T>), so its components can be checked as the gateway reads them. */
    private static Map<TypeVariable<?>, Type> bindings(Type type, Map<TypeVariable<?>, Type> outer) {
        Map<TypeVariable<?>, Type> bound = new HashMap<>(outer);
        if (type instanceof ParameterizedType p) {
            TypeVariable<?>[] variables = ((Class<?>) p.getRawType()).getTypeParameters();
            for (int i = 0; i < variables.length; i++) {
                Type argument = p.getActualTypeArguments()[i];
                bound.put(variables[i], argument instanceof TypeVariable<?> v && outer.containsKey(v) ? outer.get(v) : argument);
            }
        }
        return bound;
    }

    private static Type argument(Type type, int index, Map<TypeVariable<?>, Type> bound) {
        if (type instanceof TypeVariable<?> v && bound.containsKey(v)) {
            return argument(bound.get(v), index, bound);
        }
        if (type instanceof ParameterizedType p && p.getActualTypeArguments().length > index) {
            Type argument = p.getActualTypeArguments()[index];
            return argument instanceof TypeVariable<?> v && bound.containsKey(v) ? bound.get(v) : argument;
        }
        return Object.class;
    }
}
