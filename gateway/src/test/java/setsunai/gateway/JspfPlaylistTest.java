package setsunai.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.Fault;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 item 8: {@code GET /api/playlists/{mood}} as JSPF for players ({@code Accept: application/jspf+json}),
 * checked against a JSON Schema of JSPF (src/test/resources/jspf.schema.json); the JSON answer stays as it was.
 */
@QuarkusTest
@WithTestResource(WireMockServices.class)
class JspfPlaylistTest extends GatewayTestBase {

    static final String JSPF = "application/jspf+json";
    static final String EXT = "extension.'https://setsunai.app/jspf'";
    static final String MBID = "5b11f4ce-a62d-471e-81fc-a69a8278c7da";
    private static final ObjectMapper JSON = new ObjectMapper();
    static final Schema JSPF_SCHEMA = jspfSchema();

    @TestHTTPResource("/")
    URI root;

    /** The gateway's public base as the tests reach it, e.g. http://localhost:8081 (no trailing slash). */
    String base() {
        String url = root.toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** A song whose songs-service answer carries {@code externalIds} and {@code alternativeTitles}. */
    static String withIds(String song, String externalIds) {
        return song.replace("\"extra\": 1", "\"extra\": 1, \"alternativeTitles\": [\"Another Name\"], \"externalIds\": "
                + externalIds);
    }

    void stubHeartbroken() {
        stubJson(songsApi(), page(
                withIds(song("breakup-farewell", "Breakup and Farewell", "BREAKUP,FAREWELL",
                        usage("5-centimeters-per-second", "5cm", "THEME", null) + ","
                                + usage("byousoku", "Byousoku", "INSERT", null)),
                        "{\"musicbrainz\": \"" + MBID.toUpperCase() + "\", \"animethemes\": 4242}"),
                withIds(song("farewell", "Farewell", "FAREWELL", usage("byousoku", "Byousoku", "OPENING", 2)),
                        "{\"animethemes\": 77}"),
                song("hope-song", "Hope Song", "HOPE", usage("5-centimeters-per-second", "5cm", "ENDING", 1)),
                SongAndPlaylistTest.ONE_MORE_TIME));
        stubJson(titlesApi(), page(SongAndPlaylistTest.FIVE_CM, SongAndPlaylistTest.BYOUSOKU));
    }

    @Test
    void aPlayerGetsJspfWithCreatorsAnimeLinksAndIds() throws Exception {
        stubHeartbroken();

        Response answer = given().accept(JSPF).get("/api/playlists/heartbroken");
        answer.then().statusCode(200)
                .contentType(startsWith(JSPF))
                .header("Vary", containsString("Accept"))
                .header("ETag", startsWith("\"jspf-"))
                .header("Cache-Control", "public, max-age=10")
                .body("playlist.title", equalTo("Setsunai: heartbroken"))
                .body("playlist.creator", equalTo("Setsunai"))
                .body("playlist.annotation", startsWith("You just went through a breakup"))
                .body("playlist.identifier", equalTo(base() + "/api/playlists/heartbroken"))
                .body("playlist.location", equalTo(base() + "/api/playlists/heartbroken"))
                .body("playlist.date", nullValue())
                .body("playlist." + EXT + ".mood", equalTo("heartbroken"))
                .body("playlist." + EXT + ".excludeUnmatched", empty())
                .body("playlist." + EXT + ".degraded", empty())
                // the order of the JSON playlist: two fitting moods first, then FAREWELL, then by title
                .body("playlist.track.title", contains("Breakup and Farewell", "Farewell", "One more time, One more chance"))
                .body("playlist.track[0].creator", equalTo("Singer of Breakup and Farewell"))
                .body("playlist.track[0].identifier", contains("https://musicbrainz.org/recording/" + MBID))
                .body("playlist.track[0].info", equalTo(base() + "/api/titles/5-centimeters-per-second"))
                .body("playlist.track[0].annotation", equalTo("Its moods fit heartbroken: BREAKUP, FAREWELL. "
                        + "It is the theme of 5 Centimeters per Second; also in 1 more."))
                .body("playlist.track[0].album", nullValue())
                .body("playlist.track[0]." + EXT + ".songSlug", equalTo("breakup-farewell"))
                .body("playlist.track[0]." + EXT + ".role", equalTo("THEME"))
                .body("playlist.track[0]." + EXT + ".matchedMoods", contains("BREAKUP", "FAREWELL"))
                .body("playlist.track[0]." + EXT + ".anime.slug", contains("5-centimeters-per-second", "byousoku"))
                .body("playlist.track[0]." + EXT + ".anime.title", contains("5 Centimeters per Second", "Byousoku"))
                .body("playlist.track[0]." + EXT + ".anime.url", contains(base() + "/api/titles/5-centimeters-per-second",
                        base() + "/api/titles/byousoku"))
                .body("playlist.track[0]." + EXT + ".externalIds.animethemes", equalTo(4242))
                // AnimeThemes has no URL per id: the id stays in the extension, and no identifier is made up
                .body("playlist.track[1].identifier", nullValue())
                .body("playlist.track[1]." + EXT + ".externalIds.animethemes", equalTo(77))
                .body("playlist.track[1].annotation", equalTo("Its moods fit heartbroken: FAREWELL. It is opening 2 of Byousoku."))
                .body("playlist.track[2]." + EXT + ".externalIds", nullValue())
                // unknown to the catalogue: named from the song's usage, and still linked
                .body("playlist.track[2]." + EXT + ".anime[1].title", equalTo("Moonlight Summer (live action)"))
                .body("playlist.track[2]." + EXT + ".anime[1].url", equalTo(base() + "/api/titles/moonlight-summer"));

        assertJspf(answer.asByteArray());
        // the same two calls as the JSON playlist
        wireMock.verify(2, getRequestedFor(anyUrl()));
    }

    @Test
    void theJsonPlaylistStaysAsItWasWithItsOwnETag() {
        stubHeartbroken();

        Response json = given().get("/api/playlists/heartbroken");
        json.then().statusCode(200).contentType(startsWith("application/json"))
                .header("Vary", containsString("Accept"))
                .body("songs.slug", contains("breakup-farewell", "farewell", "one-more-time"))
                .body("playlist", nullValue());
        Response asked = given().accept("application/json").get("/api/playlists/heartbroken");
        Response jspf = given().accept(JSPF).get("/api/playlists/heartbroken");
        assertEquals(json.asString(), asked.asString());
        // the Content-Type every JSON answer of the gateway has (the moods are untouched by the negotiation)
        assertEquals(given().get("/api/moods").contentType(), json.contentType());
        assertEquals(json.header("ETag"), asked.header("ETag"));
        assertNotEquals(json.header("ETag"), jspf.header("ETag"));

        // each tag is a 304 for its own representation only
        given().accept(JSPF).header("If-None-Match", jspf.header("ETag")).get("/api/playlists/heartbroken")
                .then().statusCode(304).header("ETag", jspf.header("ETag")).header("Vary", containsString("Accept"));
        given().accept(JSPF).header("If-None-Match", "W/" + jspf.header("ETag")).get("/api/playlists/heartbroken")
                .then().statusCode(304);
        given().header("If-None-Match", jspf.header("ETag")).get("/api/playlists/heartbroken")
                .then().statusCode(200).body("mood", equalTo("heartbroken"));
        given().accept(JSPF).header("If-None-Match", json.header("ETag")).get("/api/playlists/heartbroken")
                .then().statusCode(200).body("playlist.creator", equalTo("Setsunai"));
        given().header("If-None-Match", json.header("ETag")).get("/api/playlists/heartbroken").then().statusCode(304);
        // a browser's request keeps CORS's Vary: Origin beside Vary: Accept
        for (String accept : List.of(JSPF, "application/json")) {
            String vary = String.join(", ", given().header("Origin", "https://player.example").accept(accept)
                    .get("/api/playlists/heartbroken").headers().getValues("Vary"));
            assertTrue(vary.contains("Origin") && vary.contains("Accept"), accept + ": Vary " + vary);
        }
        // the same data gives the same bytes, so the tag is stable (no clock in the answer)
        assertEquals(jspf.asString(), given().accept(JSPF).get("/api/playlists/heartbroken").asString());
    }

    @Test
    void theAcceptHeaderChoosesAndOneAllowingNeitherIs406() {
        stubHeartbroken();

        for (String accept : List.of("*/*", "application/*", "application/json, application/jspf+json",
                "application/jspf+json;q=0.5, application/json", "text/plain, application/json;q=0.1")) {
            Response answer = given().header("Accept", accept).get("/api/playlists/heartbroken");
            assertEquals("200 application/json", answer.statusCode() + " " + answer.contentType().replaceAll(";.*", ""), accept);
            assertEquals("heartbroken", answer.jsonPath().getString("mood"), accept);
        }
        for (String accept : List.of(JSPF, "application/json;q=0.4, application/jspf+json;q=0.9",
                "application/json;q=0, */*", "Application/JSPF+JSON")) {
            Response answer = given().header("Accept", accept).get("/api/playlists/heartbroken");
            assertEquals("200 " + JSPF, answer.statusCode() + " " + answer.contentType().replaceAll(";.*", ""), accept);
            assertEquals("Setsunai", answer.jsonPath().getString("playlist.creator"), accept);
        }
        wireMock.resetRequests();
        for (String accept : List.of("application/xml", "text/html", "application/problem+json",
                "application/json;q=0, application/jspf+json;q=0", "image/*")) {
            Response refused = given().header("Accept", accept).get("/api/playlists/heartbroken");
            assertEquals(406, refused.statusCode(), accept);
            refused.then()
                    .contentType("application/problem+json")
                    .body("status", equalTo(406))
                    .body("detail", containsString("application/json (the default) and application/jspf+json"));
        }
        // a header the server cannot parse is refused before the endpoint is reached, as on every endpoint
        for (String accept : List.of("a/b/c", ",,,")) {
            given().header("Accept", accept).get("/api/playlists/heartbroken")
                    .then().statusCode(406).contentType("application/problem+json");
        }
        // refused before any service is asked
        wireMock.verify(0, getRequestedFor(anyUrl()));
    }

    @Test
    void theSameFiltersAsTheJsonPlaylist() throws Exception {
        stubHeartbroken();
        // the catalogue's id lookup: the slug names 5 Centimeters, mal:999999 nothing
        wireMock.stubFor(titlesApi().atPriority(1).withQueryParam("id", matching(".+")).willReturn(okJson(
                ExcludeAndPagingTest.lookupPage(List.of("mal:999999"), SongAndPlaylistTest.FIVE_CM))));
        String query = "/api/playlists/heartbroken?limit=2&exclude=5-centimeters-per-second&exclude=mal:999999";

        List<String> json = given().get(query).then().statusCode(200).extract().jsonPath().getList("songs.slug");
        Response jspf = given().accept(JSPF).get(query);
        jspf.then().statusCode(200)
                .body("playlist.identifier", equalTo(base() + "/api/playlists/heartbroken?limit=2"
                        + "&exclude=5-centimeters-per-second&exclude=mal%3A999999"))
                .body("playlist." + EXT + ".excludeUnmatched", contains("mal:999999"))
                .body("playlist." + EXT + ".degraded", empty())
                .body("playlist.track." + EXT + ".anime.slug.flatten()", not(hasItem("5-centimeters-per-second")))
                .body("playlist.track.info", not(hasItem(base() + "/api/titles/5-centimeters-per-second")));
        assertEquals(json, jspf.jsonPath().getList("playlist.track." + EXT + ".songSlug"));
        assertEquals(2, json.size());
        assertJspf(jspf.asByteArray());

        given().accept(JSPF).get("/api/playlists/heartbroken?limit=0").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("limit"));
        given().accept(JSPF).get("/api/playlists/furious").then().statusCode(400).body("errors[0].field", equalTo("mood"));
    }

