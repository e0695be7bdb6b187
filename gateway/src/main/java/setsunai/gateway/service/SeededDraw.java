package setsunai.gateway.service;

import java.util.concurrent.ThreadLocalRandom;

/**
 * The surprise's draw: a weighted pick that a seed replays exactly, on any JVM. Written out (SplitMix64) instead of
 * {@code new java.util.Random(seed)}: that one's first draw for neighbouring seeds (1, 2, 3, …) differs by about
 * 1/10,000, so callers counting seeds up would get the same title again and again.
 */
public final class SeededDraw {

    /** Seeds the gateway draws stay below 2^53, so a JavaScript number carries them back exactly. */
    static final long MAX_DRAWN = 1L << 53;

    private SeededDraw() {
    }

    /** A new seed, when the caller gave none. */
    public static long newSeed() {
        return ThreadLocalRandom.current().nextLong(MAX_DRAWN);
    }

    /** A number in [0, 1) that depends on the seed alone. */
    static double unit(long seed) {
        return (mix(seed) >>> 11) * 0x1.0p-53;
    }

    /**
     * The index picked, each with a chance of its weight over the sum (weights below 0 count as 0; all 0 is a
     * uniform pick). The same weights in the same order and the same seed give the same index.
     */
    static int pick(double[] weights, long seed) {
        double total = 0;
        for (double w : weights) {
            total += Math.max(w, 0);
        }
        if (total <= 0) {
            return (int) (unit(seed) * weights.length);
        }
        double target = unit(seed) * total;
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += Math.max(weights[i], 0);
            if (target < sum) {
                return i;
            }
        }
        // rounding can leave the target a hair past the last sum: the last title with weight takes it
        for (int i = weights.length - 1; i >= 0; i--) {
            if (weights[i] > 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /** SplitMix64's finaliser (Steele, Lea, Flood 2014): neighbouring seeds give unrelated numbers. */
    static long mix(long seed) {
        long z = seed + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
