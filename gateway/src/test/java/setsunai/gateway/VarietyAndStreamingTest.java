package setsunai.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.havingExactly;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.hasToString;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Issue 14 items 7 and 3: {@code diversity} re-ranking recommendations, {@code streaming} passed to the catalogue. */
@QuarkusTest
@WithTestResource(WireMockServices.class)
class VarietyAndStreamingTest extends GatewayTestBase {

    static final String SERIES = "anohana-the-flower-we-saw-that-day";
    static final String FILM = "anohana-the-movie";

    void stubRealCatalogue() {
        stubJson(titlesApi(), SurpriseTest.pageOf(SurpriseTest.realTitles()));
        stubJson(songsApi(), page());
    }

    @Test
    void grievingsTopNoLongerHoldsBothAnohanasAndTheMovedOneSaysWhy() {
        stubRealCatalogue();
        // ranked by fit alone, the film and the series are both in the top ten, and no reason mentions variety
        Response byFit = given().get("/api/recommendations?mood=grieving&size=100&diversity=0");
        List<String> plain = byFit.path("items.title.slug");
        assertThat(plain.indexOf(FILM), lessThan(10));
        assertThat(plain.indexOf(SERIES), lessThan(10));
        List<Float> scores = byFit.path("items.score");
        for (int i = 1; i < scores.size(); i++) {
            assertTrue(scores.get(i) <= scores.get(i - 1), "by score at " + i);
        }
        assertTrue(byFit.asString().indexOf("for variety") < 0);

        Response varied = given().get("/api/recommendations?mood=grieving&size=100");
        List<String> slugs = varied.path("items.title.slug");
        assertEquals(plain.size(), slugs.size());
        assertEquals(plain.stream().sorted().toList(), slugs.stream().sorted().toList(), "the same titles, reordered");
        assertTrue(slugs.indexOf(FILM) < 5);
        assertTrue(slugs.indexOf(SERIES) >= 10, "the second anohana leaves the top ten: " + slugs.indexOf(SERIES));
        List<String> reasons = varied.path("items[" + slugs.indexOf(SERIES) + "].reasons");
        assertEquals("Moved down for variety: same franchise as anohana: The Flower We Saw That Day – The Movie, "
                + "ranked above it.", reasons.get(reasons.size() - 1));
        // scores are not changed by the re-rank, only places
        assertEquals(scores.get(plain.indexOf(SERIES)), varied.path("items[" + slugs.indexOf(SERIES) + "].score"));
        // every title that moved says so; one that kept its place does not
        for (int i = 0; i < slugs.size(); i++) {
            List<String> its = varied.path("items[" + i + "].reasons");
            String last = its.get(its.size() - 1);
            int was = plain.indexOf(slugs.get(i));
            assertEquals(was != i, last.contains("for variety"), slugs.get(i) + ": " + last);
            if (was < i) {
                assertTrue(last.startsWith("Moved down for variety"), last);
            } else if (was > i) {
                assertTrue(last.startsWith("Moved up for variety"), last);
            }
        }
    }

    @Test
    void pagesAreSlicesOfTheReRankedOrder() {
        stubRealCatalogue();
        List<String> all = given().get("/api/recommendations?mood=longing&size=100&diversity=0.5").path("items.title.slug");
        List<String> pageTwo = given().get("/api/recommendations?mood=longing&page=2&size=5&diversity=0.5")
                .then().statusCode(200)
                .header("Link", containsString("diversity=0.5"))
                .extract().path("items.title.slug");
        assertEquals(all.subList(5, 10), pageTwo);
        // the POST body takes diversity and streaming too: the GET's body and ETag
        Response get = given().get("/api/recommendations?mood=longing&streaming=netflix&exclude=orange&diversity=0.5&size=3");
        Response post = given().contentType(ContentType.JSON).body("""
                {"mood": "longing", "streaming": ["netflix"], "exclude": ["orange"], "diversity": 0.5, "size": 3}""")
                .post("/api/recommendations");
        post.then().statusCode(200);
        assertEquals(get.asString(), post.asString());
        assertEquals(get.header("ETag"), post.header("ETag"));
    }

    @Test
    void diversityOutside0To1IsA400NamingIt() {
        for (String bad : List.of("1.5", "-0.1", "abc", "NaN", "1e-1", "0x1p-2", "Infinity", "0,5")) {
            given().queryParam("mood", "grieving").queryParam("diversity", bad).get("/api/recommendations")
                    .then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors", hasSize(1))
                    .body("errors[0].field", equalTo("diversity"))
                    .body("errors[0].message", containsString("must be a number from 0 to 1"));
        }
        for (String body : List.of("{\"mood\": \"grieving\", \"diversity\": 1.01}", "{\"mood\": \"grieving\", \"diversity\": -1}",
                "{\"mood\": \"grieving\", \"diversity\": \"much\"}")) {
            given().contentType(ContentType.JSON).body(body).post("/api/recommendations")
                    .then().statusCode(400)
                    .body("errors[0].field", equalTo("diversity"));
        }
        wireMock.verify(0, anyRequestedFor(anyUrl()));
        // the bounds themselves are fine
        stubRealCatalogue();
        given().get("/api/recommendations?mood=grieving&diversity=0").then().statusCode(200);
        given().get("/api/recommendations?mood=grieving&diversity=1").then().statusCode(200);
        given().get("/api/recommendations?mood=grieving&diversity=.25").then().statusCode(200);
    }

