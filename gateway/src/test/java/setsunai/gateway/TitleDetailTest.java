package setsunai.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.havingExactly;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import com.github.tomakehurst.wiremock.http.Fault;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(WireMockServices.class)
class TitleDetailTest extends GatewayTestBase {

    static final String TITLE = """
            {"slug": "5-centimeters-per-second", "title": "5 Centimeters per Second", "format": "MOVIE",
             "tags": ["long-distance"], "ending": "BITTERSWEET", "tearjerker": 8, "version": 1,
             "streaming": [{"service": "netflix", "name": "Netflix", "url": "https://www.netflix.com/title/1",
                            "regions": ["JP"], "addedLater": true}]}
            """;
    static final String SONGS = """
            {"items": [{"slug": "one-more-time-one-more-chance", "title": "One more time, One more chance",
              "moods": ["LONGING"], "usages": [{"titleSlug": "5-centimeters-per-second", "role": "THEME"}], "version": 1}],
             "page": 1, "size": 100, "totalItems": 1, "totalPages": 1}
            """;
    /** As a page, with a field the gateway does not know. */
    static final String SIMILAR = """
            {"items": [
              {"slug": "the-garden-of-words", "title": "The Garden of Words", "format": "MOVIE", "ending": "BITTERSWEET",
               "tearjerker": 6, "tags": ["age-gap"], "similarity": 0.5, "sharedTags": ["long-distance"], "rank": 1},
              {"slug": "5-centimeters-per-second", "title": "itself, which must not be listed", "similarity": 1.0},
              {"slug": "your-name", "title": "Your Name.", "format": "MOVIE", "ending": "HOPEFUL", "tearjerker": 7,
               "similarity": 0.4, "sharedTags": ["first-love"]}],
             "page": 1, "size": 6, "totalItems": 3, "totalPages": 1}
            """;
    static final String SIMILAR_SONGS = page(
            song("rain", "Rain", "LONGING", usage("the-garden-of-words", "The Garden of Words", "THEME", null)),
            song("sparkle", "Sparkle", "LONGING", usage("your-name", "Your Name.", "INSERT", null)),
            song("dream-lantern", "Dream Lantern", "HOPE", usage("your-name", "Your Name.", "OPENING", 1)));

    void stubTitleAndSoundtrack() {
        wireMock.stubFor(get("/api/titles/5-centimeters-per-second").willReturn(okJson(TITLE)));
        wireMock.stubFor(songsApi().withQueryParam("title", is("5-centimeters-per-second")).willReturn(okJson(SONGS)));
    }

    @Test
    void composesTitleAndSoundtrackWithOneCallEach() {
        stubTitleAndSoundtrack();

        given().get("/api/titles/5-centimeters-per-second")
                .then().statusCode(200)
                .body("title.slug", equalTo("5-centimeters-per-second"))
                // the catalogue's streaming links pass through as links (issue 14)
                .body("title.streaming.service", equalTo(List.of("netflix")))
                .body("title.streaming[0].url", equalTo("https://www.netflix.com/title/1"))
                .body("title.streaming[0].regions", equalTo(List.of("JP")))
                .body("soundtrack.slug", equalTo(List.of("one-more-time-one-more-chance")))
                .body("similar", empty())
                .body("degraded", empty());

        wireMock.verify(1, getRequestedFor(urlPathEqualTo("/api/titles/5-centimeters-per-second")));
        wireMock.verify(1, getRequestedFor(urlPathEqualTo("/api/titles/5-centimeters-per-second/similar")));
        wireMock.verify(1, getRequestedFor(urlPathEqualTo("/api/songs")));
    }

    @Test
    void similarTitlesComeWithTheirTopSongInOneMoreBatchedCall() {
        stubTitleAndSoundtrack();
        stubJson(get(urlPathEqualTo("/api/titles/5-centimeters-per-second/similar")), SIMILAR);
        wireMock.stubFor(songsApi().withQueryParam("title", havingExactly("the-garden-of-words", "your-name"))
                .willReturn(okJson(SIMILAR_SONGS)));

        given().get("/api/titles/5-centimeters-per-second")
                .then().statusCode(200)
                .body("soundtrack.slug", contains("one-more-time-one-more-chance"))
                .body("similar.title.slug", contains("the-garden-of-words", "your-name"))
                .body("similar[0].similarity", equalTo(0.5f))
                .body("similar[0].sharedTags", contains("long-distance"))
                .body("similar[0].topSong.slug", equalTo("rain"))
                // an opening leads before an insert song
                .body("similar[1].topSong.slug", equalTo("dream-lantern"))
                .body("similar[1].topSong.role", equalTo("OPENING"))
                .body("degraded", empty());

        // title, soundtrack and similar in parallel, then one batch for all similar titles' songs
        wireMock.verify(1, getRequestedFor(urlPathEqualTo("/api/titles/5-centimeters-per-second/similar"))
                .withQueryParam("size", is("6")));
        wireMock.verify(2, getRequestedFor(urlPathEqualTo("/api/songs")));
        wireMock.verify(4, getRequestedFor(anyUrl()));
    }

    @Test
    void similarFailingIsNamedAndTheRestIsServed() {
        stubTitleAndSoundtrack();
        wireMock.stubFor(get(urlPathEqualTo("/api/titles/5-centimeters-per-second/similar"))
                .willReturn(aResponse().withStatus(503)));

        given().get("/api/titles/5-centimeters-per-second")
                .then().statusCode(200)
                .body("soundtrack", hasSize(1))
                .body("similar", empty())
                .body("degraded.service", contains("catalog"))
                .body("degraded[0].reason", equalTo("answered HTTP 503"));
    }

