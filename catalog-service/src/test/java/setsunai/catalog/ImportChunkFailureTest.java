package setsunai.catalog;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import setsunai.testsupport.Tokens;

/**
 * A chunk of the import that the database refuses is written again line by line: the good lines around the one
 * that fails are stored, and only that line is reported (without the database's own words). The failure is a real
 * one, raised by PostgreSQL from a trigger this test installs for one slug.
 */
@QuarkusTest
class ImportChunkFailureTest {

    @Inject
    DataSource dataSource;

    private static String line(String slug) {
        return ("{\"slug\": \"%s\", \"title\": \"Chunk %s\", \"format\": \"TV\", \"episodes\": 12, \"year\": 2020,"
                + " \"season\": \"SPRING\", \"studios\": [\"Test Studio\"], \"directors\": [\"A. Director\"],"
                + " \"source\": \"ORIGINAL\", \"synopsis\": \"Written for a test.\", \"tags\": [\"grief\"],"
                + " \"ending\": \"OPEN\", \"tearjerker\": 5, \"streaming\": [], \"externalIds\": {}}")
                .formatted(slug, slug);
    }

    @Test
    void aRefusedLineLosesNothingAroundIt() throws SQLException {
        execute("""
                CREATE FUNCTION refuse_poison() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.slug = 'zz-chunk-poison' THEN RAISE EXCEPTION 'poisoned row for a test'; END IF;
                    RETURN NEW;
                END $$""");
        execute("CREATE TRIGGER refuse_poison BEFORE INSERT OR UPDATE ON title FOR EACH ROW EXECUTE FUNCTION refuse_poison()");
        try {
            String ndjson = String.join("\n", line("zz-chunk-before"), line("zz-chunk-poison"), line("zz-chunk-after"));
            given().auth().oauth2(Tokens.editor()).contentType("application/x-ndjson")
                    .body(ndjson.getBytes(StandardCharsets.UTF_8)).post("/api/titles/import")
                    .then().statusCode(200)
                    .body("created", equalTo(2))
                    .body("rejected.line", contains(2))
                    .body("rejected[0].slug", equalTo("zz-chunk-poison"))
                    .body("rejected[0].errors[0].message", containsString("retry the line"))
                    .body("rejected[0].errors[0].message", not(containsString("poisoned")));
        } finally {
            execute("DROP TRIGGER refuse_poison ON title");
            execute("DROP FUNCTION refuse_poison()");
        }
        given().get("/api/titles/zz-chunk-before").then().statusCode(200);
        given().get("/api/titles/zz-chunk-after").then().statusCode(200);
        given().get("/api/titles/zz-chunk-poison").then().statusCode(404);
        given().auth().oauth2(Tokens.editor()).delete("/api/titles/zz-chunk-before").then().statusCode(204);
        given().auth().oauth2(Tokens.editor()).delete("/api/titles/zz-chunk-after").then().statusCode(204);
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.createStatement().execute(sql);
        }
    }
}
