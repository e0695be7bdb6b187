package setsunai.catalog.store;

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

/** Titles like a given one: the one store method behind "similar titles" (scored by {@link SimilarityScore}). */
@ApplicationScoped
public class SimilarTitles {

    public record SimilarRow(long id, double similarity, List<String> sharedTags) {
    }

    public record SimilarPage(List<SimilarRow> rows, long total) {
    }

    @Inject
    DataSource dataSource;

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
                       round((%s * (%s * s.weight / ? + %s * cardinality(s.shared)::float8
                                                          / (f.tag_count + ? - cardinality(s.shared)))
                              + %s * (f.ending = ?)::int + %s * (f.format = ?)::int)::numeric, 3) AS similarity,
                       s.shared
                FROM title_facet f
                JOIN title t ON t.id = f.title_id
                CROSS JOIN LATERAL (SELECT array_agg(w.tag ORDER BY w.tag) AS shared, sum(w.w) AS weight
                                    FROM w WHERE f.tag_mask & (1::bigint << w.bit) <> 0) AS s
                WHERE f.title_id = ANY (?)
                ORDER BY similarity DESC, lower(t.title), t.slug
                LIMIT ? OFFSET ?
                """.formatted(SimilarityScore.TAGS, SimilarityScore.WEIGHTED_SHARE, 1 - SimilarityScore.WEIGHTED_SHARE,
                SimilarityScore.ENDING, SimilarityScore.FORMAT), source.tags, source.bits, source.weights, source.totalWeight, source.tagCount, source.ending,
                source.format, ids.stream().mapToLong(Long::longValue).toArray(), limit, offset);
        try (PreparedStatement statement = query.prepare(connection); ResultSet rows = statement.executeQuery()) {
            List<SimilarRow> result = new ArrayList<>();
            while (rows.next()) {
                result.add(new SimilarRow(rows.getLong(1), rows.getDouble(2), strings(rows.getArray(3))));
            }
            return result;
        }
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
