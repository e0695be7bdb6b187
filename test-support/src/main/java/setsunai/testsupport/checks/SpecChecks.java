package setsunai.testsupport.checks;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import java.util.TreeSet;

/** What integrators' tools need from each service's OpenAPI document, checked alike in every service. */
public final class SpecChecks {

    private SpecChecks() {
    }

    /** Every operationId of the document. */
    public static Set<String> operationIds(JsonNode spec) {
        Set<String> ids = new TreeSet<>();
        spec.path("paths").forEach(path -> path.forEach(operation -> ids.add(operation.path("operationId").asText())));
        return ids;
    }

    /**
     * Every array parameter of every operation has a non-empty JSON-array example: Swagger UI parses an array
     * parameter's example as JSON, and a scalar one makes Try it out send nothing.
     */
    public static void assertArrayExamples(JsonNode spec) {
        spec.path("paths").forEach(path -> path.forEach(operation -> operation.path("parameters").forEach(parameter -> {
            if ("array".equals(parameter.at("/schema/type").asText())) {
                JsonNode example = parameter.has("examples") ? parameter.path("examples").elements().next().path("value")
                        : parameter.path("example");
                assertTrue(example.isArray() && !example.isEmpty(), operation.path("operationId").asText() + " "
                        + parameter.path("name").asText() + ": " + example);
            }
        })));
    }

    /** The NDJSON import's example is text of at least two lines (SmallRye would keep only a first JSON line). */
    public static void assertNdjsonExample(JsonNode spec, String path) {
        JsonNode example = spec.path("paths").path(path).at("/post/requestBody/content/application~1x-ndjson/examples")
                .elements().next().path("value");
        assertTrue(example.isTextual() && example.asText().strip().lines().count() >= 2, example.toString());
    }
}
