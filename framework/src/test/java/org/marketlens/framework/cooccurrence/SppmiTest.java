package org.marketlens.framework.cooccurrence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SppmiTest {
    /** MODELS.md §2.4 hand example: users liking {1,2}, {1,2}, {2,3} (here items 0, 1, 2). */
    private static final SparseRows LIKED = SparseRows.ofSets(3, new int[][] {{0, 1}, {0, 1}, {1, 2}});

    @Test
    void countsAreUsersLikingBothWithZeroDiagonal() {
        SparseRows counts = CooccurrenceCounts.of(LIKED, 0, 1);
        assertEquals(2f, counts.get(0, 1));
        assertEquals(2f, counts.get(1, 0));
        assertEquals(1f, counts.get(1, 2));
        assertEquals(1f, counts.get(2, 1));
        assertEquals(0f, counts.get(0, 2));
        assertEquals(0f, counts.get(1, 1));
        assertEquals(4, counts.nonZeros());
        assertEquals(6, CooccurrenceCounts.pairs(LIKED));
    }

    @Test
    void sppmiMatchesHandComputedPmi() {
        SparseRows x = Sppmi.of(CooccurrenceCounts.of(LIKED, 0, 1), 1);
        // #(1)=2, #(2)=3, #(3)=1, |D|=6: PMI(1,2) = ln(2·6/(2·3)) = ln 2, PMI(2,3) = ln(1·6/(3·1)) = ln 2.
        assertEquals(Math.log(2), x.get(0, 1), 1e-6);
        assertEquals(Math.log(2), x.get(1, 2), 1e-6);
        assertEquals(Math.log(2), x.get(2, 1), 1e-6);
    }

    @Test
    void shiftRemovesCellsAtOrBelowLnS() {
        // ln 2 − ln 2 = 0: nothing stays positive.
        assertEquals(0, Sppmi.of(CooccurrenceCounts.of(LIKED, 0, 1), 2).nonZeros());
        SparseRows half = Sppmi.of(CooccurrenceCounts.of(LIKED, 0, 1), 1.5);
        assertEquals(Math.log(2) - Math.log(1.5), half.get(0, 1), 1e-6);
    }

    @Test
    void userPairsComeFromTheTranspose() {
        // Users 0 and 1 share items 0 and 1; users 1 and 2 share item 1.
        SparseRows counts = CooccurrenceCounts.of(LIKED.transpose(), 0, 1);
        assertEquals(2f, counts.get(0, 1));
        assertEquals(1f, counts.get(1, 2));
        assertEquals(1f, counts.get(0, 2));
    }

    @Test
    void capLimitsEachGroupToCapPlusOneMembers() {
        SparseRows one = SparseRows.ofSets(5, new int[][] {{0, 1, 2, 3, 4}});
        SparseRows capped = CooccurrenceCounts.of(one, 2, 7);
        // 3 kept members give 3·2 ordered pairs.
        double total = 0;
        for (float v : capped.values()) {
            total += v;
        }
        assertEquals(6, total);
    }

    @Test
    void shiftBelowOneIsRejected() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Sppmi.of(CooccurrenceCounts.of(LIKED, 0, 1), 0.5));
    }
}
