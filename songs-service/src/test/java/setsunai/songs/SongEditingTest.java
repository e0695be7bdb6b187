package setsunai.songs;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import setsunai.testsupport.Tokens;

/**
 * Editor-only writes. Every song written here uses the mood HOPE, usages of role THEME on test-only title slugs and
 * the year 2030, so the read tests' counts over the curated dataset still hold.
 */
@QuarkusTest
class SongEditingTest {

    private static final String EDITOR = Tokens.editor();

    private static String song(String slug, String title, String artistSlug, String artistName) {
        return """
                {"slug": "%s", "title": "%s", "year": 2030, "moods": ["HOPE"],
                 "artists": [{"slug": "%s", %s "role": "PERFORMER"}],
                 "usages": [{"titleSlug": "test-only-title", "titleName": "Test Only", "role": "THEME", "sequence": 1}]}"""
                .formatted(slug, title, artistSlug, artistName == null ? "" : "\"name\": \"" + artistName + "\",");
    }

    private static RequestSpecification editor() {
        return given().auth().oauth2(EDITOR).contentType(ContentType.JSON);
    }

    private static String etagOf(String slug) {
        return given().get("/api/songs/" + slug).then().statusCode(200).extract().header("ETag");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"missing, 401", "expired, 401", "wrong-signature, 401", "other-issuer, 401", "reader, 403"})
    void writesNeedAValidEditorToken(String token, int status) {
        var request = given().contentType(ContentType.JSON).body(song("jwt-case-" + token, "Jwt Case", "test-artist-jwt", "Jwt"));
        switch (token) {
            case "expired" -> request.auth().oauth2(Tokens.expiredEditor());
            case "wrong-signature" -> request.auth().oauth2(Tokens.editorWithWrongSignature());
            case "other-issuer" -> request.auth().oauth2(Tokens.editorFromOtherIssuer());
            case "reader" -> request.auth().oauth2(Tokens.reader());
            default -> { }
        }
        request.post("/api/songs")
                .then().statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("detail", containsString(status == 401 ? "token" : "editor"));
        given().get("/api/songs/jwt-case-" + token).then().statusCode(404);
        // The other writes are guarded the same way.
        given().header("If-Match", "\"1\"").contentType(ContentType.JSON).body(song("torch", "x", "a", "A"))
                .put("/api/songs/torch").then().statusCode(401);
        given().delete("/api/songs/torch").then().statusCode(401);
        given().auth().oauth2(Tokens.reader()).contentType("application/x-ndjson").body("{}".getBytes(StandardCharsets.UTF_8))
                .post("/api/songs/import").then().statusCode(403);
    }

    @Test
    void aStaleTokenDoesNotSpoilPublicReads() {
        given().auth().oauth2(Tokens.expiredEditor()).get("/api/songs/torch").then().statusCode(200);
    }

    @Test
    void createsASongAndItsNewArtist() {
        String body = song("test-created-song", "Test Created Song", "test-new-artist", "Test Néw Artist");
        editor().body(body).post("/api/songs")
                .then().statusCode(201)
                .header("Location", endsWith("/api/songs/test-created-song"))
                .header("ETag", equalTo("\"1\""))
                .body("version", equalTo(1))
                .body("artists[0].name", equalTo("Test Néw Artist"));
        given().get("/api/artists/test-new-artist")
                .then().statusCode(200)
                .body("songs[0].slug", equalTo("test-created-song"))
                .body("songs[0].roles", contains("PERFORMER"));
        // Searchable at once, artist name included, accents ignored.
        given().queryParam("q", "test new artist").get("/api/songs")
                .then().statusCode(200).body("items[0].slug", equalTo("test-created-song"));
        // The batch call sees it.
        given().queryParam("title", "test-only-title").get("/api/songs")
                .then().statusCode(200).body("items.slug", hasItem("test-created-song"));

        editor().body(body).post("/api/songs")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("test-created-song"));
    }

    @Test
    void anExistingArtistNeedsOnlyItsSlug() {
        editor().body(song("test-with-known-artist", "Test Known Artist", "tenmon", null)).post("/api/songs")
                .then().statusCode(201)
                .body("artists[0].name", equalTo("Tenmon"));
    }

    @Test
    void aNewArtistNeedsAName() {
        editor().body(song("test-nameless-artist", "Test", "test-nobody-knows", null)).post("/api/songs")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("artists[0].name"));
    }

    @Test
    void invalidFieldsAreListed() {
        editor().body("""
                        {"slug": "Not A Slug", "title": " ", "year": 1800, "artists": [],
                         "usages": [{"titleSlug": "x", "role": "THEME", "sequence": 0}]}""")
                .post("/api/songs")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("slug", "title", "year", "artists"))
                .body("errors.field", hasItem(startsWith("usages")))
                .body("errors", hasSize(5));
        editor().body("{\"title\": \"No slug\", \"artists\": [{\"slug\": \"tenmon\", \"role\": \"PERFORMER\"}]}")
                .post("/api/songs")
                .then().statusCode(400).body("errors[0].field", equalTo("slug"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unknown mood|{\"slug\": \"x\", \"title\": \"x\", \"moods\": [\"SAD\"]}|moods[0]|BREAKUP, UNREQUITED",
            "unknown role|{\"slug\": \"x\", \"title\": \"x\", \"artists\": [{\"slug\": \"a\", \"role\": \"SINGER\"}]}|artists[0].role|PERFORMER, COMPOSER",
            "year as text|{\"slug\": \"x\", \"title\": \"x\", \"year\": \"soon\"}|year|a number",
            "malformed|{\"slug\": \"x\", \"title\": |body|not valid JSON"})
    void badJsonIsAProblemNamingTheField(String name, String body, String field, String message) {
        editor().body(body).post("/api/songs")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo(field))
                .body("errors[0].message", containsString(message));
    }

    @Test
    void missingBodyWrongMediaTypeAndTooLargeBodiesAreProblems() {
        editor().post("/api/songs").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(EDITOR).contentType(ContentType.TEXT).body("hello").post("/api/songs")
                .then().statusCode(415).contentType("application/problem+json");
        editor().body("{\"slug\": \"big\", \"title\": \"" + "x".repeat(2_200_000) + "\"}").post("/api/songs")
                .then().statusCode(413).contentType("application/problem+json");
        given().auth().oauth2(EDITOR).contentType(ContentType.JSON).body("{}").post("/api/songs/import")
                .then().statusCode(415).contentType("application/problem+json");
    }

    @Test
    void updatesNeedTheCurrentETag() {
        editor().body(song("test-updated-song", "Test Updated Song", "test-artist-upd", "Upd")).post("/api/songs")
                .then().statusCode(201);
        String changed = song("test-updated-song", "Test Renamed Song", "test-artist-upd-2", "Second Artist");

        editor().body(changed).put("/api/songs/test-updated-song")
                .then().statusCode(428).contentType("application/problem+json");
        editor().header("If-Match", "\"7\"").body(changed).put("/api/songs/test-updated-song")
                .then().statusCode(412).contentType("application/problem+json");
        editor().header("If-Match", "\"1\"").body(song("other-slug", "x", "tenmon", null))
                .put("/api/songs/test-updated-song")
                .then().statusCode(400).body("errors[0].field", equalTo("slug"));
        editor().header("If-Match", "\"1\"").body(changed.replace("test-updated-song", "no-such-song"))
                .put("/api/songs/no-such-song")
                .then().statusCode(404).contentType("application/problem+json");

        editor().header("If-Match", "\"1\"").body(changed).put("/api/songs/test-updated-song")
                .then().statusCode(200)
                .header("ETag", equalTo("\"2\""))
                .body("title", equalTo("Test Renamed Song"))
                .body("artists.slug", contains("test-artist-upd-2"));
        assertEquals("\"2\"", etagOf("test-updated-song"));
        // The search text follows the edit: the new artist is found, the old one no longer.
        given().queryParam("q", "Second Artist").get("/api/songs")
                .then().body("items[0].slug", equalTo("test-updated-song"));
        given().queryParam("artist", "test-artist-upd").get("/api/songs").then().body("items", empty());
        // Sending the same song again changes nothing, not even the version.
        editor().header("If-Match", "\"2\"").body(changed).put("/api/songs/test-updated-song")
                .then().statusCode(200).header("ETag", equalTo("\"2\""));
    }

    @Test
    void twoConcurrentUpdatesWithTheSameETagMakeOneWinner() throws Exception {
        editor().body(song("test-raced-song", "Test Raced Song", "test-artist-race", "Race")).post("/api/songs")
                .then().statusCode(201);
        String etag = etagOf("test-raced-song");
        int writers = 4;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                String body = song("test-raced-song", "Test Raced Song take " + i, "test-artist-race-" + i, "Racer " + i);
                Callable<Integer> put = () -> {
                    start.await();
                    return editor().header("If-Match", etag).body(body).put("/api/songs/test-raced-song")
                            .then().extract().statusCode();
                };
                results.add(pool.submit(put));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (var result : results) {
                statuses.add(result.get());
            }
            statuses.sort(Integer::compare);
            assertEquals(List.of(200, 412, 412, 412), statuses);
        } finally {
            pool.shutdownNow();
        }
        assertEquals("\"2\"", etagOf("test-raced-song"));
    }

    @Test
    void deletes() {
        editor().body(song("test-deleted-song", "Test Deleted Song", "test-artist-del", "Del")).post("/api/songs")
                .then().statusCode(201);
        given().auth().oauth2(EDITOR).header("If-Match", "\"5\"").delete("/api/songs/test-deleted-song")
                .then().statusCode(412);
        // If-Match compares strongly (RFC 9110): a weak tag of the current version matches nothing.
        given().auth().oauth2(EDITOR).header("If-Match", "W/\"1\"").delete("/api/songs/test-deleted-song")
                .then().statusCode(412);
        given().get("/api/songs/test-deleted-song").then().statusCode(200);
        given().auth().oauth2(EDITOR).delete("/api/songs/test-deleted-song").then().statusCode(204);
        given().get("/api/songs/test-deleted-song").then().statusCode(404);
        given().auth().oauth2(EDITOR).delete("/api/songs/test-deleted-song")
                .then().statusCode(404).contentType("application/problem+json");
        // The artist stays, with no songs.
        given().get("/api/artists/test-artist-del").then().statusCode(200).body("songCount", equalTo(0));
    }

    @Test
    void importStoresGoodLinesAndReportsBadOnes() {
        editor().body(song("test-import-existing", "Test Import Existing", "test-artist-imp", "Imp")).post("/api/songs")
                .then().statusCode(201);
        String body = String.join("\n",
                song("test-import-new", "Test Import New", "test-artist-imp", null).replace("\n", " "),
                "{\"slug\": \"test-import-blank\", \"title\": \"\", \"artists\": []}",
                "",
                "{\"slug\": \"test-import-broken\", \"title\": ",
                song("test-import-existing", "Test Import Existing v2", "test-artist-imp", null).replace("\n", " "),
                song("test-import-nameless", "Nameless", "test-artist-never-seen", null).replace("\n", " "),
                "{\"slug\": \"test-import-mood\", \"title\": \"x\", \"moods\": [\"SAD\"], "
                        + "\"artists\": [{\"slug\": \"tenmon\", \"role\": \"PERFORMER\"}]}");
        var report = given().auth().oauth2(EDITOR).contentType("application/x-ndjson").body(body.getBytes(StandardCharsets.UTF_8)).post("/api/songs/import")
                .then().statusCode(200)
                .body("created", equalTo(1))
                .body("updated", equalTo(1))
                .body("unchanged", equalTo(0))
                .body("rejected.line", contains(2, 4, 6, 7))
                .body("rejected[0].errors.field", containsInAnyOrder("artists", "title"))
                .body("rejected[1].errors[0].field", equalTo("body"))
                .body("rejected[2].errors[0].field", equalTo("artists[0].name"))
                .body("rejected[3].errors[0].message", containsString("BREAKUP"))
                .extract();
        assertEquals(Arrays.asList("test-import-blank", null, "test-import-nameless", "test-import-mood"),
                report.path("rejected.slug"));
        given().get("/api/songs/test-import-new").then().statusCode(200).body("artists[0].name", equalTo("Imp"));
        given().get("/api/songs/test-import-existing").then().statusCode(200)
                .body("title", equalTo("Test Import Existing v2")).body("version", equalTo(2));
        given().get("/api/songs/test-import-nameless").then().statusCode(404);

        // Importing the same line again changes nothing.
        given().auth().oauth2(EDITOR).contentType("application/x-ndjson")
                .body(song("test-import-new", "Test Import New", "test-artist-imp", null).replace("\n", " ")
                        .getBytes(StandardCharsets.UTF_8))
                .post("/api/songs/import")
                .then().statusCode(200)
                .body("unchanged", equalTo(1)).body("created", equalTo(0)).body("rejected", empty());
    }
}
