package setsunai.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * Which downstream answers count as failures (issue 10, items 1 and 5): a refusal (4xx) never touches a breaker;
 * a 503 (e.g. the service's database is down) is treated like a stopped service, and the gateway's 503s say when
 * to come back.
 */
@QuarkusTest
@WithTestResource(WireMockServices.class)
class DownstreamOutcomeTest extends GatewayTestBase {

    static final String SLUG = "5-centimeters-per-second";
    static final String TITLE = title(SLUG, "5 Centimeters per Second", "MOVIE", "BITTERSWEET", 8, "long-distance");
    static final String SONG = song("one-more-time", "One more time", "LONGING",
            usage(SLUG, "5 Centimeters per Second", "THEME", null));
    static final String SONGS = page(SONG);

    static ResponseDefinitionBuilder problem(int status) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/problem+json")
                .withBody("{\"title\": \"x\", \"status\": " + status + ", \"detail\": \"from the service\"}");
    }

    static ResponseDefinitionBuilder unavailable(String retryAfter) {
        return problem(503).withHeader("Retry-After", retryAfter);
    }

    void stubSoundtrack() {
        stubJson(get(urlPathEqualTo("/api/titles/" + SLUG + "/similar")), page());
        stubJson(songsApi(), SONGS);
    }

    @Test
    void aCatalogue400ForAValidLookingSlugIsThe400OfTheCallerAndNeverOpensTheBreaker() {
        stubSoundtrack();
        wireMock.stubFor(get("/api/titles/" + SLUG).willReturn(problem(400)));

        for (int i = 0; i < 12; i++) {
            given().get("/api/titles/" + SLUG)
                    .then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("slug"))
                    .body("errors[0].message", equalTo("rejected by the catalogue (HTTP 400)"));
        }
        // a refusal is an answer: not retried, not counted
        wireMock.verify(12, getRequestedFor(urlPathEqualTo("/api/titles/" + SLUG)));

        wireMock.stubFor(get("/api/titles/" + SLUG).willReturn(okJson(TITLE)));
        given().get("/api/titles/" + SLUG).then().statusCode(200).body("degraded", empty());
    }

    @Test
    void aSongs400Or404OnASecondaryCallNeverOpensItsBreaker() {
        wireMock.stubFor(get("/api/titles/" + SLUG).willReturn(okJson(TITLE)));
        stubJson(get(urlPathEqualTo("/api/titles/" + SLUG + "/similar")), page());
        wireMock.stubFor(songsApi().willReturn(problem(400)));

        for (int i = 0; i < 10; i++) {
            given().get("/api/titles/" + SLUG).then().statusCode(200)
                    .body("degraded[0].service", equalTo("songs"))
                    .body("degraded[0].reason", equalTo("answered HTTP 400"));
        }
        wireMock.stubFor(songsApi().willReturn(aResponse().withStatus(404)));
        for (int i = 0; i < 10; i++) {
            given().get("/api/titles/" + SLUG).then().statusCode(200);
        }
        wireMock.verify(20, getRequestedFor(urlPathEqualTo("/api/songs")));

        stubJson(songsApi(), SONGS);
        given().get("/api/titles/" + SLUG).then().statusCode(200)
                .body("soundtrack", hasSize(1))
                .body("degraded", empty());
    }

    @Test
    void aCatalogueRefusingTheGatewaysOwnRequestIsA502NotAnOutage() {
        wireMock.stubFor(titlesApi().willReturn(problem(400)));

        given().get("/api/recommendations?mood=heartbroken")
                .then().statusCode(502)
                .contentType("application/problem+json")
                .header("Retry-After", org.hamcrest.Matchers.nullValue())
                .body("detail", containsString("refused the gateway's request (answered HTTP 400)"));
        wireMock.verify(1, getRequestedFor(urlPathEqualTo("/api/titles")));
    }

    @Test
    void aCatalogue429IsA503WithItsRetryAfterAndNeverOpensTheBreaker() {
        stubSoundtrack();
        wireMock.stubFor(get("/api/titles/" + SLUG).willReturn(problem(429).withHeader("Retry-After", "3")));

        for (int i = 0; i < 10; i++) {
            given().get("/api/titles/" + SLUG)
                    .then().statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", "3")
                    .body("detail", containsString("answered HTTP 429"));
        }
        wireMock.verify(10, getRequestedFor(urlPathEqualTo("/api/titles/" + SLUG)));

        // one caller's flood (the service limiting the gateway) must not shut the title out for everyone else
        wireMock.stubFor(get("/api/titles/" + SLUG).willReturn(okJson(TITLE)));
        given().get("/api/titles/" + SLUG).then().statusCode(200);
    }

    @Test
    void catalogueDatabaseDownIsAFast503WithTheServicesRetryAfter() {
        stubSoundtrack();
        wireMock.stubFor(get("/api/titles/" + SLUG).willReturn(unavailable("7")));

        given().get("/api/titles/" + SLUG)
                .then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "7")
                .body("status", equalTo(503))
                .body("detail", containsString("The catalogue is unavailable right now (answered HTTP 503)"));
        // the service said when to come back: asking again within 100 ms would not help
        wireMock.verify(1, getRequestedFor(urlPathEqualTo("/api/titles/" + SLUG)));

        // a Retry-After the gateway cannot use (a date) gives the gateway's own
        wireMock.stubFor(get("/api/titles/" + SLUG).willReturn(unavailable("Wed, 21 Oct 2026 07:28:00 GMT")));
        given().get("/api/titles/" + SLUG).then().statusCode(503).header("Retry-After", "5");
    }

    @Test
    void songsDatabaseDownDegradesWhereSongsAreSecondaryAnd503sWhereTheyArePrimary() {
        wireMock.stubFor(get("/api/titles/" + SLUG).willReturn(okJson(TITLE)));
        stubJson(get(urlPathEqualTo("/api/titles/" + SLUG + "/similar")), page());
        wireMock.stubFor(songsApi().willReturn(unavailable("4")));
        wireMock.stubFor(get("/api/songs/one-more-time").willReturn(unavailable("4")));

        given().get("/api/titles/" + SLUG)
                .then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("title.slug", equalTo(SLUG))
                .body("soundtrack", empty())
                .body("degraded", hasSize(1))
                .body("degraded[0].service", equalTo("songs"))
                .body("degraded[0].reason", equalTo("answered HTTP 503"));
        given().get("/api/songs/one-more-time")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "4")
                .body("detail", containsString("The songs service is unavailable right now (answered HTTP 503)"));
        given().get("/api/playlists/longing")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "4");
    }

    @Test
    void repeated503sOpenTheBreakerLikeAStoppedServiceAndItSaysWhenToComeBack() {
        stubSoundtrack();
        wireMock.stubFor(get("/api/titles/" + SLUG).willReturn(unavailable("2")));

        for (int i = 0; i < 6; i++) {
            given().get("/api/titles/" + SLUG).then().statusCode(503).header("Retry-After", "2");
        }
        wireMock.verify(6, getRequestedFor(urlPathEqualTo("/api/titles/" + SLUG)));

        given().get("/api/titles/" + SLUG)
                .then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "5")
                .body("detail", containsString("circuit breaker open"));
        wireMock.verify(6, getRequestedFor(urlPathEqualTo("/api/titles/" + SLUG)));
    }

    @Test
    void thePassThroughsOwn503SaysWhenToComeBack() {
        wireMock.stubFor(titlesApi().willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        given().get("/q/services/catalog/api/titles")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "5")
                .body("detail", not(containsString("Exception")));

        // a service's own 503 is passed on with its Retry-After
        wireMock.stubFor(titlesApi().willReturn(unavailable("7")));
        given().get("/q/services/catalog/api/titles")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "7");
    }

    @Test
    void theSpecDocumentsTheSlugGrammarAndRetryAfter() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/titles/{id}'.get.parameters[0].name", equalTo("id"))
                .body("paths.'/api/titles/{id}'.get.parameters[0].description", org.hamcrest.Matchers.containsString("mal:"))
                .body("paths.'/api/songs/{slug}'.get.parameters[0].schema.maxLength", equalTo(200))
                .body("paths.'/api/titles/{id}'.get.responses.'400'.content.'application/problem+json'", org.hamcrest.Matchers.notNullValue())
                .body("paths.'/api/titles/{id}'.get.responses.'404'.content.'application/problem+json'", org.hamcrest.Matchers.notNullValue())
                .body("paths.'/api/titles/{id}'.get.responses.'503'.headers.'Retry-After'", org.hamcrest.Matchers.notNullValue())
                .body("paths.'/api/recommendations'.get.responses.'503'.headers.'Retry-After'", org.hamcrest.Matchers.notNullValue());
    }
}