    @Test
    void degradedJspfSaysSoInItsExtensionAndIsNotStored() throws Exception {
        stubJson(songsApi(), page(SongAndPlaylistTest.ONE_MORE_TIME));
        wireMock.stubFor(titlesApi().willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        Response answer = given().accept(JSPF).get("/api/playlists/longing");
        answer.then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("playlist." + EXT + ".degraded.service", contains("catalog"))
                .body("playlist.track[0]." + EXT + ".anime.title", contains("5 Centimeters per Second",
                        "Moonlight Summer (live action)", "Byousoku (the manga adaptation)"));
        assertJspf(answer.asByteArray());

        wireMock.stubFor(songsApi().willReturn(aResponse().withStatus(500)));
        given().accept(JSPF).get("/api/playlists/longing").then().statusCode(503)
                .contentType("application/problem+json").header("Retry-After", "5");
    }

    @Test
    void theSchemaRefusesWhatIsNotJspf() throws Exception {
        // so that the checks above can fail: a key outside JSPF, a string where JSPF has a list, no track list
        assertFalse(JSPF_SCHEMA.validate(JSON.readTree("{\"playlist\": {\"track\": [], \"degraded\": []}}")).isEmpty());
        assertFalse(JSPF_SCHEMA.validate(JSON.readTree("{\"playlist\": {\"track\": [{\"identifier\": \"x:y\"}]}}")).isEmpty());
        assertFalse(JSPF_SCHEMA.validate(JSON.readTree("{\"playlist\": {\"title\": \"t\"}}")).isEmpty());
        assertFalse(JSPF_SCHEMA.validate(JSON.readTree("{\"playlist\": {\"track\": [{\"info\": \"/api/titles/x\"}]}}")).isEmpty());
        assertTrue(JSPF_SCHEMA.validate(JSON.readTree("{\"playlist\": {\"track\": [{\"title\": \"t\", \"identifier\": "
                + "[\"https://musicbrainz.org/recording/" + MBID + "\"]}]}}")).isEmpty());
    }

    @Test
    void theSpecDocumentsBothMediaTypesWithExamplesThatAreWhatItAnswers() throws Exception {
        JsonNode spec = JSON.readTree(given().get("/q/openapi?format=json").then().statusCode(200).extract().asByteArray());
        JsonNode content = spec.at("/paths/~1api~1playlists~1{mood}/get/responses/200/content");
        List<String> types = new ArrayList<>();
        content.fieldNames().forEachRemaining(types::add);
        assertEquals(java.util.Set.of("application/json", JSPF), new java.util.HashSet<>(types));

        JsonNode jspfExample = content.path(JSPF).path("examples").elements().next().path("value");
        assertJspf(JSON.writeValueAsBytes(jspfExample));
        assertEquals("#/components/schemas/JspfDocument", content.path(JSPF).at("/schema/$ref").asText());
        JsonNode jsonExample = content.path("application/json").path("examples").elements().next().path("value");
        assertEquals("heartbroken", jsonExample.path("mood").asText());
        // the two examples are the same playlist
        List<String> jsonSongs = new ArrayList<>();
        jsonExample.path("songs").forEach(s -> jsonSongs.add(s.path("slug").asText()));
        List<String> jspfSongs = new ArrayList<>();
        jspfExample.at("/playlist/track").forEach(t -> jspfSongs.add(t.path("extension").path("https://setsunai.app/jspf")
                .path("songSlug").asText()));
        assertEquals(jsonSongs, jspfSongs);
        assertFalse(jsonSongs.isEmpty());

        JsonNode notAcceptable = spec.at("/paths/~1api~1playlists~1{mood}/get/responses/406/content/application~1problem+json");
        assertEquals(406, notAcceptable.path("examples").elements().next().path("value").path("status").asInt());
        // the wildcard the method declares (it negotiates itself) is no media type of the spec
        assertFalse(spec.toString().contains("\"*/*\""), "no */* content in the spec");
    }

    /** The answer is JSPF: no schema error, and a JSON object at the top. */
    static void assertJspf(byte[] body) throws IOException {
        JsonNode document = JSON.readTree(body);
        assertTrue(document instanceof ObjectNode, "a JSON object");
        var errors = JSPF_SCHEMA.validate(document);
        assertThat("not JSPF: " + errors, errors, empty());
    }

    private static Schema jspfSchema() {
        try (InputStream in = JspfPlaylistTest.class.getResourceAsStream("/jspf.schema.json")) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
