package setsunai.catalog.store;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.PGStatement;
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

    /** How `q` selects titles: not at all, by its words (full text), or by trigram similarity to the titles. */
    private enum Match {
        NONE, WORDS, FUZZY
    }

    private static final String WORDS = "websearch_to_tsquery('english', search_key(?))";

    @Inject
    DataSource dataSource;

    /**
     * Totals of recent searches, reused for as long as a client may reuse the whole answer anyway (Cache-Control
     * max-age, 30 s; quarkus.cache.caffeine."search-totals" in application.properties) and dropped on every write
     * (TitleEditor). Counting a word in half the catalogue costs most of a microsecond per match even from the index
     * alone, and such words are the most asked for; the page itself is always fresh.
     */
    @Inject
    @CacheName("search-totals")
    Cache totals;

    private record CountKey(Match match, TitleCriteria criteria) {
    }

    /**
     * A page of ids and the total. With q, the words decide (full text); only when they match nothing at all does
     * the search fall back to typo-tolerant matching of the titles, so common words never pay for trigrams.
     */
    public IdPage search(TitleCriteria criteria, int limit, long offset) {
        try (Connection connection = dataSource.getConnection()) {
            if (criteria.q() == null) {
                return page(connection, criteria, Match.NONE, limit, offset);
            }
            IdPage words = page(connection, criteria, Match.WORDS, limit, offset);
            return words.total() > 0 ? words : page(connection, criteria, Match.FUZZY, limit, offset);
        } catch (SQLException e) {
            throw new IllegalStateException("Title search failed: " + e.getMessage(), e);
        }
    }

    private IdPage page(Connection connection, TitleCriteria criteria, Match match, int limit, long offset)
            throws SQLException {
        boolean byRelevance = match != Match.NONE && criteria.sort() == TitleSort.RELEVANCE;
        SqlQuery query = byRelevance && match == Match.WORDS
                ? tiers(criteria, limit + offset)
                : new SqlQuery("SELECT t.id FROM title t").append(where(criteria, match)).append(order(criteria, match));
        query.append(" LIMIT ? OFFSET ?", limit, offset);
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement statement = prepare(connection, query); ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                ids.add(rows.getLong(1));
            }
        }
        // The total is a separate count(*): one that rode along with the page (count(*) OVER ()) would read every
        // match even when the page itself stops after 20. A remembered total can be a little old: never report fewer
        // titles than this page has seen.
        long total = offset == 0 && ids.size() < limit ? ids.size()
                : Math.max(count(connection, criteria, match), ids.isEmpty() ? 0 : offset + ids.size());
        return new IdPage(ids, total);
    }

    /**
     * Relevance by tiers, best first: (1) the English title is the query (title_key: case, accents and punctuation
     * aside); (2) one of the names (English, native, alternative) holds all the words; (3) the other full-text
     * matches (the synopsis). Within a tier by title, then slug. A tier never ranks all its matches: for a word in
     * half the catalogue the planner walks the title index and stops after a page, for a rare word it sorts the few
     * matches; a later tier runs only when the earlier ones did not fill the page. -relevance reverses it all.
     */
    private SqlQuery tiers(TitleCriteria c, long needed) {
        String direction = c.descending() ? " DESC" : " ASC";
        String byTitle = " ORDER BY lower(t.title)" + direction + ", t.slug" + direction;
        String notExact = " AND t.title_key <> title_key(?)";
        // Exact titles from title_key_idx, the rest checked on those few rows: as IS TRUE the conditions are no index
        // condition, which keeps the planner from ANDing in a GIN scan of every match of the words.
        SqlQuery exact = new SqlQuery("(SELECT t.id FROM title t WHERE t.title_key = title_key(?) AND (", c.q())
                .append(conditions(c, Match.WORDS)).append(") IS TRUE" + byTitle + " LIMIT ?)", needed);
        // names_vector is the names part of search_vector, with the same positions, so a names match is a full match
        // unless the query excludes a word (websearch "-word": a ! in the tsquery); only then is search_vector checked
        // too. For other queries the planner folds that test away and estimates the tier from names_vector alone,
        // instead of multiplying two @@ as if they were independent (which made it sort thousands of matches).
        SqlQuery inName = new SqlQuery("(SELECT t.id FROM title t WHERE t.names_vector @@ " + WORDS
                + " AND (strpos(" + WORDS + "::text, '!') = 0 OR t.search_vector @@ " + WORDS + ")", c.q(), c.q(), c.q())
                .append(filters(c)).append(notExact + byTitle + " LIMIT ?)", c.q(), needed);
        SqlQuery elsewhere = new SqlQuery("(SELECT t.id FROM title t").append(where(c, Match.WORDS))
                .append(" AND NOT t.names_vector @@ " + WORDS, c.q()).append(notExact + byTitle + " LIMIT ?)", c.q(), needed);
        List<SqlQuery> tiers = c.descending() ? List.of(elsewhere, inName, exact) : List.of(exact, inName, elsewhere);
        // UNION ALL (an Append) returns its branches in order and stops pulling once the LIMIT is reached.
        return new SqlQuery("SELECT id FROM (").append(tiers.get(0)).append(" UNION ALL ").append(tiers.get(1))
                .append(" UNION ALL ").append(tiers.get(2)).append(") AS ranked");
    }

    private static SqlQuery order(TitleCriteria c, Match match) {
        String direction = c.descending() ? " DESC" : " ASC";
        SqlQuery order = new SqlQuery(" ORDER BY ");
        if (match == Match.FUZZY && c.sort() == TitleSort.RELEVANCE) {
            // Closest to one of the titles first (few rows: the words matched nothing).
            order.append("extensions.word_similarity(search_key(?), short_names(t.title, t.native_title))"
                    + (c.descending() ? " ASC" : " DESC") + ", ", c.q());
        } else if (c.sort() == TitleSort.YEAR) {
            order.append("t.year" + direction + " NULLS LAST, ");
        } else if (c.sort() == TitleSort.TEARJERKER) {
            order.append("t.tearjerker" + direction + ", ");
        }
        String titleDirection = c.sort() == TitleSort.TITLE || c.sort() == TitleSort.RELEVANCE && match == Match.NONE
                ? direction : " ASC";
        return order.append("lower(t.title)" + titleDirection + ", t.slug" + titleDirection);
    }

    private long count(Connection connection, TitleCriteria criteria, Match match) {
        // The order does not change a total.
        CountKey key = new CountKey(match, new TitleCriteria(criteria.q(), criteria.formats(), criteria.tags(),
                criteria.anyTags(), criteria.excludeTags(), criteria.endings(), criteria.studio(), criteria.yearFrom(),
                criteria.yearTo(), criteria.minTearjerker(), criteria.slugs(), TitleSort.TITLE, false));
        return totals.get(key, k -> countNow(connection, criteria, match)).await().indefinitely();
    }

    private long countNow(Connection connection, TitleCriteria criteria, Match match) {
        // A bitmap count(*) skips the heap pages marked all-visible, which the planner does not credit: for a word in
        // half the titles it would scan the whole table instead (12 times the CPU). For the rest of this request's
        // transaction, which after the count only loads titles by id.
        SqlQuery query = new SqlQuery("SELECT count(*) FROM title t").append(where(criteria, match));
        try (Statement hint = connection.createStatement()) {
            hint.execute("SET LOCAL enable_seqscan = off");
            try (PreparedStatement statement = prepare(connection, query); ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Counting titles failed: " + e.getMessage(), e);
        }
    }

    /**
     * Always planned with the actual values: a generic plan, which the driver and server switch to after a few
     * executions of the same text, cannot tell a word in half the titles from a rare one and picks one access path
     * for both.
     */
    private static PreparedStatement prepare(Connection connection, SqlQuery query) throws SQLException {
        PreparedStatement statement = query.prepare(connection);
        statement.unwrap(PGStatement.class).setPrepareThreshold(0);
        return statement;
    }

    private static SqlQuery where(TitleCriteria c, Match match) {
        return new SqlQuery(" WHERE ").append(conditions(c, match));
    }

    private static SqlQuery conditions(TitleCriteria c, Match match) {
        SqlQuery query = new SqlQuery("TRUE");
        if (match == Match.WORDS) {
            // Stemmed, accent-free words over every name and the synopsis.
            query.append(" AND t.search_vector @@ " + WORDS, c.q());
        } else if (match == Match.FUZZY) {
            // Close to the English or native title despite typos (word similarity above
            // pg_trgm.word_similarity_threshold, 0.6; trigram GIN).
            query.append(" AND search_key(?) OPERATOR(extensions.<%) short_names(t.title, t.native_title)", c.q());
        }
        return query.append(filters(c));
    }

    private static SqlQuery filters(TitleCriteria c) {
        SqlQuery query = new SqlQuery();
        if (!c.slugs().isEmpty()) {
            query.append(" AND t.slug = ANY(?)", c.slugs());
        }
        // Tags, format and ending through the facets array, so that with q they are one GIN index scan
        // (title_search_idx) and count(*) needs nothing from the heap.
        if (!c.tags().isEmpty()) {
            query.append(" AND t.facets @> ?", c.tags());
        }
        if (!c.formats().isEmpty()) {
            query.append(" AND t.facets && ?", c.formats().stream().map(f -> "format:" + f.name()).toList());
        }
        if (!c.endings().isEmpty()) {
            query.append(" AND t.facets && ?", c.endings().stream().map(e -> "ending:" + e.name()).toList());
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
        return query;
    }

    /** Candidates sampled for the first floor: enough for a good one, a few % of a pass at 100k titles. */
    private static final int SIMILAR_SAMPLE = 2000;
    /** Scores are rounded to 3 decimals before ranking, so a candidate within 0.001 of a floor can still tie it. */
    private static final double SIMILAR_ROUNDING = 0.0011;

    private record Survivors(long total, Long[][] rows) {
    }

    /**
     * Titles sharing at least one tag with the given one, scored 0..1:
     * 80% tag overlap (half the IDF-weighted share of the source's tags that the candidate has, so rare themes count
     * more than common ones; half the plain Jaccard index, so a candidate with many unrelated tags scores lower),
     * 15% the same ending, 5% the same format (so the film of a series still ranks above a series that merely
     * shares the format). {@code total} counts every title sharing a tag.
     *
     * <p>Exact, without scoring every candidate (about 70% of a large catalogue): the best score of a small sample
     * is a floor the page must reach; one pass over the narrow title_facet rows counts the candidates and keeps only
     * those whose {@link SimilarityScore#upperBound} reaches the floor (a bit count per row); those few are scored,
     * and only the ones that can be on the page are ranked and rounded in SQL.
     */
    public SimilarPage similar(long titleId, int limit, long offset) {
        return similar(titleId, limit, offset, SIMILAR_SAMPLE);
    }

    /** With a given sample size: tests use tiny ones, so that the first floor is weak and the bounds do the work. */
    SimilarPage similar(long titleId, int limit, long offset, int sample) {
        try (Connection connection = dataSource.getConnection()) {
            SimilarityScore source = similarSource(connection, titleId);
            if (source == null) {
                return new SimilarPage(List.of(), 0);
            }
            long wanted = offset + limit;
            // A deep page samples as deep, so its floor is as good and a page past the end needs no pass at all.
            long sampleSize = Math.max(sample, wanted);
            List<double[]> sampled = similarSample(connection, titleId, source, sampleSize);
            long candidates = sampled.stream().mapToLong(s -> (long) s[1]).sum();
            if (candidates < sampleSize && offset >= candidates) {
                return new SimilarPage(List.of(), candidates);
            }
            double floor = nthBest(sampled, wanted) - SIMILAR_ROUNDING;
            Survivors survivors = similarSurvivors(connection, titleId, source, source.minShared(floor));
            List<Long> contenders = contenders(source, survivors.rows(), wanted);
            return new SimilarPage(similarPage(connection, source, contenders, limit, offset), survivors.total());
        } catch (SQLException e) {
            throw new IllegalStateException("Similar titles failed: " + e.getMessage(), e);
        }
    }

    /** The source's tags (in its own order) with their bits and IDF weights; null for an unknown or untagged title. */
    private SimilarityScore similarSource(Connection connection, long titleId) throws SQLException {
        SqlQuery query = new SqlQuery().append("""
                -- The planner's row estimate is plenty for a logarithm; count only small (fresh) tables.
                WITH n AS (SELECT CASE WHEN c.reltuples > 1000 THEN c.reltuples::float8
                                       ELSE (SELECT count(*) FROM title)::float8 END AS n
                           FROM pg_class c WHERE c.oid = 'title'::regclass)
                SELECT f.tag_mask, f.tag_count, f.ending, f.format, array_agg(s.tag ORDER BY u.ord),
                       array_agg(s.bit ORDER BY u.ord), array_agg(ln(1 + n.n / s.titles) ORDER BY u.ord)
                FROM title t
                JOIN title_facet f ON f.title_id = t.id
                CROSS JOIN n
                CROSS JOIN LATERAL unnest(t.tags) WITH ORDINALITY AS u(tag, ord)
                JOIN tag_stat s ON s.tag = u.tag
                WHERE t.id = ?
                GROUP BY f.tag_mask, f.tag_count, f.ending, f.format
                """, titleId);
        try (PreparedStatement statement = query.prepare(connection); ResultSet row = statement.executeQuery()) {
            if (!row.next()) {
                return null;
            }
            Number[] bits = (Number[]) row.getArray(6).getArray();
            Number[] weights = (Number[]) row.getArray(7).getArray();
            return new SimilarityScore(row.getLong(1), row.getInt(2), row.getString(3), row.getString(4),
                    (String[]) row.getArray(5).getArray(), Arrays.stream(bits).mapToInt(Number::intValue).toArray(),
                    Arrays.stream(weights).mapToDouble(Number::doubleValue).toArray());
        }
    }

    /** Exact scores of the first candidates in table order, grouped by what the score reads: [score, titles]. */
    private List<double[]> similarSample(Connection connection, long titleId, SimilarityScore source, long sample)
            throws SQLException {
        SqlQuery query = new SqlQuery().append("""
                SELECT f.tag_mask & ?, f.tag_count, f.ending = ?, f.format = ?, count(*)
                FROM (SELECT tag_mask, tag_count, ending, format FROM title_facet
                      WHERE tag_mask & ? <> 0 AND title_id <> ? LIMIT ?) AS f
                GROUP BY 1, 2, 3, 4
                """, source.mask, source.ending, source.format, source.mask, titleId, sample);
        List<double[]> scores = new ArrayList<>();
        try (PreparedStatement statement = query.prepare(connection); ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                scores.add(new double[] {source.score(rows.getLong(1), rows.getInt(2), rows.getBoolean(3),
                        rows.getBoolean(4)), rows.getLong(5)});
            }
        }
        return scores;
    }

    /** The n-th best of these (score, titles) pairs; minus infinity when there are fewer than n titles. */
    private static double nthBest(List<double[]> scores, long n) {
        scores.sort((a, b) -> Double.compare(b[0], a[0]));
        long seen = 0;
        for (double[] score : scores) {
            seen += (long) score[1];
            if (seen >= n) {
                return score[0];
            }
        }
        return Double.NEGATIVE_INFINITY;
    }

    /**
     * One pass over title_facet: how many titles share a tag, and [id, mask, tag count, same ending, same format] of
     * those sharing enough tags (minShared, by tag count and ending) to reach the floor.
     */
    private Survivors similarSurvivors(Connection connection, long titleId, SimilarityScore source, int[] minShared)
            throws SQLException {
        SqlQuery query = new SqlQuery().append("""
                SELECT count(*),
                       array_agg(ARRAY[f.title_id, f.tag_mask, f.tag_count, (f.ending = ?)::int, (f.format = ?)::int])
                           FILTER (WHERE bit_count((f.tag_mask & ?)::bit(64))
                                         >= (?::int[])[least(f.tag_count, ?) * 2 + (f.ending = ?)::int + 1])
                FROM title_facet f
                WHERE f.tag_mask & ? <> 0 AND f.title_id <> ?
                """, source.ending, source.format, source.mask, minShared, SimilarityScore.MAX_TAG_COUNT,
                source.ending, source.mask, titleId);
        try (PreparedStatement statement = query.prepare(connection); ResultSet row = statement.executeQuery()) {
            row.next();
            Array rows = row.getArray(2);
            return new Survivors(row.getLong(1), rows == null ? new Long[0][] : (Long[][]) rows.getArray());
        }
    }

    /** The ids that can be among the first {@code wanted}: the n-th best exact score, less rounding, or better. */
    private static List<Long> contenders(SimilarityScore source, Long[][] rows, long wanted) {
        double[] scores = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            scores[i] = source.score(rows[i][1], rows[i][2].intValue(), rows[i][3] == 1, rows[i][4] == 1);
        }
        double floor = Double.NEGATIVE_INFINITY;
        if (rows.length > wanted) {
            double[] sorted = scores.clone();
            Arrays.sort(sorted);
            floor = sorted[sorted.length - (int) wanted] - SIMILAR_ROUNDING;
        }
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < rows.length; i++) {
            if (scores[i] >= floor) {
                ids.add(rows[i][0]);
            }
        }
        return ids;
    }

    /** The page: the contenders scored as reported (rounded), most similar first, ties by title. */
    private List<SimilarRow> similarPage(Connection connection, SimilarityScore source, List<Long> ids, int limit,
                                         long offset) throws SQLException {
        if (ids.isEmpty()) {
            return List.of();
        }
        SqlQuery query = new SqlQuery().append("""
                WITH w AS (SELECT * FROM unnest(?::text[], ?::int[], ?::float8[]) AS w(tag, bit, w))
                SELECT f.title_id,
                       round((0.8 * (0.5 * s.weight / ? + 0.5 * cardinality(s.shared)::float8
                                                          / (f.tag_count + ? - cardinality(s.shared)))
                              + 0.15 * (f.ending = ?)::int + 0.05 * (f.format = ?)::int)::numeric, 3) AS similarity,
                       s.shared
                FROM title_facet f
                JOIN title t ON t.id = f.title_id
                CROSS JOIN LATERAL (SELECT array_agg(w.tag ORDER BY w.tag) AS shared, sum(w.w) AS weight
                                    FROM w WHERE f.tag_mask & (1::bigint << w.bit) <> 0) AS s
                WHERE f.title_id = ANY (?)
                ORDER BY similarity DESC, lower(t.title), t.slug
                LIMIT ? OFFSET ?
                """, source.tags, source.bits, source.weights, source.totalWeight, source.tagCount, source.ending,
                source.format, ids.stream().mapToLong(Long::longValue).toArray(), limit, offset);
        try (PreparedStatement statement = query.prepare(connection); ResultSet rows = statement.executeQuery()) {
            List<SimilarRow> result = new ArrayList<>();
            while (rows.next()) {
                result.add(new SimilarRow(rows.getLong(1), rows.getDouble(2), strings(rows.getArray(3))));
            }
            return result;
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
