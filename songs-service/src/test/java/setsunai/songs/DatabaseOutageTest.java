package setsunai.songs;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import setsunai.testsupport.DatabaseOutage;
import setsunai.testsupport.Tokens;

/**
 * While PostgreSQL refuses the service (as when it restarts), every database path answers 503 problem+json with
 * Retry-After, readiness is down, and the service recovers on its own once the database takes connections again
 * ({@link DatabaseOutage}: made on the shared test server without stopping it).
 */
@QuarkusTest
class DatabaseOutageTest {

    private static final String ROLE = "songs";

    private static final String SONG = """
            {"slug": "test-outage", "title": "Test Outage", "year": 2030, "moods": ["HOPE"],
             "artists": [{"slug": "test-outage-artist", "name": "Test Outage Artist", "role": "PERFORMER"}],
             "usages": [{"titleSlug": "test-only-outage", "role": "THEME"}]}""";

    @AfterEach
    void reopen() throws SQLException {
        if (DatabaseOutage.possible()) {
            DatabaseOutage.end(ROLE); // never leave the database closed for other tests
        }
    }

    @Test
    void databasePathsAnswer503WithRetryAfterWhileTheDatabaseIsDownAndRecoverAlone() throws SQLException {
        assumeTrue(DatabaseOutage.possible(), "needs the test's own PostgreSQL, as its superuser");
        String slug = given().get("/api/songs?size=1").then().statusCode(200).extract().path("items[0].slug");
        DatabaseOutage.begin(ROLE);
        try {
            unavailable(given().get("/api/songs/" + slug));
            unavailable(given().get("/api/songs?q=love"));
            unavailable(given().get("/api/artists"));
            unavailable(given().auth().oauth2(Tokens.editor()).contentType("application/json").body(SONG)
                    .post("/api/songs"));
            unavailable(given().auth().oauth2(Tokens.editor()).header("If-Match", "\"1\"")
                    .contentType("application/json").body(SONG).put("/api/songs/test-outage"));
            unavailable(given().auth().oauth2(Tokens.editor()).contentType("application/x-ndjson")
                    .body(SONG.replace("\n", " ").getBytes(StandardCharsets.UTF_8)).post("/api/songs/import"));
            given().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));
        } finally {
            reopen();
        }
        // Back without a restart of the service, from the very first request.
        given().get("/api/songs/" + slug).then().statusCode(200).body("slug", equalTo(slug));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().auth().oauth2(Tokens.editor()).contentType("application/json").body(SONG).post("/api/songs")
                .then().statusCode(201);
        given().auth().oauth2(Tokens.editor()).delete("/api/songs/test-outage").then().statusCode(204);
    }

    private static void unavailable(Response response) {
        response.then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", equalTo("5"))
                .body("status", equalTo(503))
                .body("detail", containsString("retry in a few seconds"))
                .body(plainWords());
    }

    /** Nothing technical in the body: no SQL or server message, class, package or schema name. */
    static Matcher<String> plainWords() {
        return allOf(not(containsString("ERROR")), not(containsString("SQL")), not(containsString("Exception")),
                not(containsString("org.")), not(containsString("java.")), not(containsString("songs.")),
                not(containsString("connections for role")), not(containsString("constraint")));
    }
}
