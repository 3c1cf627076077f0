package org.marketlens.framework.nn.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DropoutMaskTest {
    @Test
    void entriesAreZeroOrTheInverseKeepProbabilityAtTheRate() {
        DropoutMask mask = new DropoutMask(0.25, 100_000);
        // t = 2^29, so a kept entry is scaled by 2^31 / (2^31 − 2^29) = 4/3 exactly.
        assertEquals(4f / 3f, mask.scale());
        float[] keep = new float[100_000];
        mask.draw(new SplittableRandom(1), keep, 0, keep.length);
        int dropped = 0;
        double sum = 0;
        for (float k : keep) {
            assertTrue(k == 0f || k == 4f / 3f, "entry " + k);
            dropped += k == 0f ? 1 : 0;
            sum += k;
        }
        // Binomial(100000, 0.25): standard deviation 137, so ±1000 is over 7 deviations.
        assertEquals(25_000, dropped, 1000);
        assertEquals(1.0, sum / keep.length, 0.02, "inverted dropout keeps the mean");
    }

    /** Two entries per nextLong: bits 1..31 of its low half decide entry 0, of its high half entry 1. */
    @Test
    void entriesFollowTheGeneratorsBits() {
        DropoutMask mask = new DropoutMask(0.5, 3);
        SplittableRandom reference = new SplittableRandom(42);
        long first = reference.nextLong();
        long second = reference.nextLong();
        float s = mask.scale();
        assertEquals(2f, s);
        float[] expected = {((int) first >>> 1) >= (1 << 30) ? s : 0f, ((int) (first >>> 32) >>> 1) >= (1 << 30) ? s : 0f,
            ((int) second >>> 1) >= (1 << 30) ? s : 0f};
        float[] keep = new float[3];
        mask.draw(new SplittableRandom(42), keep, 0, 3);
        assertArrayEquals(expected, keep);
    }

    @Test
    void drawsAFreshMaskIntoTheRangeOnlyReproduciblyPerSeed() {
        DropoutMask mask = new DropoutMask(0.5, 64);
        float[] a = new float[70];
        float[] b = new float[70];
        java.util.Arrays.fill(a, -1f);
        java.util.Arrays.fill(b, -1f);
        mask.draw(new SplittableRandom(7), a, 3, 67);
        mask.draw(new SplittableRandom(7), b, 3, 67);
        assertArrayEquals(a, b, "same seed, same mask");
        for (int i : new int[] {0, 1, 2, 67, 68, 69}) {
            assertEquals(-1f, a[i], "outside the range");
        }
        SplittableRandom random = new SplittableRandom(7);
        float[] first = new float[64];
        float[] next = new float[64];
        mask.draw(random, first, 0, 64);
        mask.draw(random, next, 0, 64);
        assertTrue(!java.util.Arrays.equals(first, next), "a fresh mask per draw");
        assertArrayEquals(java.util.Arrays.copyOfRange(a, 3, 67), first, "an offset range draws the same entries");
    }

    @Test
    void rateZeroKeepsEverythingAndRatesOutsideAreRefused() {
        DropoutMask none = new DropoutMask(0, 8);
        float[] keep = new float[8];
        none.draw(new SplittableRandom(3), keep, 0, 8);
        assertArrayEquals(new float[] {1, 1, 1, 1, 1, 1, 1, 1}, keep);
        for (double bad : new double[] {-0.1, 1.0, Double.NaN}) {
            assertThrows(IllegalArgumentException.class, () -> new DropoutMask(bad, 1), "rate " + bad);
        }
        assertThrows(IllegalArgumentException.class, () -> none.draw(new SplittableRandom(3), new float[9], 0, 9));
    }
}
