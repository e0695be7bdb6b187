package setsunai.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThan;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, item 1: no caller can take the gateway down. Values that can name nothing are refused at the edge with a
 * 400 naming the parameter, before any downstream call, so they can never count against a shared circuit breaker.
 */
@QuarkusTest
@WithTestResource(WireMockServices.class)
class HostileInputTest extends GatewayTestBase {

    static final String YOUR_LIE = title("your-lie-in-april", "Your Lie in April", "TV", "TRAGIC", 10, "music");
    static final String SONGS = page(song("hikaru-nara", "Hikaru Nara", "HOPE",
            usage("your-lie-in-april", "Your Lie in April", "OPENING", 1)));

    /** Like the real services before the fix: anything but the known slug makes them fail with a 500. */
    void stubServicesFailingOnAnythingElse() {
        wireMock.stubFor(get(urlPathMatching("/api/titles/.*")).atPriority(10).willReturn(aResponse().withStatus(500)));
        wireMock.stubFor(songsApi().atPriority(10).willReturn(aResponse().withStatus(500)));
        wireMock.stubFor(get(urlPathEqualTo("/api/titles/your-lie-in-april")).atPriority(1).willReturn(okJson(YOUR_LIE)));
        wireMock.stubFor(get(urlPathEqualTo("/api/titles/your-lie-in-april/similar")).atPriority(1)
                .willReturn(okJson(page())));
        wireMock.stubFor(songsApi().withQueryParam("title", is("your-lie-in-april")).atPriority(1).willReturn(okJson(SONGS)));
        wireMock.stubFor(get(urlPathMatching("/api/songs/.*")).atPriority(10).willReturn(aResponse().withStatus(500)));
        wireMock.stubFor(get(urlPathEqualTo("/api/songs/hikaru-nara")).atPriority(1).willReturn(okJson(
                song("hikaru-nara", "Hikaru Nara", "HOPE", usage("your-lie-in-april", "Your Lie in April", "OPENING", 1)))));
        wireMock.stubFor(titlesApi().withQueryParam("slug", is("your-lie-in-april")).atPriority(1)
                .willReturn(okJson(page(YOUR_LIE))));
    }

    @Test
    void theIssuesReproductionNoLongerOpensTheBreakers() {
        stubServicesFailingOnAnythingElse();

        // the issue: eight anonymous GET /api/titles/x%00 opened the catalogue's and the songs' breakers
        for (int i = 0; i < 20; i++) {
            for (String path : List.of("/api/titles/x%00", "/api/songs/x%00")) {
                given().urlEncodingEnabled(false).get(path)
                        .then().statusCode(400)
                        .contentType("application/problem+json")
                        .body("status", equalTo(400))
                        // "path": common's HTTP edge refuses a control character before the resource runs
                        .body("errors[0].field", org.hamcrest.Matchers.oneOf("id", "slug", "path"));
            }
        }
        wireMock.verify(0, anyRequestedFor(anyUrl()));

        given().get("/api/titles/your-lie-in-april")
                .then().statusCode(200)
                .body("title.slug", equalTo("your-lie-in-april"))
                .body("soundtrack", hasSize(1))
                .body("degraded", empty());
        given().get("/api/songs/hikaru-nara")
                .then().statusCode(200)
                .body("titles[0].slug", equalTo("your-lie-in-april"))
                .body("degraded", empty());
    }

