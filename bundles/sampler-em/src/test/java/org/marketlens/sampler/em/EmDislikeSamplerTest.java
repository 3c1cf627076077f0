package org.marketlens.sampler.em;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EmDislikeSamplerTest {
    @Test
    void observedItemsAreNeverDrawn() {
        float[] scores = {-50, 0, 0, 0, 0};
        for (int seed = 0; seed < 50; seed++) {
            int[] drawn = EmDislikeSampler.SoftmaxPrior.draw(scores, new int[] {0, 2}, 8, 1, new SplittableRandom(seed));
            for (int i : drawn) {
                assertTrue(i != 0 && i != 2, "observed item " + i + " drawn");
            }
        }
    }

    @Test
    void lowScoresDominateThePrior() {
        // exp(20) vs exp(0): item 3 carries all but ~1e-8 of the mass (Eq. 4.9).
        float[] scores = {0, 0, 0, -20, 0};
        int[] drawn = EmDislikeSampler.SoftmaxPrior.draw(scores, new int[0], 5, 1, new SplittableRandom(1));
        assertArrayEquals(new int[] {3}, drawn);
    }

    @Test
    void drawsMatchTheSoftmaxFrequencies() {
        // Pr = e^1 : e^0 : e^0 over items 0, 1, 2 → item 0 with probability e/(e+2) ≈ 0.576.
        float[] scores = {-1, 0, 0};
        SplittableRandom random = new SplittableRandom(9);
        int hits = 0;
        int trials = 20000;
        for (int t = 0; t < trials; t++) {
            int[] drawn = EmDislikeSampler.SoftmaxPrior.draw(scores, new int[0], 1, 1, random);
            hits += drawn[0] == 0 ? 1 : 0;
        }
        assertEquals(Math.E / (Math.E + 2), hits / (double) trials, 0.015);
    }

    @Test
    void distinctDrawsNeverExceedTheDrawCount() {
        float[] scores = new float[100];
        int[] drawn = EmDislikeSampler.SoftmaxPrior.draw(scores, new int[0], 8, 1, new SplittableRandom(2));
        assertTrue(drawn.length <= 8 && drawn.length >= 1);
    }
}
