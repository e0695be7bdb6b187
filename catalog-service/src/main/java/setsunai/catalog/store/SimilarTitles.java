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

    @Inject
    TitleFacets facets;

    /** Candidates sampled for the first floor: enough for a good one, a few % of a pass at 100k titles. */
    private static final int SIMILAR_SAMPLE = 2000;
    /** Scores are rounded to 3 decimals before ranking, so a candidate within 0.001 of a floor can still tie it. */
    private static final double SIMILAR_ROUNDING = 0.0011;

    /**
     * Titles sharing at least one tag with the given one, scored 0..1:
     * 80% tag overlap (half the IDF-weighted share of the source's tags that the candidate has, so rare themes count
     * more than common ones; half the plain Jaccard index, so a candidate with many unrelated tags scores lower),
     * 15% the same ending, 5% the same format (so the film of a series still ranks above a series that merely
     * shares the format). {@code total} counts every title sharing a tag.
     *
     * <p>Exact, without scoring every candidate (about 70% of a large catalogue) and without a pass over the table:
     * the candidates are this instance's copy of title_facet ({@link TitleFacets}, brought up to date first). The
     * best score of a small sample is a floor the page must reach; one pass over the copy counts the candidates and
     * keeps only those whose {@link SimilarityScore#upperBound} reaches the floor (a bit count per entry); those few
     * are scored, and only the ones that can be on the page are ranked and rounded in SQL.
     */
    public SimilarPage similar(long titleId, int limit, long offset) {
        return similar(titleId, limit, offset, SIMILAR_SAMPLE);
    }

    /** With a given sample size: tests use tiny ones, so that the first floor is weak and the bounds do the work. */
    SimilarPage similar(long titleId, int limit, long offset, int sample) {
        try (Connection connection = dataSource.getConnection()) {
            TitleFacets.Facets copy = facets.current(connection);
            SimilarityScore source = similarSource(connection, titleId);
            if (source == null) {
                return new SimilarPage(List.of(), 0);
            }
            Candidates candidates = new Candidates(copy, titleId, source);
            long wanted = offset + limit;
            // A deep page samples as deep, so its floor is as good and a page past the end needs no pass at all.
            long sampleSize = Math.max(sample, wanted);
            double[] sampled = candidates.sample(sampleSize);
            if (sampled.length < sampleSize && offset >= sampled.length) {
                return new SimilarPage(List.of(), sampled.length);
            }
            double floor = nthBest(sampled, wanted) - SIMILAR_ROUNDING;
            List<Long> contenders = candidates.contenders(source.minShared(floor), wanted);
            return new SimilarPage(similarPage(connection, source, contenders, limit, offset), candidates.total);
        } catch (SQLException e) {
            throw new IllegalStateException("Similar titles failed: " + e.getMessage(), e);
        }
    }

    /** The n-th best of these scores; minus infinity when there are fewer than n. */
    private static double nthBest(double[] scores, long n) {
        if (scores.length < n) {
            return Double.NEGATIVE_INFINITY;
        }
        double[] sorted = scores.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length - (int) n];
    }

    /** The titles sharing a tag with the source, in the copy's (id) order, as the score sees them. */
    private static final class Candidates {
        private final TitleFacets.Facets copy;
        private final long titleId;
        private final SimilarityScore source;
        private final int ending;
        private final int format;
        long total;

        Candidates(TitleFacets.Facets copy, long titleId, SimilarityScore source) {
            this.copy = copy;
            this.titleId = titleId;
            this.source = source;
            this.ending = copy.code(source.ending);
            this.format = copy.code(source.format);
        }

        private boolean candidate(int i) {
            return (copy.masks()[i] & source.mask) != 0 && copy.ids()[i] != titleId;
        }

        private double score(int i) {
            return source.score(copy.masks()[i], copy.tagCounts()[i], copy.endings()[i] == ending,
                    copy.formats()[i] == format);
        }

        /** Exact scores of the first {@code size} candidates (all of them when there are fewer). */
        double[] sample(long size) {
            double[] scores = new double[(int) Math.min(size, copy.size())];
            int n = 0;
            for (int i = 0; i < copy.size() && n < scores.length; i++) {
                if (candidate(i)) {
                    scores[n++] = score(i);
                }
            }
            return Arrays.copyOf(scores, n);
        }

        /**
         * One pass: counts the candidates ({@link #total}) and scores those sharing enough tags (minShared, by tag
         * count and ending) to reach the floor; returns the ids that can be among the first {@code wanted}: the
         * n-th best exact score, less rounding, or better. The pass reads the bitsets of the source's tags, 64
         * titles a word: their union counts the candidates, and a bit-sliced count of the tags each title shares
         * leaves only the titles sharing at least the fewest tags any candidate needs, checked one by one.
         */
        List<Long> contenders(int[] minShared, long wanted) {
            int least = Integer.MAX_VALUE;
            for (int min : minShared) {
                least = Math.min(least, min);
            }
            List<long[]> sets = new ArrayList<>();
            for (int bit : source.bits) {
                if (copy.byTag()[bit] != null) {
                    sets.add(copy.byTag()[bit]);
                }
            }
            long[] masks = copy.masks();
            short[] tagCounts = copy.tagCounts();
            byte[] endings = copy.endings();
            int self = Arrays.binarySearch(copy.ids(), titleId);
            // planes[p]: bit p of how many of the source's tags each title of the word has.
            long[] planes = new long[32 - Integer.numberOfLeadingZeros(Math.max(sets.size(), 1))];
            int[] survivors = new int[64];
            double[] scores = new double[64];
            int n = 0;
            long count = 0;
            int words = (copy.size() + 63) >>> 6;
            for (int w = 0; w < words; w++) {
                long any = 0;
                Arrays.fill(planes, 0);
                for (long[] set : sets) {
                    long carry = set[w];
                    any |= carry;
                    for (int p = 0; p < planes.length && carry != 0; p++) {
                        long next = planes[p] & carry;
                        planes[p] ^= carry;
                        carry = next;
                    }
                }
                if (self >= 0 && self >>> 6 == w) {
                    any &= ~(1L << self);
                }
                count += Long.bitCount(any);
                for (long enough = any & atLeast(planes, least); enough != 0; enough &= enough - 1) {
                    int i = (w << 6) + Long.numberOfTrailingZeros(enough);
                    int c = Math.min(tagCounts[i], SimilarityScore.MAX_TAG_COUNT);
                    if (Long.bitCount(masks[i] & source.mask) >= minShared[c * 2 + (endings[i] == ending ? 1 : 0)]) {
                        if (n == survivors.length) {
                            survivors = Arrays.copyOf(survivors, n * 2);
                            scores = Arrays.copyOf(scores, n * 2);
                        }
                        survivors[n] = i;
                        scores[n++] = score(i);
                    }
                }
            }
            total = count;
            double floor = n > wanted ? nthBest(Arrays.copyOf(scores, n), wanted) - SIMILAR_ROUNDING
                    : Double.NEGATIVE_INFINITY;
            List<Long> ids = new ArrayList<>();
            for (int k = 0; k < n; k++) {
                if (scores[k] >= floor) {
                    ids.add(copy.ids()[survivors[k]]);
                }
            }
            return ids;
        }

        /** The bits whose count (bit-sliced in planes, least significant first) is at least {@code m}. */
        private static long atLeast(long[] planes, int m) {
            if (m >= 1 << planes.length) {
                return 0;
            }
            long greater = 0;
            long equal = -1L;
            for (int p = planes.length - 1; p >= 0; p--) {
                if ((m >>> p & 1) == 1) {
                    equal &= planes[p];
                } else {
                    greater |= equal & planes[p];
                    equal &= ~planes[p];
                }
            }
            return greater | equal;
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
