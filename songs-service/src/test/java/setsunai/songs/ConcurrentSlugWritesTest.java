package setsunai.songs;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.in;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import setsunai.testsupport.Concurrently;
import setsunai.testsupport.Tokens;

/**
 * Concurrent writes of one slug: upserts take turns and all succeed; duplicate creates are clean 409s. Test data as
 * in SongEditingTest (mood HOPE, role THEME, test-only title slugs, year 2030).
 */
@QuarkusTest
class ConcurrentSlugWritesTest {

    private static final String EDITOR = Tokens.editor();

    private static String song(String slug, String title) {
        return ("{\"slug\": \"%s\", \"title\": \"%s\", \"year\": 2030, \"moods\": [\"HOPE\"],"
                + " \"artists\": [{\"slug\": \"test-parallel-artist\", \"name\": \"Test Parallel Artist\","
                + " \"role\": \"PERFORMER\"}], \"usages\": [{\"titleSlug\": \"test-only-parallel\", \"role\": \"THEME\"}]}")
                .formatted(slug, title);
    }

    @Test
    void parallelImportsOfOneNewSlugStoreEveryLine() throws Exception {
        for (int round = 0; round < 8; round++) {
            String slug = "test-parallel-import-" + round;
            List<String> names = List.of("Test Parallel A " + round, "Test Parallel B " + round);
            List<Response> reports = Concurrently.call(names.stream().<Callable<Response>>map(name -> () ->
                    given().auth().oauth2(EDITOR).contentType("application/x-ndjson")
                            .body(song(slug, name).getBytes(StandardCharsets.UTF_8)).post("/api/songs/import"))
                    .toList());
            int created = 0;
            int updated = 0;
            for (Response report : reports) {
                report.then().statusCode(200).body(DatabaseOutageTest.plainWords());
                JsonPath json = report.jsonPath();
                assertEquals(List.of(), json.getList("rejected"), report.asString());
                created += json.getInt("created");
                updated += json.getInt("updated");
            }
            assertEquals(1, created, "one import creates the song");
            assertEquals(1, updated, "the other then updates it");
            // Both see it now: each replaces it in turn.
            List<String> again = List.of(names.get(0) + " again", names.get(1) + " again");
            for (Response report : Concurrently.call(again.stream().<Callable<Response>>map(name -> () ->
                    given().auth().oauth2(EDITOR).contentType("application/x-ndjson")
                            .body(song(slug, name).getBytes(StandardCharsets.UTF_8)).post("/api/songs/import"))
                    .toList())) {
                report.then().statusCode(200).body("updated", equalTo(1)).body(DatabaseOutageTest.plainWords());
            }
            String stored = given().get("/api/songs/" + slug).then().statusCode(200).extract().path("title");
            assertThat(stored, in(again));
            given().auth().oauth2(EDITOR).delete("/api/songs/" + slug).then().statusCode(204);
        }
    }

    @Test
    void concurrentPostsOfOneSlugGiveOne201AndCleanConflicts() throws Exception {
        for (int round = 0; round < 3; round++) {
            String slug = "test-parallel-post-" + round;
            List<Callable<Response>> posts = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String body = song(slug, "Test Parallel Post " + i);
                posts.add(() -> given().auth().oauth2(EDITOR).contentType("application/json").body(body)
                        .post("/api/songs"));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Response response : Concurrently.call(posts)) {
                statuses.add(response.statusCode());
                if (response.statusCode() == 409) {
                    response.then().contentType("application/problem+json")
                            .body("detail", containsString("exists already"))
                            .body(DatabaseOutageTest.plainWords());
                }
            }
            statuses.sort(Integer::compare);
            assertEquals(List.of(201, 409, 409, 409, 409, 409), statuses);
            given().auth().oauth2(EDITOR).delete("/api/songs/" + slug).then().statusCode(204);
        }
    }
}
