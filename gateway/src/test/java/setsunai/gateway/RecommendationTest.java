package setsunai.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.havingExactly;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import com.github.tomakehurst.wiremock.http.Fault;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(WireMockServices.class)
class RecommendationTest extends GatewayTestBase {

    static final String FIVE_CM = title("5-centimeters-per-second", "5 Centimeters per Second", "MOVIE", "BITTERSWEET", 8,
            "first-love", "long-distance", "drifting-apart", "unrequited-love", "letters", "coming-of-age");
    static final String YOUR_LIE = title("your-lie-in-april", "Your Lie in April", "TV", "TRAGIC", 10,
            "music", "terminal-illness", "unrequited-love", "first-love");
    static final String TORADORA = title("toradora", "Toradora!", "TV", "HOPEFUL", 5, "love-triangle", "school");
    /** Matches none of heartbroken's tags: a catalogue that ignored anyTag must not get it recommended. */
    static final String WAR = title("grave-of-the-fireflies", "Grave of the Fireflies", "MOVIE", "TRAGIC", 10, "war");

    static final String SONGS = page(
            song("one-more-time", "One more time, One more chance", "LONGING,FAREWELL",
                    usage("5-centimeters-per-second", "5 Centimeters per Second", "THEME", null)),
            song("hikaru-nara", "Hikaru Nara", "HOPE", usage("your-lie-in-april", "Your Lie in April", "OPENING", 1)),
            song("orange", "Orange", "FAREWELL,GRIEF", usage("your-lie-in-april", "Your Lie in April", "ENDING", 2)),
            song("score", "Score", "HOPE", usage("your-lie-in-april", "Your Lie in April", "SCORE", null)));

    void stubHeartbroken() {
        stubJson(titlesApi(), page(TORADORA, WAR, YOUR_LIE, FIVE_CM));
        stubJson(songsApi(), SONGS);
    }

    @Test
    void ranksOnFixedDataWithReasonsAndSongsInTwoCalls() {
        stubHeartbroken();

        given().get("/api/recommendations?mood=heartbroken")
                .then().statusCode(200)
                .header("Cache-Control", "public, max-age=10")
                .header("ETag", notNullValue())
                .body("mood", equalTo("heartbroken"))
                .body("degraded", empty())
                .body("items.title.slug", contains("5-centimeters-per-second", "your-lie-in-april", "toradora"))
                // 3+3+2+1 tags, +2 bittersweet, +0.3*8, +2 fitting song
                .body("items[0].score", equalTo(15.4f))
                .body("items[0].reasons", contains(
                        "Its themes fit heartbroken: drifting-apart (+3), unrequited-love (+3), long-distance (+2), first-love (+1).",
                        "Its bittersweet ending fits heartbroken (+2).",
                        "It hits hard: tearjerker 8 of 10 (+2.4).",
                        "Songs in it fit heartbroken: \u201cOne more time, One more chance\u201d (LONGING, FAREWELL) (+2)."))
                .body("items[0].songs.slug", contains("one-more-time"))
                .body("items[0].songs[0].role", equalTo("THEME"))
                .body("items[0].songs[0].artists", contains("Singer of One more time, One more chance"))
                // 3+1 tags, +2 tragic, +3 tearjerker, +2 for Orange (FAREWELL)
                .body("items[1].score", equalTo(11.0f))
                // the fitting song first, then the theme songs; the score (not a theme, not fitting) is left out
                .body("items[1].songs.slug", contains("orange", "hikaru-nara"))
                .body("items[1].songs.fitsMood", contains(true, false))
                .body("items[2].score", equalTo(3.5f))
                .body("items[2].songs", empty());

        wireMock.verify(1, getRequestedFor(urlPathEqualTo("/api/titles"))
                .withQueryParam("anyTag", havingExactly("cheating", "drifting-apart", "first-love", "forbidden-love",
                        "long-distance", "love-triangle", "unrequited-love"))
                .withQueryParam("sort", is("-tearjerker"))
                .withQueryParam("size", is("100")));
        wireMock.verify(1, getRequestedFor(urlPathEqualTo("/api/songs"))
                .withQueryParam("title", havingExactly("5-centimeters-per-second", "your-lie-in-april", "toradora")));
        wireMock.verify(2, getRequestedFor(anyUrl()));
    }

    @Test
    void limitAndFiltersGoToTheCatalogue() {
        stubHeartbroken();

        given().get("/api/recommendations?mood=Heartbroken&format=movie&ending=bittersweet&limit=1")
                .then().statusCode(200)
                .body("items.title.slug", contains("5-centimeters-per-second"));

        wireMock.verify(1, getRequestedFor(urlPathEqualTo("/api/titles"))
                .withQueryParam("format", is("MOVIE"))
                .withQueryParam("ending", is("BITTERSWEET")));
        // the catalogue ignored the filters in this stub; the gateway re-checks them, so only 5cm is looked up
        wireMock.verify(1, getRequestedFor(urlPathEqualTo("/api/songs"))
                .withQueryParam("title", havingExactly("5-centimeters-per-second")));
    }