    @Test
    void streamingIsPassedToTheCatalogueCheckedAndSorted() {
        stubRealCatalogue();
        given().get("/api/recommendations?mood=heartbroken&streaming=Netflix&streaming=crunchyroll&streaming=netflix")
                .then().statusCode(200);
        wireMock.verify(1, getRequestedFor(urlPathEqualTo("/api/titles"))
                .withQueryParam("streaming", havingExactly("crunchyroll", "netflix")));
        // any order of the same services is one cache entry
        given().get("/api/recommendations?mood=heartbroken&streaming=crunchyroll&streaming=netflix").then().statusCode(200);
        wireMock.verify(1, getRequestedFor(urlPathEqualTo("/api/titles")));
    }

    @Test
    void malformedOrTooManyStreamingValuesAre400sWithoutADownstreamCall() {
        for (String bad : List.of("net flix", "-netflix", "netflix-", "prime_video", "n".repeat(41), "netflix!")) {
            given().queryParam("mood", "heartbroken").queryParam("streaming", bad).get("/api/recommendations")
                    .then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("streaming"))
                    .body("errors[0].message", containsString("not a streaming service key"));
        }
        given().queryParam("mood", "heartbroken").queryParam("streaming", IntStream.rangeClosed(1, 21).mapToObj(i -> "s" + i).toList())
                .get("/api/recommendations")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("streaming"))
                .body("errors[0].message", equalTo("at most 20 values are allowed, got 21"));
        given().contentType(ContentType.JSON).body("{\"mood\": \"heartbroken\", \"streaming\": \"netflix\"}")
                .post("/api/recommendations").then().statusCode(400).body("errors[0].field", equalTo("streaming"));
        wireMock.verify(0, anyRequestedFor(anyUrl()));
        // forty characters and twenty values are fine
        stubRealCatalogue();
        given().queryParam("mood", "heartbroken").queryParam("streaming", "n".repeat(40))
                .queryParam("streaming", IntStream.rangeClosed(1, 19).mapToObj(i -> "service-" + i).toList())
                .get("/api/recommendations").then().statusCode(200);
    }

    @Test
    void aStreamingKeyTheCatalogueRefusesIsTheCallersBadRequestAndOpensNoBreaker() {
        wireMock.stubFor(titlesApi().willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,\"errors\":"
                        + "[{\"field\":\"streaming\",\"message\":\"unknown service\"}]}")));
        for (int i = 0; i < 8; i++) {
            given().get("/api/recommendations?mood=heartbroken&streaming=no-such-service").then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("streaming"))
                    .body("errors[0].message", containsString("rejected by the catalogue (HTTP 400)"));
            given().get("/api/recommendations/surprise?mood=heartbroken&streaming=no-such-service&seed=1")
                    .then().statusCode(400)
                    .body("errors[0].field", equalTo("streaming"));
        }
        // not retried (a refusal), and no breaker opened: the next good question is answered
        wireMock.verify(16, getRequestedFor(urlPathEqualTo("/api/titles")));
        stubRealCatalogue();
        given().get("/api/recommendations?mood=heartbroken").then().statusCode(200);
        // without streaming the same refusal is the gateway's disagreement with the catalogue, not the caller's fault
        wireMock.stubFor(titlesApi().willReturn(aResponse().withStatus(400)));
        caches.getCacheNames().forEach(name -> caches.getCache(name).orElseThrow().invalidateAll().await().indefinitely());
        given().get("/api/recommendations?mood=grieving").then().statusCode(502);
    }

    @Test
    void theSpecDescribesStreamingAndDiversity() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/recommendations'.get.parameters.name", hasItems("streaming", "diversity"))
                .body("paths.'/api/recommendations'.get.parameters.find { it.name == 'diversity' }.example",
                        hasToString("0.3"))
                .body("components.schemas.RecommendationQuery.properties.keySet()", hasItems("streaming", "diversity"))
                .body("components.schemas.Title.properties.keySet()", hasItems("franchise"));
        // the body's fields in the GET's order
        assertEquals(List.of("mood", "feeling", "format", "ending", "streaming", "exclude", "diversity", "page", "size",
                "limit"), List.copyOf(setsunai.gateway.api.RecommendationQuery.FIELDS));
    }
}
