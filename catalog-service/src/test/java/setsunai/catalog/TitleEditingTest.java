package setsunai.catalog;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import setsunai.testsupport.Tokens;

/** Editor-only writes: tokens and roles, create/replace/delete with preconditions, concurrent edits, NDJSON import. */
@QuarkusTest
class TitleEditingTest {

    private static RequestSpecification editor() {
        return given().auth().oauth2(Tokens.editor());
    }

    private static String title(String slug, String name, int tearjerker) {
        return """
                {"slug": "%s", "title": "%s", "nativeTitle": "Shiken", "alternativeTitles": ["試験"],
                 "format": "TV", "episodes": 12, "year": 2020, "season": "SPRING", "studios": ["Test Studio"],
                 "directors": ["A. Director"], "source": "ORIGINAL", "synopsis": "Written for a test.",
                 "tags": ["grief", "first-love"], "ending": "OPEN", "tearjerker": %d, "streaming": [],
                 "externalIds": {"mal": 1}}""".formatted(slug, name, tearjerker);
    }

    // ---- who may write ------------------------------------------------------------------------------------------

    @Test
    void writesNeedAValidEditorToken() {
        String body = title("zz-auth-check", "Auth Check", 5);
        given().contentType("application/json").body(body).post("/api/titles")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("detail", containsString("Authorization: Bearer"));
        for (String token : List.of(Tokens.expiredEditor(), Tokens.editorWithWrongSignature(), Tokens.editorFromOtherIssuer(),
                "not-a-jwt")) {
            given().auth().oauth2(token).contentType("application/json").body(body).post("/api/titles")
                    .then().statusCode(401).contentType("application/problem+json")
                    .body("detail", containsString("not valid"));
        }
        given().auth().oauth2(Tokens.reader()).contentType("application/json").body(body).post("/api/titles")
                .then().statusCode(403).contentType("application/problem+json").body("detail", containsString("editor"));
        given().auth().oauth2(Tokens.reader()).header("If-Match", "\"1\"").contentType("application/json").body(body)
                .put("/api/titles/nana").then().statusCode(403);
        given().delete("/api/titles/nana").then().statusCode(401).contentType("application/problem+json");
        given().contentType("application/x-ndjson").body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/api/titles/import").then().statusCode(401);
        // Reads stay public, even with a bad token.
        given().auth().oauth2(Tokens.expiredEditor()).get("/api/titles/nana").then().statusCode(200);
    }

    // ---- create, replace, delete --------------------------------------------------------------------------------

    @Test
    void createReplaceAndDeleteATitle() {
        String location = editor().contentType("application/json").body(title("zz-lifecycle", "Lifecycle", 5))
                .post("/api/titles")
                .then().statusCode(201)
                .header("Location", endsWith("/api/titles/zz-lifecycle"))
                .header("ETag", equalTo("\"0\""))
                .body("slug", equalTo("zz-lifecycle")).body("version", equalTo(0))
                .extract().header("Location");
        given().get(location).then().statusCode(200).body("title", equalTo("Lifecycle"));
        given().queryParam("q", "lifecycle").get("/api/titles").then().statusCode(200).body("items[0].slug", equalTo("zz-lifecycle"));

        editor().contentType("application/json").body(title("zz-lifecycle", "Lifecycle", 5)).post("/api/titles")
                .then().statusCode(409).contentType("application/problem+json").body("detail", containsString("PUT"));

        String updated = title("zz-lifecycle", "Lifecycle Renamed", 7);
        editor().contentType("application/json").body(updated).put("/api/titles/zz-lifecycle")
                .then().statusCode(428).contentType("application/problem+json").body("detail", containsString("If-Match"));
        editor().header("If-Match", "\"0\"").contentType("application/json").body(updated).put("/api/titles/zz-lifecycle")
                .then().statusCode(200).header("ETag", equalTo("\"1\""))
                .body("title", equalTo("Lifecycle Renamed")).body("tearjerker", equalTo(7)).body("version", equalTo(1));
        // The same ETag again is stale now.
        editor().header("If-Match", "\"0\"").contentType("application/json").body(title("zz-lifecycle", "Third", 7))
                .put("/api/titles/zz-lifecycle")
                .then().statusCode(412).contentType("application/problem+json").body("detail", containsString("GET it again"));
        // Slugs cannot be renamed.
        editor().header("If-Match", "\"1\"").contentType("application/json").body(title("zz-other", "X", 7))
                .put("/api/titles/zz-lifecycle")
                .then().statusCode(400).body("errors[0].field", equalTo("slug"));

        editor().header("If-Match", "\"0\"").delete("/api/titles/zz-lifecycle").then().statusCode(412);
        // If-Match compares strongly (RFC 9110): a weak tag of the current version matches nothing.
        editor().header("If-Match", "W/\"1\"").delete("/api/titles/zz-lifecycle").then().statusCode(412);
        given().get(location).then().statusCode(200);
        editor().delete("/api/titles/zz-lifecycle").then().statusCode(204);
        editor().delete("/api/titles/zz-lifecycle").then().statusCode(404).contentType("application/problem+json");
        given().get(location).then().statusCode(404);
        editor().header("If-Match", "\"0\"").contentType("application/json").body(updated).put("/api/titles/zz-lifecycle")
                .then().statusCode(404);
    }

