package setsunai.catalog.store;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import setsunai.catalog.store.SimilarTitles.SimilarPage;
import setsunai.catalog.store.SimilarTitles.SimilarRow;
import setsunai.testsupport.Tokens;

/**
 * A write of one title changes the similar titles of others (it joins or leaves their candidates, and every tag
 * count moves the weights). Similar titles read a copy of title_facet kept in memory (TitleFacets); these tests warm
 * that copy first, then write through each path (POST, PUT, NDJSON import, plain SQL, DELETE) and hold the answers
 * of other titles, through HTTP and the store, to the plain definition (the query of SimilarTitlesTest: every
 * candidate scored in full, then sorted).
 */
@QuarkusTest
class SimilarAfterWritesTest {

    /** Titles whose answers the probe's writes change: it shares (or stops sharing) their rare themes. */
    private static final List<String> OTHERS = List.of("your-name", "orange", "steins-gate", "nana");

    private static final String PROBE = "zz-neighbour-probe";

    @Inject
    SimilarTitles queries;

    @Inject
    DataSource dataSource;

    @Test
    void aWriteOfOneTitleChangesTheAnswersOfOthersExactly() throws SQLException {
        String token = Tokens.editor();
        String body = """
                {"slug": "%s", "title": "Neighbour Probe", "format": "%s", "tags": %s, "ending": "%s", "tearjerker": 6}""";
        assertOthersExact(false); // also loads the in-memory copy, so that what follows reads only changes

        // The same themes, ending and format as "your-name": it becomes that title's most similar one.
        given().auth().oauth2(token).contentType("application/json")
                .body(body.formatted(PROBE, "MOVIE", "[\"body-swap\", \"time-travel\", \"disaster\", \"memory-loss\", "
                        + "\"long-distance\", \"first-love\"]", "HOPEFUL")).post("/api/titles")
                .then().statusCode(201);
        assertOthersExact(true);
        assertEquals(PROBE, httpSimilar("your-name").getString("items[0].slug"), "the twin is the most similar");

        // Replaced by themes none of them has: it leaves every one of their answers.
        given().auth().oauth2(token).contentType("application/json").header("If-Match", "\"0\"")
                .body(body.formatted(PROBE, "OVA", "[\"androids\"]", "OPEN")).put("/api/titles/" + PROBE)
                .then().statusCode(200);
        assertOthersExact(false);
        assertFalse(slugs(httpSimilar("your-name")).contains(PROBE));

        // Back in through the import, then out again through plain SQL (as another instance or a script writes).
        given().auth().oauth2(token).contentType("application/x-ndjson")
                .body((body.formatted(PROBE, "TV", "[\"letters\", \"time-travel\", \"grief\", \"first-love\"]", "HOPEFUL")
                        .replace("\n", "") + "\n").getBytes(StandardCharsets.UTF_8))
                .post("/api/titles/import").then().statusCode(200);
        assertOthersExact(true);
        execute("UPDATE title SET tags = '{androids}' WHERE slug = '" + PROBE + "'");
        assertOthersExact(false);
        execute("UPDATE title SET tags = '{body-swap}' WHERE slug = '" + PROBE + "'");
        assertOthersExact(true);

        long before = httpSimilar("your-name").getLong("totalItems");
        given().auth().oauth2(token).delete("/api/titles/" + PROBE).then().statusCode(204);
        assertOthersExact(false);
        assertEquals(before - 1, httpSimilar("your-name").getLong("totalItems"), "the deleted title is no candidate");
    }

    /**
     * Each other title's first pages, from the store (small and default samples) and over HTTP, as the oracle's;
     * the probe is a candidate of "your-name" when it shares a theme, else of none of them.
     */
    private void assertOthersExact(boolean probeShares) throws SQLException {
        for (String slug : OTHERS) {
            long id = id(slug);
            List<SimilarRow> all = SimilarTitlesTest.everyCandidate(dataSource, id);
            for (int sample : new int[] {6, 2000}) {
                for (int[] page : new int[][] {{10, 0}, {5, 5}, {100, 0}}) {
                    SimilarPage got = queries.similar(id, page[0], page[1], sample);
                    assertEquals(all.subList(Math.min(page[1], all.size()), Math.min(page[1] + page[0], all.size())),
                            got.rows(), slug + ", sample " + sample + ", page " + Arrays.toString(page));
                    assertEquals(all.size(), got.total(), "total of " + slug);
                }
            }
            JsonPath http = httpSimilar(slug);
            List<SimilarRow> first = all.subList(0, Math.min(100, all.size()));
            assertEquals(first.stream().map(SimilarRow::similarity).toList(),
                    http.getList("items.similarity", Double.class), "HTTP scores of " + slug);
            assertEquals(all.size(), http.getLong("totalItems"), "HTTP total of " + slug);
            long probe = idOrZero(PROBE);
            boolean candidate = all.stream().anyMatch(row -> row.id() == probe);
            if (!probeShares || slug.equals("your-name")) {
                assertEquals(probeShares, candidate, "the probe as a candidate of " + slug);
            }
        }
    }

    private static JsonPath httpSimilar(String slug) {
        return given().get("/api/titles/" + slug + "/similar?size=100").then().statusCode(200).extract().jsonPath();
    }

    private static List<String> slugs(JsonPath page) {
        return page.getList("items.slug", String.class);
    }

    private long id(String slug) throws SQLException {
        long id = idOrZero(slug);
        assertTrue(id > 0, slug + " is in the dataset");
        return id;
    }

    private long idOrZero(String slug) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("SELECT id FROM title WHERE slug = ?")) {
            statement.setString(1, slug);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? row.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.createStatement().execute(sql);
        }
    }
}
