package org.marketlens.sampler.uniform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.marketlens.api.data.InteractionData;
import org.marketlens.framework.data.DenseIdMap;
import org.marketlens.framework.data.Interactions;
import org.marketlens.framework.data.InteractionsBuilder;
import org.junit.jupiter.api.Test;

class UniformSamplerTest {
    private static final int ITEMS = 100;
    /** 99.9 % quantiles of chi-square with 2 and 59 degrees of freedom. */
    private static final double CHI2_2_999 = 13.82;
    private static final double CHI2_59_999 = 98.32;

    /** User 0: items 0..39 (60 unobserved); user 1: all but 10, 50, 90 (rejection often falls back); user 2: all. */
    private static InteractionData train() {
        InteractionsBuilder b = Interactions.builder(DenseIdMap.identity(3), DenseIdMap.identity(ITEMS));
        for (int i = 0; i < 40; i++) {
            b.add(0, i, InteractionData.NO_RATING, InteractionData.NO_TIME, InteractionData.NO_GROUP);
        }
        for (int i = 0; i < ITEMS; i++) {
            if (i != 10 && i != 50 && i != 90) {
                b.add(1, i, InteractionData.NO_RATING, InteractionData.NO_TIME, InteractionData.NO_GROUP);
            }
            b.add(2, i, InteractionData.NO_RATING, InteractionData.NO_TIME, InteractionData.NO_GROUP);
        }
        return b.build();
    }

    private static int[] counts(InteractionData train, int user, int draws, long seed) {
        int[] users = new int[draws];
        Arrays.fill(users, user);
        int[] negatives = new int[draws];
        new UniformSampler().sample(train, users, new int[draws], negatives, new SplittableRandom(seed));
        int[] counts = new int[ITEMS];
        for (int n : negatives) {
            assertFalse(train.contains(user, n), "negative " + n + " is a training positive of user " + user);
            counts[n]++;
        }
        return counts;
    }

    private static double chiSquare(int[] counts, int[] categories, int draws) {
        double expected = (double) draws / categories.length;
        double chi2 = 0;
        for (int c : categories) {
            chi2 += (counts[c] - expected) * (counts[c] - expected) / expected;
        }
        return chi2;
    }

    @Test
    void negativesAreNeverTrainingPositivesAndUniformOverTheComplement() {
        InteractionData train = train();
        int draws = 60_000;
        int[] counts = counts(train, 0, draws, 7);
        int[] complement = java.util.stream.IntStream.range(40, ITEMS).toArray();
        assertEquals(draws, Arrays.stream(complement).map(i -> counts[i]).sum());
        double chi2 = chiSquare(counts, complement, draws);
        assertTrue(chi2 < CHI2_59_999, "chi-square " + chi2 + " with 59 dof is too large for a uniform draw");
    }

    @Test
    void nearlyFullUserStillGetsUniformNegatives() {
        InteractionData train = train();
        int draws = 30_000;
        int[] counts = counts(train, 1, draws, 11);
        int[] complement = {10, 50, 90};
        assertEquals(draws, counts[10] + counts[50] + counts[90]);
        double chi2 = chiSquare(counts, complement, draws);
        assertTrue(chi2 < CHI2_2_999, "chi-square " + chi2 + " with 2 dof is too large for a uniform draw");
    }

    @Test
    void sameSeedGivesSameNegatives() {
        InteractionData train = train();
        assertTrue(Arrays.equals(counts(train, 0, 500, 3), counts(train, 0, 500, 3)));
    }

    @Test
    void userWithEveryItemIsAnError() {
        InteractionData train = train();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new UniformSampler()
                .sample(train, new int[] {2}, new int[] {0}, new int[1], new SplittableRandom(1)));
        assertTrue(e.getMessage().contains("all 100 items"), e.getMessage());
    }

    @Test
    void mismatchedArraysAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new UniformSampler()
                .sample(train(), new int[2], new int[2], new int[1], new SplittableRandom(1)));
    }
}
