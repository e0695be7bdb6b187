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
import static org.hamcrest.Matchers.nullValue;

import com.github.tomakehurst.wiremock.http.Fault;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Song → anime, playlists and the consistency report. */
@QuarkusTest
@WithTestResource(WireMockServices.class)
class SongAndPlaylistTest extends GatewayTestBase {

    static final String ONE_MORE_TIME = song("one-more-time", "One more time, One more chance", "LONGING,FAREWELL",
            usage("5-centimeters-per-second", "5 Centimeters per Second", "THEME", null) + ","
                    + usage("moonlight-summer", "Moonlight Summer (live action)", "THEME", null) + ","
                    + usage("byousoku", "Byousoku (the manga adaptation)", "INSERT", null));
    static final String FIVE_CM = title("5-centimeters-per-second", "5 Centimeters per Second", "MOVIE", "BITTERSWEET", 8, "long-distance");
    static final String BYOUSOKU = title("byousoku", "Byousoku", "OVA", "OPEN", 6, "letters");

    @Test
    void aSongLeadsToItsTitlesInFullInTwoCalls() {
        wireMock.stubFor(get("/api/songs/one-more-time").willReturn(okJson(ONE_MORE_TIME)));
        // the catalogue answers in its own order and does not know moonlight-summer
        stubJson(titlesApi(), page(BYOUSOKU, FIVE_CM));

        given().get("/api/songs/one-more-time")
                .then().statusCode(200)
                .body("song.slug", equalTo("one-more-time"))
                .body("song.usages.titleSlug", contains("5-centimeters-per-second", "moonlight-summer", "byousoku"))
                .body("titles.slug", contains("5-centimeters-per-second", "byousoku"))
                .body("titles[0].ending", equalTo("BITTERSWEET"))
                .body("degraded", empty());

        wireMock.verify(1, getRequestedFor(urlPathEqualTo("/api/titles"))
                .withQueryParam("slug", havingExactly("5-centimeters-per-second", "moonlight-summer", "byousoku")));
        wireMock.verify(2, getRequestedFor(anyUrl()));
    }

    @Test
    void unknownSongIs404AndSongsDownIs503() {
        wireMock.stubFor(get("/api/songs/nope").willReturn(aResponse().withStatus(404)));
        wireMock.stubFor(get("/api/songs/one-more-time").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        given().get("/api/songs/nope").then().statusCode(404).body("detail", containsString("nope"));
        given().get("/api/songs/one-more-time").then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "5")
                .body("detail", containsString("songs service is unavailable"));
        wireMock.verify(0, getRequestedFor(urlPathEqualTo("/api/titles")));
    }

    @Test
    void catalogueDownStillGivesTheSong() {
        wireMock.stubFor(get("/api/songs/one-more-time").willReturn(okJson(ONE_MORE_TIME)));
        wireMock.stubFor(titlesApi().willReturn(aResponse().withStatus(500)));

        given().get("/api/songs/one-more-time")
                .then().statusCode(200)
                .body("song.title", equalTo("One more time, One more chance"))
                .body("titles", empty())
                .body("degraded.service", contains("catalog"));
    }