    @Test
    void aWriteRefreshesTheRememberedSearchTotals() {
        editor().contentType("application/json").body(title("zz-totals-one", "Quillwort One", 5)).post("/api/titles")
                .then().statusCode(201);
        // size=1 and a full page: the total comes from a count, which is remembered
        given().get("/api/titles?q=quillwort&size=1").then().statusCode(200).body("totalItems", equalTo(1));
        editor().contentType("application/json").body(title("zz-totals-two", "Quillwort Two", 5)).post("/api/titles")
                .then().statusCode(201);
        given().get("/api/titles?q=quillwort&size=1").then().statusCode(200).body("totalItems", equalTo(2));
        editor().delete("/api/titles/zz-totals-two").then().statusCode(204);
        given().get("/api/titles?q=quillwort&size=1").then().statusCode(200).body("totalItems", equalTo(1));
        editor().delete("/api/titles/zz-totals-one").then().statusCode(204);
    }

    @Test
    void idVersionAndTimestampsCannotBeAssigned() {
        String body = title("zz-mass-assignment", "Mass Assignment", 5)
                .replace("{\"slug\"", "{\"id\": 1, \"version\": 99, \"createdAt\": \"2000-01-01T00:00:00Z\", \"slug\"");
        editor().contentType("application/json").body(body).post("/api/titles")
                .then().statusCode(201).body("version", equalTo(0)).body("id", nullValue());
        given().get("/api/titles/nana").then().statusCode(200).body("slug", equalTo("nana"));
        editor().delete("/api/titles/zz-mass-assignment").then().statusCode(204);
    }

