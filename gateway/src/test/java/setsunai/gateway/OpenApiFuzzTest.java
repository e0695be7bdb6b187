package setsunai.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import setsunai.testsupport.fuzz.OpenApiFuzzer;

/**
 * Odd requests generated from the gateway's OpenAPI (setsunai.testsupport.fuzz), with WireMock answering as
 * correct services would: known slugs, a 404 for unknown ones and a 400 problem for odd input (a 500 for a NUL, as
 * they did before issue 10: checked at the gateway's edge, it never reaches them). No 5xx, problem+json
 * for every error, nothing internal in any body, and afterwards no breaker is open: no caller degrades the answers
 * others get. {@code -Dsetsunai.fuzz.requests=20000} for a long run.
 */
@QuarkusTest
@WithTestResource(WireMockServices.class)
class OpenApiFuzzTest extends GatewayTestBase {

    private static final String PROBLEM = "application/problem+json";

    @TestHTTPResource("/")
    URI root;

    @Test
    void oddRequestsNeverBreakTheGatewayNorOpenABreaker() {
        stubServices();
        OpenApiFuzzer.Result result = OpenApiFuzzer.of("gateway", root).run();

        // What a well-behaved client asks next must be answered in full: no breaker may have been opened by the run.
        caches.getCacheNames().forEach(name -> caches.getCache(name).orElseThrow().invalidateAll().await().indefinitely());
        for (String good : List.of("/api/titles/your-lie-in-april", "/api/recommendations?mood=heartbroken",
                "/api/songs/one-more-time-one-more-chance")) {
            Response response = RestAssured.get(good);
            List<Object> degraded = response.statusCode() == 200 ? response.jsonPath().getList("degraded") : null;
            if (response.statusCode() != 200 || degraded != null && !degraded.isEmpty()) {
                result.finding("a good request is degraded after the run", "GET " + good, "GET " + good,
                        response.statusCode() + " " + response.asString());
            }
        }
        result.assertNoFindings();
    }

    private void stubServices() {
        String lie = title("your-lie-in-april", "Your Lie in April", "TV", "TRAGIC", 10, "terminal-illness", "music", "first-love");
        String cm = title("5-centimeters-per-second", "5 Centimeters per Second", "MOVIE", "BITTERSWEET", 8, "long-distance",
                "first-love");
        String song = song("one-more-time-one-more-chance", "One more time, One more chance", "LONGING",
                usage("5-centimeters-per-second", "5 Centimeters per Second", "THEME", null));
        // a correct service: 404 problem for what it does not know, 400 problem for odd input
        wireMock.stubFor(any(anyUrl()).atPriority(10).willReturn(problem(404, "Not Found")));
        wireMock.stubFor(any(urlMatching(".*(%[0-1][0-9A-Fa-f]|%7[Ff]|%[89A-Fa-f][0-9A-Fa-f]|%25|%22|%5[Cc]).*")).atPriority(5)
                .willReturn(problem(400, "Bad Request")));
        // a NUL is what made the services answer 500 (issue 10): the gateway must check its input and never forward it
        wireMock.stubFor(any(urlMatching(".*%00.*")).atPriority(4).willReturn(problem(500, "Internal Server Error")));
        wireMock.stubFor(get(urlPathEqualTo("/api/titles")).atPriority(6).willReturn(okJson(page(lie, cm))));
        // the id lookup (a title by provider id, exclude values): one known title, the rest unknown is fine too
        String lookup = page(lie);
        wireMock.stubFor(get(urlPathEqualTo("/api/titles")).withQueryParam("id", matching(".+")).atPriority(3)
                .willReturn(okJson(lookup.substring(0, lookup.length() - 1) + ", \"notFound\": []}")));
        wireMock.stubFor(get(urlPathEqualTo("/api/songs")).atPriority(6).willReturn(okJson(page(song))));
        wireMock.stubFor(get(urlPathEqualTo("/api/titles/your-lie-in-april")).atPriority(1).willReturn(okJson(lie)));
        wireMock.stubFor(get(urlPathEqualTo("/api/titles/5-centimeters-per-second")).atPriority(1).willReturn(okJson(cm)));
        wireMock.stubFor(get(urlPathEqualTo("/api/titles/5-centimeters-per-second/similar")).atPriority(1)
                .willReturn(okJson(page(lie))));
        wireMock.stubFor(get(urlPathEqualTo("/api/titles/your-lie-in-april/similar")).atPriority(1).willReturn(okJson(page(cm))));
        wireMock.stubFor(get(urlPathEqualTo("/api/songs/one-more-time-one-more-chance")).atPriority(1).willReturn(okJson(song)));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder problem(int status, String title) {
        return aResponse().withStatus(status).withHeader("Content-Type", PROBLEM)
                .withBody("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\"stub\"}");
    }
}
