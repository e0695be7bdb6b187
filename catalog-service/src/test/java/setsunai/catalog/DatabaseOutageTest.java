package setsunai.catalog;

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

    private static final String ROLE = "catalog";

    private static final String TITLE = """
            {"slug": "zz-outage", "title": "Outage", "format": "TV", "episodes": 12, "year": 2020,
             "studios": ["Test Studio"], "tags": ["grief"], "ending": "OPEN", "tearjerker": 5}""";

    @AfterEach
    void reopen() throws SQLException {
        if (DatabaseOutage.possible()) {
            DatabaseOutage.end(ROLE); // never leave the database closed for other tests
        }
    }

    @Test
    void databasePathsAnswer503WithRetryAfterWhileTheDatabaseIsDownAndRecoverAlone() throws SQLException {
        assumeTrue(DatabaseOutage.possible(), "needs the test's own PostgreSQL, as its superuser");
        given().get("/api/titles/nana").then().statusCode(200); // the pool holds open connections now
        DatabaseOutage.begin(ROLE);
        try {
            unavailable(given().get("/api/titles/nana"));
            unavailable(given().get("/api/titles?q=love"));
            unavailable(given().get("/api/tags"));
            unavailable(given().get("/api/studios"));
            unavailable(given().auth().oauth2(Tokens.editor()).contentType("application/json").body(TITLE)
                    .post("/api/titles"));
            unavailable(given().auth().oauth2(Tokens.editor()).header("If-Match", "\"0\"")
                    .contentType("application/json").body(TITLE).put("/api/titles/zz-outage"));
            unavailable(given().auth().oauth2(Tokens.editor()).contentType("application/x-ndjson")
                    .body(TITLE.replace("\n", " ").getBytes(StandardCharsets.UTF_8)).post("/api/titles/import"));
            given().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));
        } finally {
            reopen();
        }
        // Back without a restart of the service, from the very first request.
        given().get("/api/titles/nana").then().statusCode(200).body("slug", equalTo("nana"));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().auth().oauth2(Tokens.editor()).contentType("application/json").body(TITLE).post("/api/titles")
                .then().statusCode(201);
        given().auth().oauth2(Tokens.editor()).delete("/api/titles/zz-outage").then().statusCode(204);
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
                not(containsString("org.")), not(containsString("java.")), not(containsString("catalog.")),
                not(containsString("connections for role")), not(containsString("constraint")));
    }
}