    @Test
    void songsFailingGivesADegraded200NamingThemOnce() {
        wireMock.stubFor(get("/api/titles/5-centimeters-per-second").willReturn(okJson(TITLE)));
        stubJson(get(urlPathEqualTo("/api/titles/5-centimeters-per-second/similar")), SIMILAR);
        wireMock.stubFor(songsApi().willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        given().get("/api/titles/5-centimeters-per-second")
                .then().statusCode(200)
                .body("title.slug", equalTo("5-centimeters-per-second"))
                .body("soundtrack", empty())
                .body("similar", hasSize(2))
                .body("similar[0].topSong", nullValue())
                .body("degraded", hasSize(1))
                .body("degraded[0].service", equalTo("songs"));

        // Both songs calls run (the similar titles' batch starts without waiting for the soundtrack), each tried
        // three times (two retries); together six failures, which is exactly when the breaker opens.
        wireMock.verify(3, getRequestedFor(urlPathEqualTo("/api/songs")).withQueryParam("title", is("5-centimeters-per-second")));
        wireMock.verify(3, getRequestedFor(urlPathEqualTo("/api/songs")).withQueryParam("title", is("your-name")));
    }

    @Test
    void unknownTitleIs404() {
        wireMock.stubFor(get("/api/titles/nope").willReturn(aResponse().withStatus(404)));
        wireMock.stubFor(songsApi().willReturn(okJson(SONGS)));

        given().get("/api/titles/nope")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", containsString("nope"));
        // a 404 is an answer, not a failure: no retry
        wireMock.verify(1, getRequestedFor(urlPathEqualTo("/api/titles/nope")));
    }

    // ---- by provider id (issue 14 item 4) ---------------------------------------------------------------------

    /** The catalogue's id lookup answering for exactly this id. */
    void stubLookup(String id, String notFound, String... titles) {
        String page = page(titles);
        wireMock.stubFor(titlesApi().withQueryParam("id", havingExactly(id)).willReturn(okJson(page.substring(0,
                page.length() - 1) + ", \"notFound\": [" + (notFound == null ? "" : "\"" + notFound + "\"") + "]}")));
    }

    @Test
    void aProviderIdIsLookedUpThenAnsweredExactlyAsItsSlug() {
        stubTitleAndSoundtrack();
        stubJson(get(urlPathEqualTo("/api/titles/5-centimeters-per-second/similar")), SIMILAR);
        wireMock.stubFor(songsApi().withQueryParam("title", havingExactly("the-garden-of-words", "your-name"))
                .willReturn(okJson(SIMILAR_SONGS)));
        stubLookup("mal:1689", null, TITLE);

        var bySlug = given().get("/api/titles/5-centimeters-per-second");
        bySlug.then().statusCode(200).body("degraded", empty());
        for (String id : List.of("mal:1689", "MAL:001689")) {
            var byId = given().get("/api/titles/" + id);
            byId.then().statusCode(200).body("title.slug", equalTo("5-centimeters-per-second"));
            org.junit.jupiter.api.Assertions.assertEquals(bySlug.asString(), byId.asString());
            org.junit.jupiter.api.Assertions.assertEquals(bySlug.header("ETag"), byId.header("ETag"));
        }
        // the provider id normalised, once per request; then the slug's calls
        wireMock.verify(2, getRequestedFor(urlPathEqualTo("/api/titles")).withQueryParam("id", havingExactly("mal:1689")));
        wireMock.verify(3, getRequestedFor(urlPathEqualTo("/api/titles/5-centimeters-per-second")));
        // slug: is the slug, asked as such
        given().get("/api/titles/slug:5-centimeters-per-second").then().statusCode(200)
                .body("title.slug", equalTo("5-centimeters-per-second"));
        wireMock.verify(2, getRequestedFor(urlPathEqualTo("/api/titles")));
    }

    @Test
    void anUnknownProviderIdIs404AndAMalformedOneA400WithoutADownstreamCall() {
        stubLookup("anilist:999999", "anilist:999999");
        given().get("/api/titles/anilist:999999")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", containsString("anilist:999999"));
        wireMock.verify(1, getRequestedFor(anyUrl()));

        wireMock.resetRequests();
        for (String bad : List.of("imdb:0108778", "mal:", "mal:12a", "mal:-1", "mal:1234567890123", "slug:Bad", "slug:",
                ":1", "mal:1:2")) {
            given().get("/api/titles/" + bad)
                    .then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("id"))
                    .body("errors[0].message", containsString("kitsu:, bangumi: and digits"));
        }
        wireMock.verify(0, getRequestedFor(anyUrl()));
    }

    @Test
    void theLookupFailingIsA503Problem() {
        wireMock.stubFor(titlesApi().willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        given().get("/api/titles/kitsu:7442")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", org.hamcrest.Matchers.notNullValue());
        // a catalogue without the lookup (a page, no notFound) is not taken at its word
        wireMock.resetAll();
        breakers.resetAll();
        stubJson(titlesApi(), page(TITLE));
        given().get("/api/titles/kitsu:7442")
                .then().statusCode(503)
                .body("detail", containsString("without notFound"));
    }

    @Test
    void catalogDownIsA503Problem() {
        wireMock.stubFor(get("/api/titles/5-centimeters-per-second").willReturn(aResponse().withStatus(500)));
        wireMock.stubFor(songsApi().willReturn(okJson(SONGS)));

        given().get("/api/titles/5-centimeters-per-second")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "5")
                .body("status", equalTo(503))
                .body("detail", containsString("answered HTTP 500"));
    }
}
