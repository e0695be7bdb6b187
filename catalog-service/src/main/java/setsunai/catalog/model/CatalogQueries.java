package setsunai.catalog.model;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import setsunai.common.sql.SqlQuery;

/**
 * The catalogue's native SQL: full-text and fuzzy search, similarity, and the vocabulary with counts.
 * PostgreSQL does the filtering, ranking, counting and paging; only one page of ids comes back.
 */
@ApplicationScoped
public class CatalogQueries {

    /** A page of ids in order, and how many rows matched in all. */
    public record IdPage(List<Long> ids, long total) {
    }

    public record SimilarRow(long id, double similarity, List<String> sharedTags) {
    }

    public record SimilarPage(List<SimilarRow> rows, long total) {
    }

    public record Count(String name, String description, long titles) {
    }

    public record CountPage(List<Count> rows, long total) {
    }

    // Relevance: weighted full-text rank, plus how closely the query matches one of the names (trigrams),
    // plus a bonus when it is exactly the English title.
    private static final String RELEVANCE = """
            (ts_rank(t.search_vector, websearch_to_tsquery('english', search_key(?)))
             + extensions.word_similarity(search_key(?), t.search_titles)
             + CASE WHEN search_key(t.title) = search_key(?) THEN 1 ELSE 0 END)""";

    @Inject
    DataSource dataSource;

