package setsunai.gateway;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static setsunai.testsupport.checks.JsonShape.components;
import static setsunai.testsupport.checks.JsonShape.keys;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import setsunai.gateway.api.Recommendations;
import setsunai.gateway.api.SongPick;
import setsunai.gateway.api.TitleSummary;

/** The gateway's JSON reads top-down as its records declare it: a recommendation's title before its songs. */
@QuarkusTest
@WithTestResource(WireMockServices.class)
class JsonFieldOrderTest extends GatewayTestBase {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aRecommendationReadsInDeclarationOrder() throws Exception {
        stubJson(titlesApi(), page(RecommendationTest.FIVE_CM));
        stubJson(songsApi(), RecommendationTest.SONGS);

        JsonNode answer = JSON.readTree(given().get("/api/recommendations?mood=heartbroken")
                .then().statusCode(200).extract().asByteArray());

        assertEquals(List.of("mood", "items", "page", "size", "totalItems", "totalPages", "excludeUnmatched", "degraded"),
                keys(answer));
        // interpretation is there only for a feeling; what is there keeps the declared order
        assertEquals(components(Recommendations.class).stream().filter(answer::has).toList(), keys(answer));
        JsonNode item = answer.get("items").get(0);
        assertEquals(List.of("title", "score", "reasons", "songs"), keys(item));
        assertEquals(components(Recommendations.Item.class), keys(item));
        // TitleSummary leaves out what is null; what is there keeps the declared order
        assertEquals(components(TitleSummary.class).stream().filter(item.get("title")::has).toList(), keys(item.get("title")));
        assertEquals(List.of("slug", "title"), keys(item.get("title")).subList(0, 2));
        assertEquals(components(SongPick.class), keys(item.get("songs").get(0)));
        // not alphabetical, or the checks above would prove nothing
        assertNotEquals(keys(item).stream().sorted().toList(), keys(item));
    }
}