    @Test
    void invalidBodiesAreProblemsNamingEachField() {
        editor().contentType("application/json").body("""
                {"slug": "Bad Slug", "title": " ", "format": "FILM", "tags": [], "ending": "TRAGIC", "tearjerker": 3}""")
                .post("/api/titles")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("format"))
                .body("errors[0].message", containsString("MOVIE, TV, OVA, ONA, SPECIAL"));
        editor().contentType("application/json").body("""
                {"slug": "Bad Slug", "title": " ", "format": "TV", "tags": [], "ending": "TRAGIC", "tearjerker": 11}""")
                .post("/api/titles")
                .then().statusCode(400)
                .body("errors.field", containsInAnyOrder("slug", "title", "tags", "tearjerker"));
        editor().contentType("application/json").body(title("zz-unknown-tag", "Unknown Tag", 5).replace("\"grief\"", "\"sadness\""))
                .post("/api/titles")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("tags[0]"))
                .body("errors[0].message", allOf(containsString("sadness"), containsString("terminal-illness")));
        editor().contentType("application/json").body(title("zz-bad-number", "X", 5).replace("\"episodes\": 12", "\"episodes\": \"twelve\""))
                .post("/api/titles")
                .then().statusCode(400).body("errors[0].field", equalTo("episodes")).body("errors[0].message", containsString("number"));
        editor().contentType("application/json").body("{\"slug\": \"broken\", ").post("/api/titles")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("body"))
                .body("errors[0].message", allOf(containsString("not valid JSON"), not(containsString("REDACTED"))));
        editor().contentType("application/json").post("/api/titles")
                .then().statusCode(400).contentType("application/problem+json");
        editor().contentType("text/plain").body("hello").post("/api/titles")
                .then().statusCode(415).contentType("application/problem+json");
        editor().contentType("application/json").body(title("zz-wrong-type", "X", 5)).post("/api/titles/import")
                .then().statusCode(415).contentType("application/problem+json");
    }

    @Test
    void oversizedBodiesAre413Problems() {
        String big = "{\"slug\":\"x\",\"title\":\"" + "a".repeat(3 * 1024 * 1024) + "\"}";
        editor().contentType("application/json").body(big).post("/api/titles")
                .then().statusCode(413).contentType("application/problem+json").body("status", equalTo(413));
    }

    // ---- concurrency --------------------------------------------------------------------------------------------

    @Test
    void twoConcurrentUpdatesWithTheSameETagLetExactlyOneWin() throws Exception {
        editor().contentType("application/json").body(title("zz-race", "Race", 5)).post("/api/titles").then().statusCode(201);
        String etag = given().get("/api/titles/zz-race").then().statusCode(200).extract().header("ETag");
        String token = Tokens.editor();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                String body = title("zz-race", "Race by writer " + i, 6 + i);
                Callable<Integer> update = () -> {
                    start.await();
                    return given().auth().oauth2(token).header("If-Match", etag).contentType("application/json").body(body)
                            .put("/api/titles/zz-race").then().extract().statusCode();
                };
                results.add(pool.submit(update));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : results) {
                statuses.add(result.get());
            }
            statuses.sort(Integer::compare);
            assertEquals(List.of(200, 412), statuses);
        } finally {
            pool.shutdownNow();
        }
        given().get("/api/titles/zz-race").then().statusCode(200).body("version", equalTo(1));
        editor().delete("/api/titles/zz-race").then().statusCode(204);
    }

    // ---- import -------------------------------------------------------------------------------------------------

    @Test
    void importKeepsGoodLinesAndReportsBadOnes() {
        editor().contentType("application/json").body(title("zz-import-existing", "Existing", 5)).post("/api/titles")
                .then().statusCode(201);
        String ndjson = String.join("\n",
                title("zz-import-new", "Imported New", 6).replace("\n", " "),
                "{\"slug\": \"zz-import-broken\", ",
                title("zz-import-existing", "Existing, Updated", 5).replace("\n", " "),
                "",
                title("zz-import-bad", "Bad", 11).replace("\n", " "),
                title("zz-import-tagless", "Tagless", 5).replace("\"grief\", \"first-love\"", "\"no-such-tag\"").replace("\n", " "),
                title("zz-import-new", "Imported New", 6).replace("\n", " "),
                "[1, 2]");
        editor().contentType("application/x-ndjson").body(ndjson.getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/api/titles/import")
                .then().statusCode(200)
                .contentType("application/json")
                .body("created", equalTo(1))
                .body("updated", equalTo(1))
                .body("unchanged", equalTo(1))
                .body("rejected.line", contains(2, 5, 6, 8))
                .body("rejected.find { it.line == 5 }.slug", equalTo("zz-import-bad"))
                .body("rejected.find { it.line == 5 }.errors[0].field", equalTo("tearjerker"))
                .body("rejected.find { it.line == 6 }.errors[0].message", containsString("no-such-tag"));
        given().get("/api/titles/zz-import-new").then().statusCode(200).body("title", equalTo("Imported New"));
        given().get("/api/titles/zz-import-existing").then().statusCode(200)
                .body("title", equalTo("Existing, Updated")).body("version", equalTo(1));
        given().get("/api/titles/zz-import-bad").then().statusCode(404);
        given().queryParam("slug", "zz-import-new", "zz-import-existing").get("/api/titles")
                .then().body("items.slug", not(hasItem("zz-import-tagless")));
        editor().delete("/api/titles/zz-import-new").then().statusCode(204);
        editor().delete("/api/titles/zz-import-existing").then().statusCode(204);
    }
}