    public IdPage search(TitleCriteria criteria, int limit, long offset) {
        boolean byRelevance = criteria.q() != null && criteria.sort() == TitleSort.RELEVANCE;
        SqlQuery query = new SqlQuery();
        if (criteria.q() != null) {
            // Matches first, through the GIN indexes; only they are ranked. Without the fence the planner
            // misjudges the trigram condition and ranks the whole table in a sequential scan (see README).
            query.append("WITH matches AS MATERIALIZED (SELECT t.id, t.search_vector, t.search_titles, t.title, t.slug, "
                    + "t.year, t.tearjerker FROM title t");
            where(query, criteria);
            query.append(") SELECT t.id FROM matches t");
        } else {
            query.append("SELECT t.id FROM title t");
            where(query, criteria);
        }
        query.append(" ORDER BY ");
        String direction = criteria.descending() ? " DESC" : " ASC";
        if (byRelevance) {
            // Best match first unless reversed with -relevance.
            query.append(RELEVANCE + (criteria.descending() ? " ASC" : " DESC") + ", ", criteria.q(), criteria.q(), criteria.q());
        } else if (criteria.sort() == TitleSort.YEAR) {
            query.append("t.year" + direction + " NULLS LAST, ");
        } else if (criteria.sort() == TitleSort.TEARJERKER) {
            query.append("t.tearjerker" + direction + ", ");
        }
        String titleDirection = criteria.sort() == TitleSort.TITLE || criteria.sort() == TitleSort.RELEVANCE && !byRelevance
                ? direction : " ASC";
        query.append("lower(t.title)" + titleDirection + ", t.slug" + titleDirection);
        query.append(" LIMIT ? OFFSET ?", limit, offset);

        // The total is a separate count: a count(*) OVER () would force reading every match even when an index
        // could stop after one page.
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = query.prepare(connection);
             ResultSet rows = statement.executeQuery()) {
            List<Long> ids = new ArrayList<>();
            while (rows.next()) {
                ids.add(rows.getLong(1));
            }
            long total = offset == 0 && ids.size() < limit ? ids.size() : count(connection, criteria);
            return new IdPage(ids, total);
        } catch (SQLException e) {
            throw new IllegalStateException("Title search failed: " + e.getMessage(), e);
        }
    }

    private long count(Connection connection, TitleCriteria criteria) throws SQLException {
        SqlQuery query = new SqlQuery().append("SELECT count(*) FROM title t");
        where(query, criteria);
        try (PreparedStatement statement = query.prepare(connection); ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static void where(SqlQuery query, TitleCriteria c) {
        query.append(" WHERE TRUE");
        if (c.q() != null) {
            // Either the words match (stemmed, accent-free; GIN on search_vector) or the query is close to one of
            // the names despite typos (word similarity above pg_trgm.word_similarity_threshold; trigram GIN).
            query.append(" AND (t.search_vector @@ websearch_to_tsquery('english', search_key(?))"
                    + " OR search_key(?) OPERATOR(extensions.<%) t.search_titles)", c.q(), c.q());
        }
        if (!c.slugs().isEmpty()) {
            query.append(" AND t.slug = ANY(?)", c.slugs());
        }
        if (!c.formats().isEmpty()) {
            query.append(" AND t.format = ANY(?)", c.formats());
        }
        if (!c.endings().isEmpty()) {
            query.append(" AND t.ending = ANY(?)", c.endings());
        }
        if (!c.tags().isEmpty()) {
            query.append(" AND t.tags @> ?", c.tags());
        }
        if (!c.anyTags().isEmpty()) {
            query.append(" AND t.tags && ?", c.anyTags());
        }
        if (!c.excludeTags().isEmpty()) {
            query.append(" AND NOT (t.tags && ?)", c.excludeTags());
        }
        if (c.studio() != null) {
            query.append(" AND t.studio_keys @> ARRAY[search_key(?)]", c.studio());
        }
        if (c.yearFrom() != null) {
            query.append(" AND t.year >= ?", c.yearFrom());
        }
        if (c.yearTo() != null) {
            query.append(" AND t.year <= ?", c.yearTo());
        }
        if (c.minTearjerker() != null) {
            query.append(" AND t.tearjerker >= ?", c.minTearjerker());
        }
    }

    /**
     * Titles sharing at least one tag with the given one, scored 0..1:
     * 80% tag overlap (half the IDF-weighted share of the source's tags that the candidate has, so rare themes count
     * more than common ones; half the plain Jaccard index, so a candidate with many unrelated tags scores lower),
     * 15% the same ending, 5% the same format (so the film of a series still ranks above a series that merely
     * shares the format).
     */
    public SimilarPage similar(long titleId, int limit, long offset) {
        String sql = """
                WITH src AS (SELECT id, tags, ending, format FROM title WHERE id = ?),
                     -- The planner's row estimate is plenty for a logarithm; count only small (fresh) tables.
                     n AS (SELECT CASE WHEN c.reltuples > 1000 THEN c.reltuples::float8
                                       ELSE (SELECT count(*) FROM title)::float8 END AS n
                           FROM pg_class c WHERE c.oid = 'title'::regclass),
                     -- Every title with one of the source's tags: one GIN bitmap scan.
                     candidates AS MATERIALIZED (
                         SELECT t.id, t.title, t.slug, t.tags,
                                (t.ending = src.ending)::int AS same_ending, (t.format = src.format)::int AS same_format
                         FROM title t, src
                         WHERE t.tags && src.tags AND t.id <> src.id),
                     -- IDF weight of each source tag; the titles carrying it are exactly the candidates that have it.
                     weights AS MATERIALIZED (
                         SELECT tag, ln(1 + n.n / (1 + coalesce(f.titles, 0))) AS w
                         FROM src CROSS JOIN n CROSS JOIN unnest(src.tags) AS tag
                         LEFT JOIN (SELECT ct AS tag, count(*) AS titles FROM candidates c, unnest(c.tags) AS ct
                                    WHERE ct = ANY ((SELECT tags FROM src)::text[]) GROUP BY ct) AS f USING (tag)),
                     total AS (SELECT greatest(sum(w), 1e-9) AS w FROM weights),
                     scored AS (
                         SELECT c.id, c.title, c.slug, s.shared,
                                round((0.8 * (0.5 * s.weight / total.w
                                              + 0.5 * cardinality(s.shared)::float8
                                                    / (cardinality(c.tags) + cardinality(src.tags) - cardinality(s.shared)))
                                       + 0.15 * c.same_ending + 0.05 * c.same_format)::numeric, 3) AS similarity
                         FROM candidates c
                         CROSS JOIN src
                         CROSS JOIN total
                         CROSS JOIN LATERAL (SELECT array_agg(w.tag ORDER BY w.tag) AS shared, sum(w.w) AS weight
                                             FROM weights w WHERE w.tag = ANY (c.tags)) AS s)
                SELECT id, similarity, shared, (SELECT count(*) FROM candidates) FROM scored
                ORDER BY similarity DESC, lower(title), slug
                LIMIT ? OFFSET ?
                """;
        SqlQuery query = new SqlQuery().append(sql, titleId, limit, offset);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = query.prepare(connection);
             ResultSet rows = statement.executeQuery()) {
            List<SimilarRow> result = new ArrayList<>();
            long total = -1;
            while (rows.next()) {
                result.add(new SimilarRow(rows.getLong(1), rows.getDouble(2), strings(rows.getArray(3))));
                total = rows.getLong(4);
            }
            if (total < 0 && offset > 0) {
                total = similarCount(connection, titleId);
            }
            return new SimilarPage(result, Math.max(total, 0));
        } catch (SQLException e) {
            throw new IllegalStateException("Similar titles failed: " + e.getMessage(), e);
        }
    }

    private long similarCount(Connection connection, long titleId) throws SQLException {
        SqlQuery query = new SqlQuery().append("SELECT count(*) FROM title t, title s WHERE s.id = ? AND t.tags && s.tags "
                + "AND t.id <> s.id", titleId);
        try (PreparedStatement statement = query.prepare(connection); ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** The tag vocabulary with how many titles use each tag; most used first. One pass over the titles' tags. */
    public CountPage tags(int limit, long offset) {
        String sql = """
                SELECT g.slug, g.description, coalesce(c.titles, 0) AS titles, count(*) OVER ()
                FROM tag g
                LEFT JOIN (SELECT tag, count(*) AS titles FROM title, unnest(tags) AS tag GROUP BY tag) AS c ON c.tag = g.slug
                ORDER BY titles DESC, g.slug
                LIMIT ? OFFSET ?
                """;
        return counts(new SqlQuery().append(sql, limit, offset), "SELECT count(*) FROM tag");
    }

    /** Studios named by titles, case- and accent-insensitively grouped, with their title counts; most titles first. */
    public CountPage studios(int limit, long offset) {
        String sql = """
                SELECT min(u.name), NULL, count(*) AS titles, count(*) OVER ()
                FROM title t, unnest(t.studios, t.studio_keys) AS u(name, key)
                GROUP BY u.key
                ORDER BY titles DESC, min(u.name)
                LIMIT ? OFFSET ?
                """;
        return counts(new SqlQuery().append(sql, limit, offset),
                "SELECT count(DISTINCT k) FROM title t, unnest(t.studio_keys) AS k");
    }

    private CountPage counts(SqlQuery query, String countSql) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = query.prepare(connection);
             ResultSet rows = statement.executeQuery()) {
            List<Count> result = new ArrayList<>();
            long total = -1;
            while (rows.next()) {
                result.add(new Count(rows.getString(1), rows.getString(2), rows.getLong(3)));
                total = rows.getLong(4);
            }
            if (total < 0) {
                try (PreparedStatement count = connection.prepareStatement(countSql); ResultSet row = count.executeQuery()) {
                    row.next();
                    total = row.getLong(1);
                }
            }
            return new CountPage(result, total);
        } catch (SQLException e) {
            throw new IllegalStateException("Vocabulary query failed: " + e.getMessage(), e);
        }
    }

    /** The slugs of the tag vocabulary, sorted. */
    public List<String> tagSlugs() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("SELECT slug FROM tag ORDER BY slug");
             ResultSet rows = statement.executeQuery()) {
            List<String> slugs = new ArrayList<>();
            while (rows.next()) {
                slugs.add(rows.getString(1));
            }
            return slugs;
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the tag vocabulary failed: " + e.getMessage(), e);
        }
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
