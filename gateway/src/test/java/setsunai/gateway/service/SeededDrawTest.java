package setsunai.gateway.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The surprise's draw: replayable, proportional to the weights, and neighbouring seeds unrelated. */
class SeededDrawTest {

    @Test
    void theSameSeedPicksTheSameIndex() {
        double[] weights = {5, 1, 3, 0, 2};
        for (long seed : new long[] {0, 1, -1, 42, Long.MAX_VALUE, Long.MIN_VALUE}) {
            assertEquals(SeededDraw.pick(weights, seed), SeededDraw.pick(weights.clone(), seed));
        }
        // pinned: a replay must give the same pick on any JVM and after any refactoring
        assertEquals(0.8410558357824134, SeededDraw.unit(4242), 0);
    }

    @Test
    void picksAreProportionalToTheWeightsAndAZeroWeightIsNeverPicked() {
        double[] weights = {6, 3, 1, 0};
        int[] counts = new int[4];
        int draws = 100_000;
        for (long seed = 1; seed <= draws; seed++) {
            counts[SeededDraw.pick(weights, seed)]++;
        }
        assertEquals(0.6, counts[0] / (double) draws, 0.01);
        assertEquals(0.3, counts[1] / (double) draws, 0.01);
        assertEquals(0.1, counts[2] / (double) draws, 0.01);
        assertEquals(0, counts[3]);
    }

    @Test
    void neighbouringSeedsAreUnrelated() {
        // java.util.Random's first doubles for seeds 1, 2, 3, … lie close together: these must spread over [0, 1)
        Set<Integer> tenths = new HashSet<>();
        for (long seed = 1; seed <= 20; seed++) {
            tenths.add((int) (SeededDraw.unit(seed) * 10));
        }
        assertTrue(tenths.size() >= 7, tenths.toString());
        assertEquals(2, SeededDraw.pick(new double[] {0, 0, 0}, 4242), "all zero: uniform");
    }

    @Test
    void drawnSeedsFitAJavaScriptNumber() {
        for (int i = 0; i < 1000; i++) {
            long seed = SeededDraw.newSeed();
            assertTrue(seed >= 0 && seed < (1L << 53), Long.toString(seed));
        }
    }
}
