package setsunai.testsupport.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The operations of an OpenAPI 3 document, with their parameters and body schemas ($refs resolved). */
final class OpenApiSpec {

    record Parameter(String name, String in, boolean required, JsonNode schema, String example) {

        boolean repeatable() {
            return "array".equals(schema.path("type").asText());
        }

        /** The schema of one value: the items of a repeatable parameter. */
        JsonNode valueSchema() {
            return repeatable() ? schema.path("items") : schema;
        }
    }

    record Body(List<String> mediaTypes, JsonNode schema) {
    }

    record Operation(String method, String path, List<Parameter> parameters, Body body, boolean secured) {

        String template() {
            return method + " " + path;
        }

        boolean isImport() {
            return body != null && body.mediaTypes().stream().anyMatch(type -> type.contains("ndjson"));
        }
    }

    private static final List<String> METHODS = List.of("get", "post", "put", "delete", "patch");

    final List<Operation> operations = new ArrayList<>();
    private final JsonNode root;

    OpenApiSpec(String json) {
        try {
            root = new ObjectMapper().readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException("The OpenAPI document is not JSON: " + Repro.excerpt(json, 200), e);
        }
        boolean securedByDefault = root.path("security").size() > 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = root.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            List<Parameter> shared = parameters(path.getValue().path("parameters"));
            for (String method : METHODS) {
                JsonNode operation = path.getValue().path(method);
                if (operation.isMissingNode()) {
                    continue;
                }
                List<Parameter> parameters = new ArrayList<>(shared);
                parameters.addAll(parameters(operation.path("parameters")));
                boolean secured = operation.has("security") ? operation.path("security").size() > 0 : securedByDefault;
                operations.add(new Operation(method.toUpperCase(Locale.ROOT), path.getKey(), parameters,
                        body(operation.path("requestBody")), secured));
            }
        }
    }

    private List<Parameter> parameters(JsonNode list) {
        List<Parameter> parameters = new ArrayList<>();
        for (JsonNode parameter : list) {
            parameter = resolve(parameter);
            JsonNode schema = deepResolve(parameter.path("schema"), 0);
            String example = parameter.hasNonNull("example") ? text(parameter.get("example"))
                    : schema.hasNonNull("example") ? text(schema.get("example"))
                    : schema.path("examples").isArray() && schema.path("examples").size() > 0 ? text(schema.path("examples").get(0))
                    : null;
            parameters.add(new Parameter(parameter.path("name").asText(), parameter.path("in").asText(),
                    parameter.path("required").asBoolean(), schema, example));
        }
        return parameters;
    }

    private Body body(JsonNode requestBody) {
        if (requestBody.isMissingNode()) {
            return null;
        }
        requestBody = resolve(requestBody);
        List<String> types = new ArrayList<>();
        JsonNode schema = null;
        for (Iterator<Map.Entry<String, JsonNode>> content = requestBody.path("content").fields(); content.hasNext(); ) {
            Map.Entry<String, JsonNode> type = content.next();
            types.add(type.getKey());
            if (schema == null || type.getKey().contains("json") && !type.getKey().contains("ndjson")) {
                schema = deepResolve(type.getValue().path("schema"), 0);
                // The media type's example is the best valid body there is: keep it on the schema.
                JsonNode example = type.getValue().has("example") ? type.getValue().get("example")
                        : type.getValue().path("examples").elements().hasNext()
                        ? resolve(type.getValue().path("examples").elements().next()).path("value") : null;
                if (example != null && example.isObject() && schema.isObject() && !schema.has("example")) {
                    ((ObjectNode) schema).set("example", example);
                }
            }
        }
        return new Body(types, schema == null ? new ObjectMapper().createObjectNode() : schema);
    }

    private static String text(JsonNode node) {
        return node.isTextual() ? node.asText() : node.toString();
    }

    /** Follows a local $ref (#/components/...) once. */
    JsonNode resolve(JsonNode node) {
        for (int hops = 0; node.has("$ref") && hops < 10; hops++) {
            node = root.at(node.get("$ref").asText().substring(1));
        }
        return node;
    }

    /** A copy of the schema with every $ref replaced by its target (cut at a few levels, for recursive schemas). */
    private JsonNode deepResolve(JsonNode node, int depth) {
        node = resolve(node);
        if (!node.isObject() || depth > 6) {
            return node;
        }
        ObjectNode copy = ((ObjectNode) node).deepCopy();
        if (copy.has("properties")) {
            ObjectNode properties = (ObjectNode) copy.get("properties");
            List<String> names = new ArrayList<>();
            properties.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                properties.set(name, deepResolve(properties.get(name), depth + 1));
            }
        }
        if (copy.has("items")) {
            copy.set("items", deepResolve(copy.get("items"), depth + 1));
        }
        for (String combiner : List.of("allOf", "oneOf", "anyOf")) {
            if (copy.path(combiner).isArray() && copy.path(combiner).size() > 0) {
                // Take the first alternative, merged over what is beside it (nullable, description).
                JsonNode first = deepResolve(copy.path(combiner).get(0), depth + 1);
                copy.remove(combiner);
                if (first.isObject()) {
                    ObjectNode merged = ((ObjectNode) first).deepCopy();
                    copy.fields().forEachRemaining(field -> merged.set(field.getKey(), field.getValue()));
                    copy = merged;
                }
            }
        }
        return copy;
    }
}
