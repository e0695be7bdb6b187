package setsunai.catalog;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** What integrators' tools rely on in the OpenAPI document: clients are generated against these operationIds. */
@QuarkusTest
class OpenApiDocumentTest {

    private static JsonNode spec() throws Exception {
        return new ObjectMapper().readTree(given().get("/q/openapi?format=json").then().statusCode(200).extract().asByteArray());
    }

    @Test
    void everyOperationHasItsStableOperationId() throws Exception {
        Set<String> ids = new TreeSet<>();
        spec().path("paths").forEach(path -> path.forEach(operation -> ids.add(operation.path("operationId").asText())));
        assertEquals(new TreeSet<>(List.of("searchTitles", "getTitle", "listSimilarTitles", "createTitle", "replaceTitle", "deleteTitle", "importTitles",
                "listTags", "listStudios")), ids);
    }

    @Test
    void repeatableParametersHaveArrayExamplesForTryItOut() throws Exception {
        // Swagger UI parses an array parameter's example as JSON: a scalar one makes Try it out send nothing
        for (JsonNode parameter : spec().at("/paths/~1api~1titles/get/parameters")) {
            if ("array".equals(parameter.at("/schema/type").asText())) {
                JsonNode example = parameter.has("examples") ? parameter.path("examples").elements().next().path("value")
                        : parameter.path("example");
                assertTrue(example.isArray() && !example.isEmpty(), parameter.path("name").asText() + ": " + example);
            }
        }
    }

    @Test
    void theImportExampleIsNdjsonText() throws Exception {
        JsonNode example = spec().at("/paths/~1api~1titles~1import/post/requestBody/content/application~1x-ndjson/examples").elements().next().path("value");
        assertTrue(example.isTextual() && example.asText().strip().lines().count() >= 2, example.toString());
    }
}