    @Test
    void aMoodsCandidatesAreCachedBriefly() {
        stubHeartbroken();

        given().get("/api/recommendations?mood=heartbroken").then().statusCode(200);
        given().get("/api/recommendations?mood=heartbroken").then().statusCode(200);

        wireMock.verify(1, getRequestedFor(urlPathEqualTo("/api/titles")));
        wireMock.verify(2, getRequestedFor(urlPathEqualTo("/api/songs")));
    }

    @Test
    void unknownMoodIsA400ListingTheKnownOnes() {
        given().get("/api/recommendations?mood=angry&format=FILM&limit=0")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("mood", "format", "limit"))
                .body("errors[0].message", containsString("bittersweet, grieving, healing, heartbroken, longing"))
                .body("errors[1].message", containsString("MOVIE, TV, OVA, ONA, SPECIAL"));

        given().get("/api/recommendations").then().statusCode(400).body("errors[0].message", containsString("is required"));
        wireMock.verify(0, getRequestedFor(anyUrl()));
    }

    @Test
    void songsDownGivesADegraded200RankedWithoutSongs() {
        stubJson(titlesApi(), page(TORADORA, YOUR_LIE, FIVE_CM));
        wireMock.stubFor(songsApi().willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        given().get("/api/recommendations?mood=heartbroken")
                .then().statusCode(200)
                .body("items.title.slug", contains("5-centimeters-per-second", "your-lie-in-april", "toradora"))
                .body("items[0].score", equalTo(13.4f))
                .body("items[0].songs", empty())
                .body("degraded", hasSize(1))
                .body("degraded[0].service", equalTo("songs"))
                .body("degraded[0].reason", containsString("unreachable: SocketException: Connection reset"))
                // once the songs are back the next request must get them, so no one may keep this answer
                .header("Cache-Control", "no-store");
    }

    @Test
    void songsAnswering500GivesADegraded200NamingIt() {
        stubJson(titlesApi(), page(FIVE_CM));
        wireMock.stubFor(songsApi().willReturn(aResponse().withStatus(500)));

        given().get("/api/recommendations?mood=heartbroken")
                .then().statusCode(200)
                .body("items", hasSize(1))
                .body("degraded[0].service", equalTo("songs"))
                .body("degraded[0].reason", equalTo("answered HTTP 500"));
        // idempotent GET: first try and two retries
        wireMock.verify(3, getRequestedFor(urlPathEqualTo("/api/songs")));
    }

    @Test
    void slowSongsGiveADegraded200OnceTheirDeadlinePasses() {
        stubJson(titlesApi(), page(FIVE_CM));
        // longer than the deadline (%test: 1 s), shorter than the read timeout: only the deadline can end it; the late
        // answer is a good one, so the call ends then, without retries
        wireMock.stubFor(songsApi().willReturn(okJson(page()).withFixedDelay(HUNG_MILLIS)));
        double finished = finishedCalls("SongsClient.songsOfTitles");

        given().get("/api/recommendations?mood=heartbroken")
                .then().statusCode(200)
                .body("items", hasSize(1))
                .body("degraded[0].service", equalTo("songs"))
                .body("degraded[0].reason", equalTo("did not answer in time"))
                .header("Cache-Control", "no-store");
        awaitFinished("SongsClient.songsOfTitles", finished);
    }

    @Test
    void catalogueDownIsA503WithoutWaitingForTheDeadline() {
        wireMock.stubFor(titlesApi().willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        stubJson(songsApi(), SONGS);

        given().get("/api/recommendations?mood=heartbroken")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "5")
                .body("detail", containsString("catalogue is unavailable"))
                // connection resets end it (the first try and two retries), not the deadline
                .body("detail", containsString("unreachable: SocketException: Connection reset"));
        wireMock.verify(3, getRequestedFor(urlPathEqualTo("/api/titles")));
        // no point asking for songs of titles we do not have
        wireMock.verify(0, getRequestedFor(urlPathEqualTo("/api/songs")));
    }

    @Test
    void slowCatalogueIsA503OnceItsDeadlinePasses() {
        wireMock.stubFor(titlesApi().willReturn(okJson(page()).withFixedDelay(HUNG_MILLIS)));
        double finished = finishedCalls("CatalogClient.candidates");

        given().get("/api/recommendations?mood=grieving")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "5")
                .body("detail", containsString("catalogue is unavailable right now (did not answer in time)"));
        wireMock.verify(0, getRequestedFor(urlPathEqualTo("/api/songs")));
        // the cached candidate load goes on after the caller's deadline; it must not fill the next test's cache
        awaitFinished("CatalogClient.candidates", finished);
    }

    @Test
    void moodsAreListedWithTheirMappingAndAnETag() {
        String etag = given().get("/api/moods")
                .then().statusCode(200)
                .body("name", contains("bittersweet", "grieving", "healing", "heartbroken", "longing"))
                .body("find { it.name == 'heartbroken' }.tags.'unrequited-love'", equalTo(3))
                .body("find { it.name == 'heartbroken' }.endings.TRAGIC", equalTo(2))
                .body("find { it.name == 'heartbroken' }.songMoods", hasItem("BREAKUP"))
                .body("description", everyItem(notNullValue()))
                .extract().header("ETag");

        given().header("If-None-Match", etag).get("/api/moods").then().statusCode(304);
        wireMock.verify(0, getRequestedFor(anyUrl()));
    }
}
