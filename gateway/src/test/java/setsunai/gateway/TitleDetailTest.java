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

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(WireMockServices.class)
class TitleDetailTest {

    static final String TITLE = """
            {"slug": "5-centimeters-per-second", "title": "5 Centimeters per Second", "format": "MOVIE",
             "tags": ["long-distance"], "ending": "BITTERSWEET", "tearjerker": 8, "version": 1}
            """;
    static final String SONGS = """
            {"items": [{"slug": "one-more-time-one-more-chance", "title": "One more time, One more chance",
              "moods": ["LONGING"], "usages": [{"titleSlug": "5-centimeters-per-second", "role": "THEME"}], "version": 1}],
             "page": 1, "size": 100, "totalItems": 1, "totalPages": 1}
            """;

    WireMockServer wireMock;

    @BeforeEach
    void reset() {
        wireMock.resetAll();
    }

    @Test
    void composesTitleAndSoundtrackWithOneCallEach() {
        wireMock.stubFor(get("/api/titles/5-centimeters-per-second").willReturn(okJson(TITLE)));
        wireMock.stubFor(get(urlPathEqualTo("/api/songs")).willReturn(okJson(SONGS)));

        given().get("/api/titles/5-centimeters-per-second")
                .then().statusCode(200)
                .body("title.slug", equalTo("5-centimeters-per-second"))
                .body("soundtrack.slug", equalTo(java.util.List.of("one-more-time-one-more-chance")))
                .body("degraded", empty());

        wireMock.verify(1, getRequestedFor(urlPathEqualTo("/api/titles/5-centimeters-per-second")));
        wireMock.verify(1, getRequestedFor(urlPathEqualTo("/api/songs")));
    }

    @Test
    void songsFailingGivesADegraded200() {
        wireMock.stubFor(get("/api/titles/5-centimeters-per-second").willReturn(okJson(TITLE)));
        wireMock.stubFor(get(urlPathEqualTo("/api/songs")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        given().get("/api/titles/5-centimeters-per-second")
                .then().statusCode(200)
                .body("title.slug", equalTo("5-centimeters-per-second"))
                .body("soundtrack", empty())
                .body("degraded", hasSize(1))
                .body("degraded[0].service", equalTo("songs"));
    }

    @Test
    void unknownTitleIs404() {
        wireMock.stubFor(get("/api/titles/nope").willReturn(aResponse().withStatus(404)));
        wireMock.stubFor(get(urlPathEqualTo("/api/songs")).willReturn(okJson(SONGS)));

        given().get("/api/titles/nope")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", containsString("nope"));
    }

    @Test
    void catalogDownIsA503Problem() {
        wireMock.stubFor(get("/api/titles/5-centimeters-per-second").willReturn(aResponse().withStatus(500)));
        wireMock.stubFor(get(urlPathEqualTo("/api/songs")).willReturn(okJson(SONGS)));

        given().get("/api/titles/5-centimeters-per-second")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .body("status", equalTo(503));
    }
}
