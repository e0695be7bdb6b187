package setsunai.testsupport.checks;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import setsunai.testsupport.DatabaseOutage;
import setsunai.testsupport.PlainWords;
import setsunai.testsupport.Tokens;

/**
 * While PostgreSQL refuses the service (as when it restarts), every database path answers 503 problem+json with
 * Retry-After, readiness is down, and the service recovers on its own once the database takes connections again
 * ({@link DatabaseOutage}: made on the shared test server without stopping it). A data service's test extends this.
 */
public abstract class DatabaseOutageChecks {

    /** The service's database role, whose connections the outage refuses. */
    protected abstract String role();

    protected abstract EditableCollection collection();

    /** Read paths besides the collection's own search and detail (vocabularies, other collections). */
    protected abstract List<String> otherReadPaths();

    @AfterEach
    void reopen() throws SQLException {
        if (DatabaseOutage.possible()) {
            DatabaseOutage.end(role()); // never leave the database closed for other tests
        }
    }

    @Test
    void databasePathsAnswer503WithRetryAfterWhileTheDatabaseIsDownAndRecoverAlone() throws SQLException {
        assumeTrue(DatabaseOutage.possible(), "needs the test's own PostgreSQL, as its superuser");
        EditableCollection collection = collection();
        String existing = collection.path() + "/" + collection.existingSlug();
        String slug = "test-outage";
        String body = collection.body(slug, "Test Outage");
        given().get(existing).then().statusCode(200); // the pool holds open connections now
        DatabaseOutage.begin(role());
        try {
            unavailable(given().get(existing));
            unavailable(given().get(collection.path() + "?q=love"));
            otherReadPaths().forEach(path -> unavailable(given().get(path)));
            unavailable(given().auth().oauth2(Tokens.editor()).contentType("application/json").body(body)
                    .post(collection.path()));
            unavailable(given().auth().oauth2(Tokens.editor()).header("If-Match", "\"1\"")
                    .contentType("application/json").body(body).put(collection.path() + "/" + slug));
            unavailable(given().auth().oauth2(Tokens.editor()).contentType("application/x-ndjson")
                    .body(body.replace("\n", " ").getBytes(StandardCharsets.UTF_8)).post(collection.path() + "/import"));
            given().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));
        } finally {
            reopen();
        }
        // Back without a restart of the service, from the very first request.
        given().get(existing).then().statusCode(200).body("slug", equalTo(collection.existingSlug()));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().auth().oauth2(Tokens.editor()).contentType("application/json").body(body).post(collection.path())
                .then().statusCode(201);
        given().auth().oauth2(Tokens.editor()).delete(collection.path() + "/" + slug).then().statusCode(204);
    }

    private static void unavailable(Response response) {
        response.then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", equalTo("5"))
                .body("status", equalTo(503))
                .body("detail", containsString("retry in a few seconds"))
                .body(PlainWords.only());
    }
}
