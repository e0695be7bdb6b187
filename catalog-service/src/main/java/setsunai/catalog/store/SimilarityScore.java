package setsunai.catalog.store;

import java.util.Arrays;

/**
 * The similarity score seen from one source title, and bounds on it that prune candidates without scoring them.
 *
 * <p>A candidate sharing {@code m} of the source's {@code k} tags and carrying {@code c} tags scores
 * {@code 0.8 × (0.5 × weight of the shared tags / weight of all the source's tags + 0.5 × m / (k + c − m))
 * + 0.15 × same ending + 0.05 × same format}. Whatever tags it shares, their weight is at most that of the source's
 * {@code m} heaviest, so {@link #upperBound} depends only on {@code m}, {@code c} and the ending: a bit count and two
 * columns of a narrow row. Same arithmetic, in the same order, as the SQL that reports the score.
 */
final class SimilarityScore {

    /** The weights of the score, here only: the SQL that reports it is built from them (SimilarTitles). */
    static final double TAGS = 0.8;
    /** Within the tags' part: the share of the IDF-weighted overlap; the rest is the plain Jaccard index. */
    static final double WEIGHTED_SHARE = 0.5;
    static final double ENDING = 0.15;
    static final double FORMAT = 0.05;

    /** Tag counts above this share the bounds of this one (the bound only falls as the count grows). */
    static final int MAX_TAG_COUNT = 64;

    final long mask;
    final int tagCount;
    final String ending;
    final String format;
    /** The source's tags in its own order, with their bits in title_facet.tag_mask and their IDF weights. */
    final String[] tags;
    final int[] bits;
    final double[] weights;
    final double totalWeight;
    /** heaviest[m]: the weight of the source's m heaviest tags. */
    private final double[] heaviest;

    SimilarityScore(long mask, int tagCount, String ending, String format, String[] tags, int[] bits, double[] weights) {
        this.mask = mask;
        this.tagCount = tagCount;
        this.ending = ending;
        this.format = format;
        this.tags = tags;
        this.bits = bits;
        this.weights = weights;
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        this.totalWeight = Math.max(total, 1e-9);
        double[] sorted = weights.clone();
        Arrays.sort(sorted);
        heaviest = new double[sorted.length + 1];
        for (int m = 1; m <= sorted.length; m++) {
            heaviest[m] = heaviest[m - 1] + sorted[sorted.length - m];
        }
    }

    /** The exact, unrounded score of a candidate. */
    double score(long candidateMask, int candidateTags, boolean sameEnding, boolean sameFormat) {
        double weight = 0;
        int shared = 0;
        for (int i = 0; i < bits.length; i++) {
            if ((candidateMask & (1L << bits[i])) != 0) {
                weight += weights[i];
                shared++;
            }
        }
        return TAGS * (WEIGHTED_SHARE * weight / totalWeight
                + (1 - WEIGHTED_SHARE) * shared / (candidateTags + tagCount - shared))
                + ENDING * (sameEnding ? 1 : 0) + FORMAT * (sameFormat ? 1 : 0);
    }

    /** The best score any candidate with this many shared tags, tags in all and ending can reach. */
    double upperBound(int shared, int candidateTags, boolean sameEnding) {
        int m = Math.min(shared, bits.length);
        return TAGS * (WEIGHTED_SHARE * heaviest[m] / totalWeight
                + (1 - WEIGHTED_SHARE) * m / (candidateTags + tagCount - m))
                + (sameEnding ? ENDING : 0) + FORMAT;
    }

    /**
     * For each candidate tag count c (0..{@link #MAX_TAG_COUNT}) and ending (index {@code 2c} other, {@code 2c + 1}
     * same), the fewest shared tags with which a candidate can still reach {@code floor}; more than any candidate can
     * share when none can. The bound grows with the shared tags, so "shares at least that many" is exact.
     */
    int[] minShared(double floor) {
        int[] min = new int[2 * (MAX_TAG_COUNT + 1)];
        for (int c = 0; c <= MAX_TAG_COUNT; c++) {
            for (int same = 0; same < 2; same++) {
                int m = 1;
                while (m <= Math.min(bits.length, c) && upperBound(m, c, same == 1) < floor) {
                    m++;
                }
                min[2 * c + same] = m <= Math.min(bits.length, c) ? m : MAX_TAG_COUNT + 1;
            }
        }
        return min;
    }
}