    @Test
    void playlistForAMoodWithTheAnimeEachSongComesFrom() {
        stubJson(songsApi(), page(
                song("hope-song", "Hope Song", "HOPE", usage("5-centimeters-per-second", "5cm", "ENDING", 1)),
                song("farewell", "Farewell", "FAREWELL", usage("byousoku", "Byousoku", "OPENING", 1)),
                song("breakup-farewell", "Breakup and Farewell", "BREAKUP,FAREWELL",
                        usage("5-centimeters-per-second", "5cm", "INSERT", null)),
                ONE_MORE_TIME));
        stubJson(titlesApi(), page(FIVE_CM, BYOUSOKU));

        given().get("/api/playlists/heartbroken")
                .then().statusCode(200)
                .body("mood", equalTo("heartbroken"))
                // two fitting moods first; then the main song mood (BREAKUP) before FAREWELL; then by title.
                // hope-song does not fit heartbroken, even if the service sent it.
                .body("songs.slug", contains("breakup-farewell", "farewell", "one-more-time"))
                .body("songs[0].matchedMoods", contains("BREAKUP", "FAREWELL"))
                .body("songs[0].anime[0].title.slug", equalTo("5-centimeters-per-second"))
                .body("songs[0].anime[0].title.tearjerker", equalTo(8))
                .body("songs[2].anime.title.slug", contains("5-centimeters-per-second", "moonlight-summer", "byousoku"))
                // unknown to the catalogue: still named, from the song's usage
                .body("songs[2].anime[1].title.title", equalTo("Moonlight Summer (live action)"))
                .body("songs[2].anime[1].title.format", nullValue())
                .body("degraded", empty());

        wireMock.verify(1, getRequestedFor(urlPathEqualTo("/api/songs"))
                .withQueryParam("mood", havingExactly("BREAKUP", "UNREQUITED", "FAREWELL")));
        wireMock.verify(1, getRequestedFor(urlPathEqualTo("/api/titles"))
                .withQueryParam("slug", havingExactly("5-centimeters-per-second", "byousoku", "moonlight-summer")));
        wireMock.verify(2, getRequestedFor(anyUrl()));
    }

    @Test
    void playlistWithTheCatalogueDownNamesTheAnimeFromTheSongs() {
        stubJson(songsApi(), page(ONE_MORE_TIME));
        wireMock.stubFor(titlesApi().willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        given().get("/api/playlists/longing?limit=5")
                .then().statusCode(200)
                .body("songs[0].anime[0].title.title", equalTo("5 Centimeters per Second"))
                .body("degraded.service", contains("catalog"));

        given().get("/api/playlists/furious").then().statusCode(400)
                .body("errors[0].field", equalTo("mood"))
                .body("errors[0].message", containsString("known moods: bittersweet"));
    }

    @Test
    void consistencyPagesThroughBothServices() {
        wireMock.stubFor(titlesApi().withQueryParam("page", is("1")).willReturn(okJson("""
                {"items": [%s], "page": 1, "size": 100, "totalItems": 101, "totalPages": 2}""".formatted(FIVE_CM))));
        wireMock.stubFor(titlesApi().withQueryParam("page", is("2")).willReturn(okJson("""
                {"items": [%s], "page": 2, "size": 100, "totalItems": 101, "totalPages": 2}""".formatted(
                title("lonely", "Lonely Title", "TV", "OPEN", 3, "war")))));
        wireMock.stubFor(songsApi().withQueryParam("page", is("1")).willReturn(okJson(page(ONE_MORE_TIME))));

        given().get("/api/consistency")
                .then().statusCode(200)
                .body("titlesChecked", equalTo(2))
                .body("songsChecked", equalTo(1))
                .body("downstreamCalls", equalTo(3))
                .body("unknownTitleUsages.titleSlug", contains("byousoku", "moonlight-summer"))
                .body("unknownTitleUsages[0].songSlug", equalTo("one-more-time"))
                .body("titlesWithoutSongs.slug", contains("lonely"))
                .body("degraded", empty());
        given().get("/api/consistency").then().statusCode(200);

        // ceil(101/100) + ceil(1/100) calls, and the second report came from the cache
        wireMock.verify(2, getRequestedFor(urlPathEqualTo("/api/titles")).withQueryParam("size", is("100")));
        wireMock.verify(1, getRequestedFor(urlPathEqualTo("/api/songs")));
    }

    @Test
    void consistencyNeedsBothServices() {
        stubJson(titlesApi(), page(FIVE_CM));
        wireMock.stubFor(songsApi().willReturn(aResponse().withStatus(500)));

        given().get("/api/consistency").then().statusCode(503).body("detail", containsString("songs service"));
    }
}
