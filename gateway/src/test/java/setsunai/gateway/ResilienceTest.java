package setsunai.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.havingExactly;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Circuit breaker, trace propagation and the services' specs served through the gateway. */
@QuarkusTest
@WithTestResource(WireMockServices.class)
class ResilienceTest extends GatewayTestBase {

    static final String TITLE = title("5-centimeters-per-second", "5 Centimeters per Second", "MOVIE", "BITTERSWEET", 8,
            "long-distance");
    static final String SONGS = page(song("one-more-time", "One more time", "LONGING",
            usage("5-centimeters-per-second", "5 Centimeters per Second", "THEME", null)));

    @Test
    void theBreakerOpensOnFailuresAndClosesOnceTheServiceIsBack() {
        wireMock.stubFor(get("/api/titles/5-centimeters-per-second").willReturn(okJson(TITLE)));
        wireMock.stubFor(songsApi().willReturn(aResponse().withStatus(500)));

        // two requests of three attempts each fill the breaker's window of 6 with failures
        for (int i = 0; i < 2; i++) {
            given().get("/api/titles/5-centimeters-per-second").then().statusCode(200)
                    .body("degraded[0].reason", equalTo("answered HTTP 500"));
        }
        wireMock.verify(6, getRequestedFor(urlPathEqualTo("/api/songs")));

        // the service is back, but the open breaker does not call it yet: no wait, an honest reason
        wireMock.stubFor(songsApi().willReturn(okJson(SONGS)));
        given().get("/api/titles/5-centimeters-per-second").then().statusCode(200)
                .body("soundtrack", empty())
                .body("degraded[0].service", equalTo("songs"))
                .body("degraded[0].reason", containsString("circuit breaker open"));
        wireMock.verify(6, getRequestedFor(urlPathEqualTo("/api/songs")));

        // after the breaker's delay (%test: 1 s) one trial call goes through and closes it again; until then every
        // answer says the breaker is open and the service is not called
        awaitUntil("the breaker closed again", () -> {
            var answer = given().get("/api/titles/5-centimeters-per-second");
            return answer.statusCode() == 200 && answer.jsonPath().getList("degraded").isEmpty();
        });
        wireMock.verify(7, getRequestedFor(urlPathEqualTo("/api/songs")));
        given().get("/api/titles/5-centimeters-per-second").then().statusCode(200)
                .body("soundtrack", hasSize(1))
                .body("degraded", empty());
    }

    @Test
    void eachClientMethodHasItsOwnBreaker() {
        wireMock.stubFor(get("/api/titles/5-centimeters-per-second").willReturn(okJson(TITLE)));
        wireMock.stubFor(songsApi().willReturn(aResponse().withStatus(500)));
        wireMock.stubFor(get(urlPathEqualTo("/api/songs/absent-song")).willReturn(aResponse().withStatus(404)));
        for (int i = 0; i < 2; i++) {
            given().get("/api/titles/5-centimeters-per-second").then().statusCode(200);
        }
        given().get("/api/titles/5-centimeters-per-second").then().statusCode(200)
                .body("degraded[0].reason", containsString("circuit breaker open"));

        // the songs-of-titles breaker is open; a single song lookup (declared on the same class) still asks
        given().get("/api/songs/absent-song").then().statusCode(404);
        wireMock.verify(1, getRequestedFor(urlPathEqualTo("/api/songs/absent-song")));
    }

    @Test
    void aDownstream404NeverOpensTheBreaker() {
        wireMock.stubFor(get(urlPathEqualTo("/api/titles/gone")).willReturn(aResponse().withStatus(404)));
        wireMock.stubFor(songsApi().willReturn(okJson(page())));

        for (int i = 0; i < 8; i++) {
            given().get("/api/titles/gone").then().statusCode(404);
        }
        wireMock.verify(8, getRequestedFor(urlPathEqualTo("/api/titles/gone")));
    }

    @Test
    void requestIdAndTraceContextReachEveryDownstreamCallIncludingRetries() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        // recommendations: catalogue, then songs (after the catalogue answered), whose first attempt fails
        stubJson(titlesApi(), page(TITLE));
        wireMock.stubFor(songsApi().inScenario("flaky").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(502)).willSetStateTo("recovered"));
        wireMock.stubFor(songsApi().inScenario("flaky").whenScenarioStateIs("recovered").willReturn(okJson(SONGS)));

        given().header("X-Request-Id", "req-from-client-42")
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .get("/api/recommendations?mood=longing")
                .then().statusCode(200)
                .header("X-Request-Id", "req-from-client-42")
                .body("degraded", empty())
                .body("items[0].songs", hasSize(1));

        wireMock.verify(3, getRequestedFor(anyUrl())
                .withHeader("X-Request-Id", is("req-from-client-42"))
                // same trace, a new parent span for each outgoing call
                .withHeader("traceparent", matching("00-" + traceId + "-[0-9a-f]{16}-01"))
                .withHeader("traceparent", not_("00-" + traceId + "-00f067aa0ba902b7-01")));
    }

    @Test
    void withoutIncomingHeadersTheGatewayStartsATraceAndPassesItOn() {
        wireMock.stubFor(get("/api/titles/5-centimeters-per-second").willReturn(okJson(TITLE)));
        stubJson(songsApi(), SONGS);

        String requestId = given().get("/api/titles/5-centimeters-per-second")
                .then().statusCode(200).extract().header("X-Request-Id");

        wireMock.verify(3, getRequestedFor(anyUrl())
                .withHeader("X-Request-Id", is(requestId))
                .withHeader("traceparent", matching("00-[0-9a-f]{32}-[0-9a-f]{16}-01")));
    }

    @Test
    void theServicesSpecsAndReadsAreServedThroughTheGateway() {
        wireMock.stubFor(get(urlPathEqualTo("/q/openapi")).withQueryParam("format", is("json")).willReturn(okJson("""
                {"openapi": "3.1.0", "info": {"title": "Setsunai catalog-service"}, "servers": [{"url": "http://catalog:8081"}],
                 "paths": {"/api/titles": {}}}""")));
        stubJson(titlesApi(), page(TITLE));

        given().get("/q/services/catalog/openapi")
                .then().statusCode(200)
                .body("info.title", equalTo("Setsunai catalog-service"))
                .body("servers", hasSize(1))
                .body("servers[0].url", equalTo("/q/services/catalog"));
        given().get("/q/services/catalog/api/titles?slug=a&slug=b")
                .then().statusCode(200)
                .body("items[0].slug", equalTo("5-centimeters-per-second"));
        wireMock.verify(1, getRequestedFor(urlPathEqualTo("/api/titles")).withQueryParam("slug",
                havingExactly("a", "b")));

        given().get("/q/services/nothing/openapi").then().statusCode(404).contentType("application/problem+json");
        // plumbing, not the product: absent from the gateway's own spec
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.keySet()", not(hasItem(containsString("/q/services"))))
                .body("paths.keySet()", hasItem("/api/recommendations"))
                .body("paths.'/api/recommendations'.get.responses.'400'.content.'application/problem+json'.schema.'$ref'",
                        org.hamcrest.Matchers.equalTo("#/components/schemas/Problem"));
    }

    private static com.github.tomakehurst.wiremock.matching.StringValuePattern not_(String value) {
        return com.github.tomakehurst.wiremock.client.WireMock.not(is(value));
    }
}
