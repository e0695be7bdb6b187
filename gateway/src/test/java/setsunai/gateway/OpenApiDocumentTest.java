package setsunai.gateway;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import setsunai.testsupport.checks.SpecChecks;
import setsunai.common.vocabulary.SongMood;

/** What integrators' tools rely on in the gateway's OpenAPI document (item 11 of the issues). */
@QuarkusTest
@WithTestResource(WireMockServices.class)
class OpenApiDocumentTest {

    private static JsonNode spec() throws Exception {
        return new ObjectMapper().readTree(given().get("/q/openapi?format=json").then().statusCode(200).extract().asByteArray());
    }

    @Test
    void songMoodsListTheSharedVocabulary() throws Exception {
        // the values are spelled out in application.properties (mp.openapi.schema): they must stay SongMood's
        List<String> documented = new ArrayList<>();
        spec().at("/components/schemas/SongMood/enum").forEach(v -> documented.add(v.asText()));
        assertEquals(Stream.of(SongMood.values()).map(Enum::name).toList(), documented);
        assertEquals("object", spec().at("/components/schemas/Mood/type").asText(), "Mood is the gateway's own mood");
    }

    @Test
    void everyOperationHasItsStableOperationId() throws Exception {
        assertEquals(new TreeSet<>(List.of("getRecommendations", "postRecommendations", "surpriseRecommendation", "listMoods", "getTitle", "getSong", "getPlaylist",
                "getConsistencyReport")), SpecChecks.operationIds(spec()));
    }

    @Test
    void repeatableParametersHaveArrayExamplesForTryItOut() throws Exception {
        SpecChecks.assertArrayExamples(spec());
    }

    @Test
    void limitIsAnIntegerAndFiltersAreEnums() throws Exception {
        JsonNode parameters = spec().at("/paths/~1api~1recommendations/get/parameters");
        for (JsonNode parameter : parameters) {
            switch (parameter.path("name").asText()) {
                case "limit" -> assertEquals("integer", parameter.at("/schema/type").asText());
                case "format" -> assertEquals("#/components/schemas/Format", parameter.at("/schema/items/$ref").asText());
                case "ending" -> assertEquals("#/components/schemas/Ending", parameter.at("/schema/items/$ref").asText());
                default -> { }
            }
        }
    }

    @Test
    void everyOperationDocumentsTheRateLimitsProblem() throws Exception {
        JsonNode spec = spec();
        spec.path("paths").forEach(path -> path.forEach(operation -> {
            JsonNode tooMany = operation.at("/responses/429");
            String id = operation.path("operationId").asText();
            assertEquals("#/components/schemas/Problem",
                    tooMany.at("/content/application~1problem+json/schema/$ref").asText(), id);
            for (String header : List.of("Retry-After", "RateLimit", "RateLimit-Policy")) {
                assertFalse(tooMany.at("/headers/" + header + "/schema/type").isMissingNode(), id + " " + header);
            }
        }));
    }
}
