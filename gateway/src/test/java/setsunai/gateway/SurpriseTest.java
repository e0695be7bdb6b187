package setsunai.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.havingExactly;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.oneOf;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.Fault;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Issue 14 item 2: GET /api/recommendations/surprise, weighted by fit, replayed by its seed. */
@QuarkusTest
@WithTestResource(WireMockServices.class)
class SurpriseTest extends GatewayTestBase {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * A realistic candidate set: the catalogue's first dataset (56 titles, their real tags, endings and tearjerker
     * values; the anohana series and film in one franchise), 43 of which fit grieving.
     */
    static JsonNode realTitles() {
        try (InputStream in = SurpriseTest.class.getResourceAsStream("/surprise/titles-56.json")) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String pageOf(JsonNode titles) {
        ObjectNode page = JSON.createObjectNode();
        page.set("items", titles);
        page.put("page", 1).put("size", 100).put("totalItems", titles.size()).put("totalPages", 1);
        return page.toString();
    }

    void stubRealCatalogue() {
        stubJson(titlesApi(), pageOf(realTitles()));
        stubJson(songsApi(), page());
    }

    /** The slugs of the real titles that have one of the mood's tags, from the gateway's own mood list. */
    static Set<String> fitting(String mood) {
        Map<String, Object> tags = given().get("/api/moods").then().statusCode(200).extract().jsonPath()
                .getMap("find { it.name == '" + mood + "' }.tags");
        Set<String> slugs = new HashSet<>();
        for (JsonNode title : realTitles()) {
            for (JsonNode tag : title.path("tags")) {
                if (tags.containsKey(tag.asText())) {
                    slugs.add(title.path("slug").asText());
                }
            }
        }
        return slugs;
    }

    @Test
    void over200SeedsMostOfTheTitlesThatFitComeUpAndBetterFitsMoreOften() {
        stubRealCatalogue();
        Set<String> fitting = fitting("grieving");
        assertTrue(fitting.size() >= 30, "a realistic set: " + fitting.size());
        // every title that fits, with its score (the songs service knows no songs here, so the score is the weight)
        Map<String, Float> scores = new HashMap<>();
        Response all = given().get("/api/recommendations?mood=grieving&size=100&diversity=0");
        List<String> slugs = all.path("items.title.slug");
        List<Float> values = all.path("items.score");
        for (int i = 0; i < slugs.size(); i++) {
            scores.put(slugs.get(i), values.get(i));
        }
        assertEquals(fitting, scores.keySet());

        Set<String> seen = new HashSet<>();
        double pickedScores = 0;
        for (long seed = 1; seed <= 200; seed++) {
            Response r = given().get("/api/recommendations/surprise?mood=grieving&seed=" + seed);
            r.then().statusCode(200)
                    .body("seed", equalTo((int) seed))
                    .body("candidates", equalTo(fitting.size()))
                    .body("item.reasons[-1]", startsWith("Picked at random among the " + fitting.size()
                            + " titles that fit, weighted by fit: its chance was "));
            String slug = r.path("item.title.slug");
            assertTrue(fitting.contains(slug), slug);
            seen.add(slug);
            pickedScores += scores.get(slug);
        }
        double coverage = seen.size() / (double) fitting.size();
        double meanAll = scores.values().stream().mapToDouble(Float::doubleValue).average().orElseThrow();
        System.out.printf("surprise coverage over 200 seeds: %d of %d titles that fit (%.1f%%); mean score picked %.2f, "
                + "of all that fit %.2f%n", seen.size(), fitting.size(), 100 * coverage, pickedScores / 200, meanAll);
        assertTrue(coverage >= 0.8, "coverage " + coverage);
        // weighted by fit, not uniform: the picks fit better on average than the titles they were drawn from
        assertTrue(pickedScores / 200 > meanAll, pickedScores / 200 + " vs " + meanAll);
    }

    @Test
    void theSameSeedGivesTheSameBytesAndETag() {
        stubRealCatalogue();
        Response first = given().get("/api/recommendations/surprise?mood=grieving&seed=4242");
        first.then().statusCode(200)
                .header("ETag", notNullValue())
                .header("Cache-Control", "public, max-age=10")
                .body("seed", equalTo(4242))
                .body("mood", equalTo("grieving"))
                .body("item.title.slug", notNullValue())
                .body("item.score", notNullValue())
                .body("item.songs", empty())
                .body("excludeUnmatched", empty())
                .body("degraded", empty());
        // a fresh read of the catalogue (the candidates cache emptied) gives the same answer too
        caches.getCacheNames().forEach(name -> caches.getCache(name).orElseThrow().invalidateAll().await().indefinitely());
        Response again = given().get("/api/recommendations/surprise?mood=grieving&seed=4242");
        assertArrayEquals(first.asByteArray(), again.asByteArray());
        assertEquals(first.header("ETag"), again.header("ETag"));
        given().header("If-None-Match", first.header("ETag")).get("/api/recommendations/surprise?mood=grieving&seed=4242")
                .then().statusCode(304);
        // two calls per surprise: the candidates (cached in between) and the pick's songs, for it alone
        String slug = first.path("item.title.slug");
        wireMock.verify(2, getRequestedFor(urlPathEqualTo("/api/titles")));
        wireMock.verify(3, getRequestedFor(urlPathEqualTo("/api/songs")).withQueryParam("title", havingExactly(slug)));
    }

    @Test
    void withoutASeedOneIsDrawnReturnedAndNotCached() {
        stubRealCatalogue();
        Response drawn = given().get("/api/recommendations/surprise?mood=grieving");
        drawn.then().statusCode(200).header("Cache-Control", "no-store");
        long seed = ((Number) drawn.path("seed")).longValue();
        assertTrue(seed >= 0 && seed < (1L << 53), "fits a JavaScript number: " + seed);
        // the seed in the body replays it
        given().get("/api/recommendations/surprise?mood=grieving&seed=" + seed).then().statusCode(200)
                .body("item.title.slug", equalTo(drawn.path("item.title.slug")));
    }

    @Test
    void filtersExcludeAndFeelingsWorkAsForRecommendations() {
        stubRealCatalogue();
        for (long seed = 1; seed <= 40; seed++) {
            given().get("/api/recommendations/surprise?mood=grieving&format=MOVIE&ending=tragic&exclude=grave-of-the-fireflies"
                            + "&exclude=mal:999999&streaming=netflix&seed=" + seed)
                    .then().statusCode(200)
                    .body("item.title.format", equalTo("MOVIE"))
                    .body("item.title.ending", equalTo("TRAGIC"))
                    .body("item.title.slug", not(equalTo("grave-of-the-fireflies")))
                    .body("excludeUnmatched", equalTo(List.of("mal:999999")));
        }
        wireMock.verify(1, getRequestedFor(urlPathEqualTo("/api/titles"))
                .withQueryParam("format", havingExactly("MOVIE"))
                .withQueryParam("ending", havingExactly("TRAGIC"))
                .withQueryParam("streaming", havingExactly("netflix")));

        given().get("/api/recommendations/surprise?feeling=my grandfather died last week&seed=9").then().statusCode(200)
                .body("mood", equalTo("grieving"))
                .body("interpretation.moods[0].name", equalTo("grieving"))
                .body("item.title.slug", oneOf(fitting("grieving").toArray()));
    }

    @Test
    void nothingThatFitsIsAnEmptyAnswer() {
        stubJson(titlesApi(), page(title("grave-of-the-fireflies", "Grave of the Fireflies", "MOVIE", "TRAGIC", 10, "war")));
        stubJson(songsApi(), page());
        given().get("/api/recommendations/surprise?mood=heartbroken&seed=3").then().statusCode(200)
                .body("seed", equalTo(3))
                .body("item", nullValue())
                .body("candidates", equalTo(0))
                .body("degraded", empty());
        stubJson(titlesApi(), page(title("toradora", "Toradora!", "TV", "HOPEFUL", 5, "love-triangle")));
        caches.getCacheNames().forEach(name -> caches.getCache(name).orElseThrow().invalidateAll().await().indefinitely());
        given().get("/api/recommendations/surprise?mood=heartbroken&seed=3&exclude=toradora").then().statusCode(200)
                .body("item", nullValue())
                .body("candidates", equalTo(0));
        given().get("/api/recommendations/surprise?mood=heartbroken&seed=3").then().statusCode(200)
                .body("item.title.slug", equalTo("toradora"))
                .body("item.reasons[-1]", equalTo("Picked as the only title that fits."));
        // no songs asked for when nothing was picked
        wireMock.verify(1, getRequestedFor(urlPathEqualTo("/api/songs")));
    }

    @Test
    void songsDownDegradesTheAnswerButNotThePick() {
        stubRealCatalogue();
        String picked = given().get("/api/recommendations/surprise?mood=longing&seed=77").then().statusCode(200)
                .extract().path("item.title.slug");
        wireMock.stubFor(songsApi().willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        given().get("/api/recommendations/surprise?mood=longing&seed=77").then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("item.title.slug", equalTo(picked))
                .body("degraded.service", equalTo(List.of("songs")));
    }

    @Test
    void badValuesAre400sNamingThemWithoutADownstreamCall() {
        for (String[] bad : List.of(
                new String[] {"mood=grieving&seed=abc", "seed"},
                new String[] {"mood=grieving&seed=9223372036854775808", "seed"},
                new String[] {"mood=grieving&seed=1.5", "seed"},
                new String[] {"mood=grieving&streaming=Net Flix", "streaming"},
                new String[] {"mood=grieving&exclude=imdb:1", "exclude"},
                new String[] {"mood=angry", "mood"},
                new String[] {"seed=1", "mood"})) {
            given().get("/api/recommendations/surprise?" + bad[0]).then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo(bad[1]));
        }
        given().get("/api/recommendations/surprise?mood=grieving&seed=-9223372036854775808&format=FILM")
                .then().statusCode(400).body("errors", hasSize(1)).body("errors[0].field", equalTo("format"));
        wireMock.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void theSpecDescribesTheSurprise() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/recommendations/surprise'.get.operationId", equalTo("surpriseRecommendation"))
                .body("paths.'/api/recommendations/surprise'.get.parameters.name",
                        hasItems("mood", "feeling", "format", "ending", "streaming", "exclude", "seed"))
                .body("paths.'/api/recommendations/surprise'.get.responses.'200'.content.'application/json'.examples.keySet()",
                        hasItems("a pick", "nothing fits"))
                .body("components.schemas.Surprise.properties.keySet()",
                        hasItems("seed", "mood", "interpretation", "item", "candidates", "excludeUnmatched", "degraded"))
                .body("components.schemas.Surprise.properties.seed.format", equalTo("int64"));
    }
}
