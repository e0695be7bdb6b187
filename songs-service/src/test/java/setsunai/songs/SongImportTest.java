package setsunai.songs;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import setsunai.testsupport.Tokens;

/**
 * NDJSON import beyond the basics of {@link SongEditingTest}: concurrent imports, a slug twice in one import, a line
 * the database refuses, and the same notion of "unchanged" as an edit. Same test-data rules as SongEditingTest
 * (mood HOPE, role THEME, test-only title slugs, year 2030, artist names after "Kow Otani").
 */
@QuarkusTest
class SongImportTest {

    private static final String EDITOR = Tokens.editor();

    private static String line(String slug, String title, String artistSlug, String artistName) {
        return ("{\"slug\": \"%s\", \"title\": \"%s\", \"year\": 2030, \"moods\": [\"HOPE\"],"
                + " \"artists\": [{\"slug\": \"%s\", \"name\": \"%s\", \"role\": \"PERFORMER\"}],"
                + " \"usages\": [{\"titleSlug\": \"test-only-import\", \"role\": \"THEME\"}]}")
                .formatted(slug, title, artistSlug, artistName);
    }

    private static JsonPath importLines(List<String> lines) {
        return given().auth().oauth2(EDITOR).contentType("application/x-ndjson")
                .body(String.join("\n", lines).getBytes(StandardCharsets.UTF_8))
                .post("/api/songs/import")
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void twoConcurrentPostsIntroducingTheSameNewArtistBothSucceed() throws Exception {
        // POST creates new artists the way the import does, so the loser of the race is not a 409.
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 10; round++) {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Integer>> statuses = new ArrayList<>();
                for (String side : List.of("a", "b")) {
                    String body = line("test-post-race-" + side + "-" + round, "Test Post Race " + side,
                            "test-post-race-artist-" + round, "Test Post Race Artist " + round);
                    statuses.add(pool.submit(() -> {
                        start.await();
                        return given().auth().oauth2(EDITOR).contentType("application/json").body(body)
                                .post("/api/songs").statusCode();
                    }));
                }
                start.countDown();
                for (Future<Integer> status : statuses) {
                    assertEquals(201, status.get());
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void twoConcurrentImportsIntroducingTheSameNewArtistsBothSucceed() throws Exception {
        // Line i of both imports credits the same new artist: the two requests race to create it, many times over.
        int lines = 40;
        List<List<String>> bodies = new ArrayList<>();
        for (String side : List.of("a", "b")) {
            List<String> body = new ArrayList<>();
            for (int i = 0; i < lines; i++) {
                body.add(line("test-race-" + side + "-" + i, "Test Race " + side + " " + i,
                        "test-race-artist-" + i, "Test Race Artist " + i));
            }
            bodies.add(body);
        }
        for (int round = 0; round < 3; round++) {
            List<String> reports = runTogether(bodies);
            for (String report : reports) {
                JsonPath json = JsonPath.from(report);
                assertEquals(List.of(), json.getList("rejected"), report);
                // Round 0 creates the songs, later rounds find them unchanged; never a rejected line.
                assertEquals(round == 0 ? lines : 0, json.getInt("created"), report);
                assertEquals(round == 0 ? 0 : lines, json.getInt("unchanged"), report);
            }
        }
        for (int i = 0; i < lines; i++) {
            given().get("/api/artists/test-race-artist-" + i).then().statusCode(200)
                    .body("name", equalTo("Test Race Artist " + i))
                    .body("songCount", equalTo(2));
        }
    }

    private static List<String> runTogether(List<List<String>> bodies) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(bodies.size());
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (List<String> body : bodies) {
                byte[] bytes = String.join("\n", body).getBytes(StandardCharsets.UTF_8);
                futures.add(pool.submit(() -> {
                    start.await();
                    return given().auth().oauth2(EDITOR).contentType("application/x-ndjson").body(bytes)
                            .post("/api/songs/import").then().statusCode(200).extract().asString();
                }));
            }
            start.countDown();
            List<String> reports = new ArrayList<>();
            for (var future : futures) {
                reports.add(future.get());
            }
            return reports;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aSlugTwiceInOneImportIsCreatedThenUpdated() {
        JsonPath report = importLines(List.of(
                line("test-import-twice", "Test Twice", "test-artist-twice", "Test Twice Artist"),
                line("test-import-twice", "Test Twice v2", "test-artist-twice", "ignored: the artist exists now"),
                line("test-import-twice", "Test Twice v2", "test-artist-twice", "Test Twice Artist")));
        assertEquals(List.of(1, 1, 1), List.of(report.getInt("created"), report.getInt("updated"),
                report.getInt("unchanged")), report.prettify());
        given().get("/api/songs/test-import-twice").then().statusCode(200)
                .header("ETag", equalTo("\"2\""))
                .body("title", equalTo("Test Twice v2"))
                .body("artists.name", contains("Test Twice Artist"));
    }

    @Test
    void aLineTheDatabaseRefusesIsRejectedAloneAndTheOthersAreKept() {
        // Valid JSON and valid fields, but PostgreSQL text cannot hold a NUL character: the chunk fails in the
        // database and its lines are stored one by one.
        JsonPath report = importLines(List.of(
                line("test-import-before-nul", "Test Before", "test-artist-nul", "Test Nul Artist"),
                line("test-import-nul", "Test \\u0000 Nul", "test-artist-nul", "Test Nul Artist"),
                line("test-import-after-nul", "Test After", "test-artist-nul", "Test Nul Artist")));
        assertEquals(2, report.getInt("created"), report.prettify());
        assertEquals(List.of(2), report.getList("rejected.line"));
        assertEquals("test-import-nul", report.getString("rejected[0].slug"));
        // Since issue 10 the NUL is refused when the line is read (common StrictJson), before the database.
        assertEquals("must not contain control characters, found U+0000",
                report.getString("rejected[0].errors[0].message"));
        given().get("/api/songs/test-import-before-nul").then().statusCode(200);
        given().get("/api/songs/test-import-after-nul").then().statusCode(200);
        given().get("/api/songs/test-import-nul").then().statusCode(404);
    }

    @Test
    void anImportChangesWhatAnEditWouldChange() {
        // Stored through POST (entities), then imported (set-based SQL): blanks, padding and repeated moods are
        // normalised alike, so the same song is unchanged.
        String song = """
                {"slug": "test-import-like-edit", "title": "  Test Like Edit ", "nativeTitle": " ", "year": 2030,
                 "moods": ["HOPE", "HOPE"], "single": "", "description": " Said once. ",
                 "artists": [{"slug": "test-artist-like-edit", "name": " Test Like Edit Artist ", "role": "PERFORMER"},
                             {"slug": "test-artist-like-edit", "name": "Test Like Edit Artist", "role": "COMPOSER"}],
                 "usages": [{"titleSlug": "test-only-import", "titleName": " ", "role": "THEME", "sequence": 2,
                             "episodes": " 1-3 ", "note": ""}]}""".replace("\n", " ");
        given().auth().oauth2(EDITOR).contentType("application/json").body(song).post("/api/songs")
                .then().statusCode(201);
        JsonPath report = importLines(List.of(song));
        assertEquals(1, report.getInt("unchanged"), report.prettify());
        given().get("/api/songs/test-import-like-edit").then().statusCode(200).header("ETag", equalTo("\"1\""));

        // A new artist: updated, version 2, the credits replaced, and search finds the song by the new name.
        report = importLines(List.of(song.replace("\"test-artist-like-edit\", \"name\": \"Test Like Edit Artist\"",
                "\"test-artist-like-edit-2\", \"name\": \"Test Zephyrine Quill\"")));
        assertEquals(1, report.getInt("updated"), report.prettify());
        given().get("/api/songs/test-import-like-edit").then().statusCode(200)
                .header("ETag", equalTo("\"2\""))
                .body("title", equalTo("Test Like Edit"))
                .body("nativeTitle", equalTo(null))
                .body("moods", contains("HOPE"))
                .body("artists.slug", contains("test-artist-like-edit", "test-artist-like-edit-2"))
                .body("artists.name", contains("Test Like Edit Artist", "Test Zephyrine Quill"))
                .body("usages[0].episodes", equalTo("1-3"))
                .body("usages[0].note", equalTo(null));
        given().queryParam("q", "zephyrine quill").get("/api/songs")
                .then().statusCode(200).body("items.slug", contains("test-import-like-edit"));
        given().queryParam("artist", "test-artist-like-edit-2").get("/api/songs")
                .then().statusCode(200).body("items.slug", contains("test-import-like-edit"));
    }

    @Test
    void aNewArtistNamedByAnEarlierLineNeedsNoNameLater() {
        JsonPath report = importLines(List.of(
                line("test-import-first-credit", "Test First", "test-artist-named-once", "Test Named Once"),
                line("test-import-second-credit", "Test Second", "test-artist-named-once", "")
                        .replace("\"name\": \"\", ", "")));
        assertEquals(2, report.getInt("created"), report.prettify());
        given().get("/api/songs/test-import-second-credit").then().statusCode(200)
                .body("artists[0].name", equalTo("Test Named Once"));
        // Without the earlier line, the same line is rejected.
        report = importLines(List.of(line("test-import-orphan-credit", "Test Orphan", "test-artist-never-named", "")
                .replace("\"name\": \"\", ", "")));
        assertEquals(List.of("artists[0].name"), report.getList("rejected[0].errors.field"), report.prettify());
        given().get("/api/songs/test-import-orphan-credit").then().statusCode(404);
    }
}
