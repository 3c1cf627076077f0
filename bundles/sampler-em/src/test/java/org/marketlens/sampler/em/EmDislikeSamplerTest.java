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

    @Test
    void validationItemsAreNeverDrawnAndCostNoDraw() {
        // One user, 5 items, trained on item 0; item 3 has the lowest score (nearly all prior mass, Eq. 4.9) but is
        // the user's validation item (A-25d), so the draws spread over items 1, 2, 4.
        var b = org.marketlens.framework.data.Interactions.builder();
        b.add("u", "i0", org.marketlens.api.data.InteractionData.NO_RATING, 0, -1);
        for (int i = 1; i < 5; i++) {
            b.add("v", "i" + i, org.marketlens.api.data.InteractionData.NO_RATING, 0, -1);
        }
        var train = org.marketlens.framework.data.Interactions.subset(b.build(), k -> k == 0);
        org.marketlens.api.rec.Recommender scores = new org.marketlens.api.rec.Recommender() {
            @Override
            public int numItems() {
                return 5;
            }

            @Override
            public float[] score(org.marketlens.api.rec.Query query, int[] items) {
                float[] s = new float[items.length];
                for (int c = 0; c < items.length; c++) {
                    s[c] = items[c] == 3 ? -20 : 0;
                }
                return s;
            }

            @Override
            public void save(java.io.OutputStream out) {
            }
        };
        EmDislikeSampler sampler = new EmDislikeSampler();
        assertArrayEquals(new int[] {3}, sampler.sample(train, scores, 1, new SplittableRandom(3))[0],
                "without exclusions the validation item takes the draw");
        for (int seed = 0; seed < 20; seed++) {
            int[] drawn = sampler.sample(train, scores, 1, new SplittableRandom(seed),
                    user -> user == 0 ? new int[] {3} : new int[0])[0];
            assertEquals(1, drawn.length, "the draw is not lost");
            assertTrue(drawn[0] == 1 || drawn[0] == 2 || drawn[0] == 4, "drew " + drawn[0]);
        }
    }
}
