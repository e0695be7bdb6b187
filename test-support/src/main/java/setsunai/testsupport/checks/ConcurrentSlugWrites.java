package setsunai.testsupport.checks;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.in;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import setsunai.testsupport.Concurrently;
import setsunai.testsupport.PlainWords;
import setsunai.testsupport.Tokens;

/**
 * Concurrent writes of one slug, the same in every data service: imports take turns and all succeed; duplicate
 * creates are one 201 and clean 409s. A service's test extends this with {@code @QuarkusTest}.
 */
public abstract class ConcurrentSlugWrites {

    private static final String EDITOR = Tokens.editor();

    protected abstract EditableCollection collection();

    @Test
    void parallelImportsOfOneNewSlugStoreEveryLine() throws Exception {
        EditableCollection collection = collection();
        for (int round = 0; round < 8; round++) {
            String slug = "test-parallel-import-" + round;
            List<String> names = List.of("Test Parallel A " + round, "Test Parallel B " + round);
            int created = 0;
            int updated = 0;
            for (Response report : importEach(collection, slug, names)) {
                report.then().statusCode(200).body(PlainWords.only());
                JsonPath json = report.jsonPath();
                assertEquals(List.of(), json.getList("rejected"), report.asString());
                created += json.getInt("created");
                updated += json.getInt("updated");
            }
            assertEquals(1, created, "one import creates it");
            assertEquals(1, updated, "the other then updates it");
            // Both see it now: each replaces it in turn.
            List<String> again = List.of(names.get(0) + " again", names.get(1) + " again");
            for (Response report : importEach(collection, slug, again)) {
                report.then().statusCode(200).body("updated", equalTo(1)).body(PlainWords.only());
            }
            String stored = given().get(collection.path() + "/" + slug).then().statusCode(200).extract().path("title");
            assertThat(stored, in(again));
            given().auth().oauth2(EDITOR).delete(collection.path() + "/" + slug).then().statusCode(204);
        }
    }

    @Test
    void concurrentPostsOfOneSlugGiveOne201AndCleanConflicts() throws Exception {
        EditableCollection collection = collection();
        for (int round = 0; round < 3; round++) {
            String slug = "test-parallel-post-" + round;
            List<Callable<Response>> posts = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String body = collection.body(slug, "Test Parallel Post " + i);
                posts.add(() -> given().auth().oauth2(EDITOR).contentType("application/json").body(body)
                        .post(collection.path()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Response response : Concurrently.call(posts)) {
                statuses.add(response.statusCode());
                if (response.statusCode() == 409) {
                    response.then().contentType("application/problem+json")
                            .body("detail", containsString("already exists"))
                            .body(PlainWords.only());
                }
            }
            statuses.sort(Integer::compare);
            assertEquals(List.of(201, 409, 409, 409, 409, 409), statuses);
            given().auth().oauth2(EDITOR).delete(collection.path() + "/" + slug).then().statusCode(204);
        }
    }

    private static List<Response> importEach(EditableCollection collection, String slug, List<String> names)
            throws Exception {
        return Concurrently.call(names.stream().<Callable<Response>>map(name -> () ->
                given().auth().oauth2(EDITOR).contentType("application/x-ndjson")
                        .body(collection.body(slug, name).getBytes(StandardCharsets.UTF_8))
                        .post(collection.path() + "/import")).toList());
    }
}