    @Test
    void invalidSlugsAre400sNamingTheParameterAndNeverReachAService() {
        List<String> titles = List.of("x%00", "a%00b", "Your-Lie-In-April", "a--b", "-a", "a-", "a%20b", "a_b", "a.b",
                "%E3%81%82", "%C2%A0", "a".repeat(121), "%0d%0aSet-Cookie:%20x");
        for (String slug : titles) {
            given().urlEncodingEnabled(false).get("/api/titles/" + slug)
                    .then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors", hasSize(1))
                    // a title's path parameter is `id` (a slug or a provider id)
                    .body("errors[0].field", org.hamcrest.Matchers.oneOf("id", "path"))
                    // the value is not echoed: it may be anything, of any length
                    .body("detail.length()", lessThan(200));
        }
        for (String slug : List.of("x%00", "One-More-Time", "a".repeat(201), "a%27b")) {
            given().urlEncodingEnabled(false).get("/api/songs/" + slug)
                    .then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", org.hamcrest.Matchers.oneOf("slug", "path"));
        }
        wireMock.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void theLongestValidSlugsAreStillAskedFor() {
        String title = "a".repeat(120);
        String song = "b".repeat(200);
        wireMock.stubFor(get(urlPathMatching("/api/.*")).willReturn(aResponse().withStatus(404)));

        given().get("/api/titles/" + title).then().statusCode(404);
        given().get("/api/songs/" + song).then().statusCode(404);
        wireMock.verify(1, getRequestedFor(urlPathEqualTo("/api/titles/" + title)));
        wireMock.verify(1, getRequestedFor(urlPathEqualTo("/api/songs/" + song)));
    }

    @Test
    void invalidRecommendationAndPlaylistParametersAre400sWithoutADownstreamCall() {
        for (String query : List.of("mood=x%00", "mood=" + "x".repeat(3000), "mood=heartbroken&format=X%00",
                "mood=heartbroken&ending=SAD", "mood=heartbroken&limit=0", "mood=heartbroken&limit=51",
                "mood=heartbroken&limit=99999999999999999999")) {
            given().urlEncodingEnabled(false).get("/api/recommendations?" + query)
                    .then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", org.hamcrest.Matchers.oneOf("mood", "format", "ending", "limit"))
                    .body("detail.length()", lessThan(300));
        }
        for (String path : List.of("x%00", "x".repeat(3000), "heartbroken?limit=101", "heartbroken?limit=-1")) {
            given().urlEncodingEnabled(false).get("/api/playlists/" + path)
                    .then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", org.hamcrest.Matchers.oneOf("mood", "limit", "path"))
                    .body("detail.length()", lessThan(300));
        }
        wireMock.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void theSameFiltersInAnotherOrderShareOneCachedCatalogueCall() {
        stubJson(titlesApi(), page(YOUR_LIE));
        stubJson(songsApi(), SONGS);

        for (String query : List.of("format=TV&format=MOVIE&ending=TRAGIC&ending=OPEN",
                "format=MOVIE&format=TV&ending=OPEN&ending=TRAGIC", "ending=tragic&format=movie&format=tv&ending=open&format=TV")) {
            given().get("/api/recommendations?mood=heartbroken&" + query).then().statusCode(200);
        }
        // otherwise a caller could miss the cache at will by shuffling the same filters
        wireMock.verify(1, getRequestedFor(urlPathEqualTo("/api/titles")));
    }

    @Test
    void thePassThroughStaysUnderTheServicesApi() {
        for (String path : List.of("..%2Fq%2Fmetrics", "titles%2F..%2F..%2Fq%2Fhealth", "titles/x%00", "titles/a%20b")) {
            given().urlEncodingEnabled(false).get("/q/services/catalog/api/" + path)
                    .then().statusCode(org.hamcrest.Matchers.both(org.hamcrest.Matchers.greaterThanOrEqualTo(400))
                            .and(lessThan(500)))
                    .contentType("application/problem+json");
        }
        wireMock.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void concurrentCallersOfTheConsistencyReportShareOneRunOfIt() throws Exception {
        // the delay only makes the callers overlap; nothing is timed
        wireMock.stubFor(titlesApi().willReturn(okJson(page(YOUR_LIE)).withFixedDelay(300)));
        stubJson(songsApi(), SONGS);

        ExecutorService callers = Executors.newFixedThreadPool(6);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                statuses.add(callers.submit(() -> given().get("/api/consistency").statusCode()));
            }
            for (Future<Integer> status : statuses) {
                assertThat(status.get(30, TimeUnit.SECONDS), equalTo(200));
            }
        } finally {
            callers.shutdownNow();
        }
        wireMock.verify(1, getRequestedFor(urlPathEqualTo("/api/titles")));
        wireMock.verify(1, getRequestedFor(urlPathEqualTo("/api/songs")));
    }
}
