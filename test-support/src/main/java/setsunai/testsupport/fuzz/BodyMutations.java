package setsunai.testsupport.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * JSON bodies from a schema: a valid one (examples, first enum values, minimums), and mutations of it. The "certainly
 * invalid" mutations are those every correct service must reject with a 4xx, so a 2xx to one of them is a finding.
 */
final class BodyMutations {

    record Body(byte[] bytes, String note) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final OddValues odd;
    private int serial;

    /** How many fresh slugs (fuzz-1 … fuzz-N) the bodies used: what a broken service may have stored. */
    int slugsUsed() {
        return serial;
    }

    BodyMutations(OddValues odd) {
        this.odd = odd;
    }

    // ---- valid values ----------------------------------------------------------------------------------------------

    /** A value the schema documents as valid; slugs are fresh ({@code fuzz-…}) so anything stored is recognisable. */
    JsonNode valid(JsonNode schema, String name) {
        if (schema.has("example") && !schema.get("example").isNull() && !"slug".equals(name)) {
            JsonNode example = schema.get("example").deepCopy();
            if (example instanceof ObjectNode object && object.path("slug").isTextual()) {
                object.put("slug", "fuzz-" + (++serial));
            }
            return example;
        }
        if (schema.path("examples").isArray() && schema.path("examples").size() > 0 && !"slug".equals(name)) {
            return schema.path("examples").get(0).deepCopy();
        }
        if (schema.path("enum").isArray() && schema.path("enum").size() > 0) {
            return schema.path("enum").get(0);
        }
        String type = type(schema);
        return switch (type) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                for (Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields(); properties.hasNext(); ) {
                    Map.Entry<String, JsonNode> property = properties.next();
                    if (!property.getValue().path("readOnly").asBoolean()) {
                        object.set(property.getKey(), valid(property.getValue(), property.getKey()));
                    }
                }
                yield object;
            }
            case "array" -> NODES.arrayNode().add(valid(schema.path("items"), name));
            case "integer", "number" -> NODES.numberNode(schema.has("minimum") ? schema.get("minimum").asLong() : 1);
            case "boolean" -> NODES.booleanNode(true);
            default -> NODES.textNode("slug".equals(name) || name != null && name.endsWith("Slug")
                    ? "fuzz-" + (++serial) : "Fuzz " + (++serial));
        };
    }

    static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!"null".equals(t.asText())) {
                    return t.asText();
                }
            }
        }
        if (type.isTextual()) {
            return type.asText();
        }
        return schema.has("properties") ? "object" : schema.has("items") ? "array" : "string";
    }

    static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- mutations -------------------------------------------------------------------------------------------------

    /** A field of the body and its schema, found by walking it. */
    private record Field(ObjectNode owner, String name, JsonNode schema, boolean required) {
    }

    private List<Field> fields(JsonNode body, JsonNode schema, List<Field> into, int depth) {
        if (body instanceof ObjectNode object && depth < 4) {
            List<String> required = new ArrayList<>();
            schema.path("required").forEach(r -> required.add(r.asText()));
            for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                JsonNode fieldSchema = schema.path("properties").path(name);
                into.add(new Field(object, name, fieldSchema, required.contains(name)));
                JsonNode value = object.get(name);
                if (value.isObject()) {
                    fields(value, fieldSchema, into, depth + 1);
                } else if (value.isArray() && value.size() > 0 && value.get(0).isObject()) {
                    fields(value.get(0), fieldSchema.path("items"), into, depth + 1);
                }
            }
        }
        return into;
    }

    /** Text fields get odd but possibly valid text (controls, RTL, emoji…): the answer may be a 2xx. */
    void sprinkleOddText(JsonNode body, JsonNode schema) {
        for (Field field : fields(body, schema, new ArrayList<>(), 0)) {
            if (field.owner.get(field.name).isTextual() && odd.chance(25)) {
                field.owner.put(field.name, odd.oddString());
            }
        }
    }

    /** The valid body with one mutation that must be refused, and maybe odd text beside it. */
    Body certainlyInvalid(JsonNode schema) {
        JsonNode body = valid(schema, null);
        if (odd.chance(30)) {
            sprinkleOddText(body, schema);
        }
        // Only fields the schema describes: a free-form map (externalIds) takes any value, so nothing there is surely wrong.
        List<Field> fields = fields(body, schema, new ArrayList<>(), 0).stream().filter(f -> !f.schema.isMissingNode()).toList();
        int choice = odd.random().nextInt(14);
        if (fields.isEmpty() && choice < 9) {
            choice = 9 + odd.random().nextInt(5);
        }
        switch (choice) {
            case 0: {
                Field field = pickText(fields);
                if (field != null) {
                    field.owner.put(field.name, "a\u0000" + field.owner.get(field.name).asText());
                    return new Body(bytes(body), "NUL (\\u0000) in " + field.name);
                }
                return truncated(body);
            }
            case 1: {
                Field field = pickText(fields);
                if (field != null) {
                    return new Body(insertIntoString(body, field, odd.pick(List.of(new byte[] {0}, new byte[] {(byte) 0xC0, (byte) 0xAF},
                            new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xE2, (byte) 0x82},
                            new byte[] {(byte) 0xC3}, new byte[] {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}))),
                            "raw NUL or invalid/overlong UTF-8 bytes in " + field.name);
                }
                return truncated(body);
            }
            case 2: {
                Field field = pick(fields, f -> f.owner == body);
                if (field == null) {
                    return truncated(body);
                }
                String text = new String(bytes(body), StandardCharsets.UTF_8);
                String duplicate = JSON.valueToTree(field.name) + ":" + bytesText(field.owner.get(field.name)) + ",";
                int at = text.indexOf('{') + 1;
                return new Body((text.substring(0, at) + duplicate + text.substring(at)).getBytes(StandardCharsets.UTF_8),
                        "duplicate key " + field.name);
            }
            case 3: {
                Field field = odd.pick(fields);
                int depth = odd.nestingDepth();
                field.owner.put(field.name, "\u0001nest\u0001");
                String text = new String(bytes(body), StandardCharsets.UTF_8).replace("\"\\u0001nest\\u0001\"", nested(depth));
                return new Body(text.getBytes(StandardCharsets.UTF_8), depth + " levels of nesting in " + field.name);
            }
            case 4: {
                Field field = odd.pick(fields);
                field.owner.set(field.name, wrongType(field.schema));
                return new Body(bytes(body), "wrong JSON type for " + field.name);
            }
            case 5: {
                Field field = pick(fields, f -> f.schema.path("enum").size() > 0 || f.schema.path("items").path("enum").size() > 0);
                if (field != null) {
                    // Not "TV " or "tv": enum values are read case-insensitively and trimmed, by design.
                    String unknown = odd.pick(List.of("NOT_A_VALUE", "tv\u0000", "", " ", "T V", "%00", "\u00a0"));
                    field.owner.set(field.name, field.schema.path("enum").size() > 0 ? NODES.textNode(unknown)
                            : NODES.arrayNode().add(unknown));
                    return new Body(bytes(body), "unknown enum value in " + field.name);
                }
                return notAnObject();
            }
            case 6: {
                Field field = pick(fields, f -> f.required && (f.owner.get(f.name).isTextual()
                        || f.owner.get(f.name).isArray() && f.owner.get(f.name).size() > 0 && f.owner.get(f.name).get(0).isTextual()));
                if (field != null) {
                    String blank = odd.pick(List.of("\u00a0", "\u0085", "\u3000", "\u00a0\u0085\u3000", "\u2003\u200a", "\t\u00a0"));
                    field.owner.set(field.name, field.owner.get(field.name).isArray() ? NODES.arrayNode().add(blank) : NODES.textNode(blank));
                    return new Body(bytes(body), "only Unicode spaces in " + field.name);
                }
                return notAnObject();
            }
            case 7: {
                Field field = pick(fields, f -> f.schema.has("maxLength") || f.schema.has("maximum") || f.schema.has("minimum")
                        || f.schema.has("maxItems") || "slug".equals(f.name));
                if (field != null) {
                    field.owner.set(field.name, outOfRange(field));
                    return new Body(bytes(body), "out of documented range: " + field.name);
                }
                return truncated(body);
            }
            case 8: {
                Field field = pick(fields, f -> f.required);
                if (field != null) {
                    field.owner.remove(field.name);
                    return new Body(bytes(body), "required " + field.name + " missing");
                }
                return truncated(body);
            }
            case 9, 10:
                return truncated(body);
            case 11: {
                int depth = odd.nestingDepth();
                return new Body(nested(depth).getBytes(StandardCharsets.UTF_8), depth + " levels of nesting as the body");
            }
            default:
                return notAnObject();
        }
    }

    private Body truncated(JsonNode body) {
        byte[] bytes = bytes(body);
        int at = odd.random().nextInt(Math.max(1, bytes.length - 1));
        return new Body(java.util.Arrays.copyOf(bytes, at), "JSON truncated at byte " + at);
    }

    private Body notAnObject() {
        String body = odd.pick(List.of("", "[]", "\"x\"", "null", "42", "{", "}", "{}{}", "{\"a\":}", "{'a':1}", "\u00ef\u00bb\u00bf{}",
                "{\"a\":NaN}", "{\"a\":1,}", "[{}]", "{\"a\" 1}", "{\"\u0000\":1}", "\ufeff"));
        return new Body(body.getBytes(StandardCharsets.UTF_8), "not a valid object body: " + Repro.excerpt(body, 20));
    }

    /** Arrays or objects {@code depth} levels deep, as text (Jackson itself refuses to write over 1000). */
    private String nested(int depth) {
        boolean arrays = odd.chance(50);
        return (arrays ? "[" : "{\"a\":").repeat(depth - 1) + (arrays ? "[]" : "{}") + (arrays ? "]" : "}").repeat(depth - 1);
    }

    /** A JSON value no lenient coercion turns into the documented type. */
    private JsonNode wrongType(JsonNode schema) {
        return switch (type(schema)) {
            case "integer", "number" -> odd.pick(List.<JsonNode>of(NODES.textNode("abc"), NODES.objectNode(), NODES.arrayNode().add(1).add(2),
                    NODES.numberNode(new BigInteger("99999999999999999999999")), NODES.textNode("")));
            case "array" -> odd.pick(List.<JsonNode>of(NODES.objectNode().put("a", 1), NODES.numberNode(7)));
            case "object" -> odd.pick(List.<JsonNode>of(NODES.arrayNode().add(1).add(2), NODES.numberNode(7), NODES.textNode("x")));
            case "boolean" -> odd.pick(List.<JsonNode>of(NODES.textNode("maybe"), NODES.objectNode(), NODES.arrayNode().add(1).add(2)));
            default -> odd.pick(List.<JsonNode>of(NODES.objectNode().put("a", 1), NODES.arrayNode().add(NODES.arrayNode()),
                    NODES.arrayNode().add(1).add(2)));
        };
    }

    private JsonNode outOfRange(Field field) {
        JsonNode schema = field.schema;
        if (schema.has("maxLength")) {
            return NODES.textNode(odd.longString(schema.get("maxLength").asInt()));
        }
        if (schema.has("maxItems")) {
            ArrayNode items = NODES.arrayNode();
            for (int i = 0; i <= schema.get("maxItems").asInt(); i++) {
                items.add(field.owner.get(field.name).isArray() && field.owner.get(field.name).size() > 0
                        ? field.owner.get(field.name).get(0) : NODES.textNode("x" + i));
            }
            return items;
        }
        if (schema.has("maximum") && (!schema.has("minimum") || odd.chance(50))) {
            return NODES.numberNode(schema.get("maximum").asLong() + 1 + odd.random().nextInt(1000));
        }
        if (schema.has("minimum")) {
            return NODES.numberNode(schema.get("minimum").asLong() - 1 - odd.random().nextInt(1000));
        }
        // a slug outside its grammar (lowercase letters, digits, hyphens)
        return NODES.textNode(odd.pick(List.of("Has Spaces", "UPPER", "a/b", "a\u0000b", "-", "", "ümlaut", "a_b", "../x",
                odd.longString(200), "a\u200bb", "\u00a0")));
    }

    private Field pickText(List<Field> fields) {
        return pick(fields, f -> f.owner.get(f.name).isTextual());
    }

    private Field pick(List<Field> fields, java.util.function.Predicate<Field> filter) {
        List<Field> matching = fields.stream().filter(filter).toList();
        return matching.isEmpty() ? null : odd.pick(matching);
    }

    private static String bytesText(JsonNode node) {
        return new String(bytes(node), StandardCharsets.UTF_8);
    }

    /** The body with {@code raw} bytes placed inside the JSON string of one field. */
    private static byte[] insertIntoString(JsonNode body, Field field, byte[] raw) {
        String marker = "\u0001fuzz\u0001";
        String original = field.owner.get(field.name).asText();
        field.owner.put(field.name, marker + original);
        String text = new String(bytes(body), StandardCharsets.UTF_8);
        field.owner.put(field.name, original);
        String escapedMarker = "\\u0001fuzz\\u0001";
        int at = text.indexOf(escapedMarker);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(text.substring(0, at).getBytes(StandardCharsets.UTF_8));
        out.writeBytes("x".getBytes(StandardCharsets.UTF_8));
        out.writeBytes(raw);
        out.writeBytes(text.substring(at + escapedMarker.length()).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
