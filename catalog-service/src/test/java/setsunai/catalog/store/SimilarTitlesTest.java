package setsunai.catalog.store;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
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
 * Similar titles skip most candidates without scoring them; these tests hold that to the plain definition (score
 * every title sharing a tag, then sort), for every title and several pages, and check that the derived tables
 * (tag_stat, title_facet) follow every kind of write.
 */
@QuarkusTest
class SimilarTitlesTest {

    /** The definition, as a straightforward query: every candidate scored in full (what the service ran before V4). */
    private static final String EVERY_CANDIDATE = """
            WITH src AS (SELECT id, tags, ending, format FROM title WHERE id = ?),
                 n AS (SELECT CASE WHEN c.reltuples > 1000 THEN c.reltuples::float8
                                   ELSE (SELECT count(*) FROM title)::float8 END AS n
                       FROM pg_class c WHERE c.oid = 'title'::regclass),
                 candidates AS MATERIALIZED (
                     SELECT t.id, t.title, t.slug, t.tags,
                            (t.ending = src.ending)::int AS same_ending, (t.format = src.format)::int AS same_format
                     FROM title t, src
                     WHERE t.tags && src.tags AND t.id <> src.id),
                 weights AS MATERIALIZED (
                     SELECT tag, ln(1 + n.n / (1 + coalesce(f.titles, 0))) AS w
                     FROM src CROSS JOIN n CROSS JOIN unnest(src.tags) AS tag
                     LEFT JOIN (SELECT ct AS tag, count(*) AS titles FROM candidates c, unnest(c.tags) AS ct
                                WHERE ct = ANY ((SELECT tags FROM src)::text[]) GROUP BY ct) AS f USING (tag)),
                 total AS (SELECT greatest(sum(w), 1e-9) AS w FROM weights)
            SELECT c.id, round((0.8 * (0.5 * s.weight / total.w
                                       + 0.5 * cardinality(s.shared)::float8
                                             / (cardinality(c.tags) + cardinality(src.tags) - cardinality(s.shared)))
                                + 0.15 * c.same_ending + 0.05 * c.same_format)::numeric, 3) AS similarity, s.shared
            FROM candidates c
            CROSS JOIN src
            CROSS JOIN total
            CROSS JOIN LATERAL (SELECT array_agg(w.tag ORDER BY w.tag) AS shared, sum(w.w) AS weight
                                FROM weights w WHERE w.tag = ANY (c.tags)) AS s
            ORDER BY similarity DESC, lower(c.title), c.slug
            """;

    @Inject
    SimilarTitles queries;

    @Inject
    DataSource dataSource;

    @Test
    void everyPageEqualsScoringEveryCandidate() throws SQLException {
        List<Long> ids = longs("SELECT id FROM title ORDER BY id");
        assertTrue(ids.size() >= 56, "the curated dataset is loaded");
        for (long id : ids) {
            List<SimilarRow> all = everyCandidate(dataSource, id);
            // Samples of 6 and 12 titles give weak first floors (the bounds then do the pruning); 2000 is the default.
            for (int sample : new int[] {6, 12, 2000}) {
                for (int[] page : new int[][] {{6, 0}, {10, 0}, {10, 10}, {3, 7}, {100, 0}, {5, 1000}}) {
                    SimilarPage got = queries.similar(id, page[0], page[1], sample);
                    List<SimilarRow> expected = all.subList(Math.min(page[1], all.size()),
                            Math.min(page[1] + page[0], all.size()));
                    assertEquals(expected, got.rows(), "title " + id + ", sample " + sample + ", page " + Arrays.toString(page));
                    assertEquals(all.size(), got.total(), "total of title " + id);
                }
            }
        }
    }

    @Test
    void derivedTablesFollowEveryWrite() throws SQLException {
        String token = Tokens.editor();
        String body = """
                {"slug": "zz-similar-probe", "title": "Similar Probe", "format": "MOVIE", "tags": %s,
                 "ending": "%s", "tearjerker": 6}""";
        given().auth().oauth2(token).contentType("application/json")
                .body(body.formatted("[\"body-swap\", \"grief\"]", "TRAGIC")).post("/api/titles")
                .then().statusCode(201);
        assertConsistent("zz-similar-probe");
        given().auth().oauth2(token).contentType("application/json").header("If-Match", "\"0\"")
                .body(body.formatted("[\"ghosts\", \"grief\", \"time-travel\", \"letters\"]", "HOPEFUL"))
                .put("/api/titles/zz-similar-probe").then().statusCode(200);
        assertConsistent("zz-similar-probe");
        given().auth().oauth2(token).contentType("application/x-ndjson")
                .body((body.formatted("[\"ghosts\", \"music\"]", "OPEN").replace("\n", "") + "\n").getBytes(StandardCharsets.UTF_8))
                .post("/api/titles/import").then().statusCode(200);
        assertConsistent("zz-similar-probe");
        // A tag no title had yet (written past the API's vocabulary check) gets a bit of its own.
        execute("UPDATE title SET tags = tags || '{zz-unlisted-tag}' WHERE slug = 'zz-similar-probe'");
        assertConsistent("zz-similar-probe");
        given().auth().oauth2(token).delete("/api/titles/zz-similar-probe").then().statusCode(204);
        assertConsistent("nana");
        assertEquals(List.of(0L), longs("SELECT count(*) FROM title_facet f LEFT JOIN title t ON t.id = f.title_id "
                + "WHERE t.id IS NULL"));
    }

    /** tag_stat counts what title holds, every title has its facet row, and the similar titles are still exact. */
    private void assertConsistent(String slug) throws SQLException {
        assertEquals(List.of(0L), longs("""
                SELECT count(*) FROM (SELECT tag, count(*) AS titles FROM title, unnest(tags) AS tag GROUP BY tag) AS c
                FULL JOIN (SELECT tag, titles FROM tag_stat WHERE titles > 0) AS s USING (tag)
                WHERE c.titles IS DISTINCT FROM s.titles"""), "tag_stat counts");
        assertEquals(List.of(0L), longs("""
                SELECT count(*) FROM title t LEFT JOIN title_facet f ON f.title_id = t.id
                WHERE f.title_id IS NULL OR f.tag_count <> cardinality(t.tags) OR f.ending <> t.ending
                   OR f.format <> t.format
                   OR f.tag_mask <> (SELECT coalesce(bit_or(1::bigint << s.bit), 0) FROM tag_stat s
                                     WHERE s.tag = ANY (t.tags))"""), "title_facet rows");
        long id = longs("SELECT id FROM title WHERE slug = '" + slug + "'").get(0);
        List<SimilarRow> all = everyCandidate(dataSource, id);
        SimilarPage got = queries.similar(id, 10, 0, 6);
        assertEquals(all.subList(0, Math.min(10, all.size())), got.rows());
        assertEquals(all.size(), got.total());
    }

    /** The oracle's answer for one title: every candidate scored in full, best first (also SimilarAfterWritesTest's). */
    static List<SimilarRow> everyCandidate(DataSource dataSource, long id) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(EVERY_CANDIDATE)) {
            statement.setLong(1, id);
            List<SimilarRow> rows = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    rows.add(new SimilarRow(row.getLong(1), row.getDouble(2),
                            Arrays.asList((String[]) row.getArray(3).getArray())));
                }
            }
            return rows;
        }
    }

    private List<Long> longs(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             ResultSet rows = connection.createStatement().executeQuery(sql)) {
            List<Long> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getLong(1));
            }
            return values;
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.createStatement().execute(sql);
        }
    }
}
