package org.marketlens.framework.preprocess;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.marketlens.framework.preprocess.PreprocessFixtures.rows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.marketlens.framework.data.Interactions;

class UserSequencesTest {
    @Test
    void longTermCapIsTheBoxplotUpperFence() {
        // Sequence lengths 1, 2, 3, 4, 10: Q1 = 2 (position 1), Q3 = 4 (position 3), IQR = 2 -> l = 4 + 3 = 7.
        List<String> r = new ArrayList<>();
        int[] lengths = {1, 2, 3, 4, 10};
        for (int u = 0; u < lengths.length; u++) {
            for (int i = 0; i < lengths[u]; i++) {
                r.add("u" + u + " i" + i);
            }
        }
        assertEquals(7, UserSequences.longTermCap(rows(r.toArray(new String[0]))));
    }

    @Test
    void quartilesInterpolateLinearly() {
        // 1, 2, 3, 4: Q1 at position 0.75 -> 1.75, Q3 at position 2.25 -> 3.25
        int[] sorted = {1, 2, 3, 4};
        assertEquals(1.75, UserSequences.quantile(sorted, 0.25), 1e-12);
        assertEquals(3.25, UserSequences.quantile(sorted, 0.75), 1e-12);
    }

    @Test
    void shortAndLongTermAreDisjointAndLongTermKeepsTheMostRecent() {
        int[] history = {10, 11, 12, 13, 14, 15, 16, 17, 18};
        assertArrayEquals(new int[] {14, 15, 16, 17, 18}, UserSequences.shortTerm(history, 5));
        assertArrayEquals(new int[] {10, 11, 12, 13}, UserSequences.longTerm(history, 5, 100));
        assertArrayEquals(new int[] {12, 13}, UserSequences.longTerm(history, 5, 2));
        assertArrayEquals(new int[] {1, 2}, UserSequences.shortTerm(new int[] {1, 2}, 5));
        assertArrayEquals(new int[0], UserSequences.longTerm(new int[] {1, 2}, 5, 3));
    }

    @Test
    void recentBeforeExcludesTheTarget() {
        int[] history = {10, 11, 12, 13};
        assertArrayEquals(new int[] {11, 12}, UserSequences.recentBefore(history, 3, 2));
        assertArrayEquals(new int[0], UserSequences.recentBefore(history, 0, 2));
    }

    @Test
    void historiesAreChronological() {
        Interactions data = rows("a x - 30", "a y - 10", "a z - 20");
        int[] history = data.itemsOf(0);
        assertArrayEquals(new int[] {data.items().index("y"), data.items().index("z"), data.items().index("x")},
                history);
    }
}
