package setsunai.songs;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import setsunai.testsupport.checks.SpecChecks;

/** What integrators' tools rely on in the OpenAPI document: clients are generated against these operationIds. */
@QuarkusTest
class OpenApiDocumentTest {

    private static JsonNode spec() throws Exception {
        return new ObjectMapper().readTree(given().get("/q/openapi?format=json").then().statusCode(200).extract().asByteArray());
    }

    @Test
    void everyOperationHasItsStableOperationId() throws Exception {
        assertEquals(new TreeSet<>(List.of("listSongs", "getSong", "createSong", "replaceSong", "deleteSong", "importSongs", "listArtists",
                "getArtist")), SpecChecks.operationIds(spec()));
    }

    @Test
    void repeatableParametersHaveArrayExamplesForTryItOut() throws Exception {
        SpecChecks.assertArrayExamples(spec());
    }

    @Test
    void theImportExampleIsNdjsonText() throws Exception {
        SpecChecks.assertNdjsonExample(spec(), "/api/songs/import");
    }
}
