package org.marketlens.framework.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.marketlens.api.data.EvalCase;
import org.marketlens.api.data.InteractionData;
import org.marketlens.api.data.Split;
import org.junit.jupiter.api.Test;

class LeaveOneOutSplitterTest {
    private static final float NR = InteractionData.NO_RATING;
    private static final int NG = InteractionData.NO_GROUP;

    /**
     * 12 items. u0: 1 (t20), 0 (t10), 3 (t40), 2 (t30) -> test item 3; u1: 0, 1 (too short, stays in training);
     * u2: 1, 2, 11 -> test item 11, which no one else has (cold, dropped, A-4); u3: 2, 3 (too short).
     */
    private static InteractionData data() {
        return Interactions.builder(DenseIdMap.identity(4), DenseIdMap.identity(12))
                .add(0, 1, NR, 20, NG).add(0, 0, NR, 10, NG).add(0, 3, NR, 40, NG).add(0, 2, NR, 30, NG)
                .add(1, 0, NR, 5, NG).add(1, 1, NR, 6, NG)
                .add(2, 1, NR, 1, NG).add(2, 2, NR, 2, NG).add(2, 11, NR, 3, NG)
                .add(3, 2, NR, 1, NG).add(3, 3, NR, 2, NG)
                .build();
    }

    @Test
    void lastInteractionIsTestOneRandomEarlierIsValidationAndColdCasesAreDropped() {
        InteractionData all = data();
        for (long seed = 0; seed < 20; seed++) {
            Split s = new LeaveOneOutSplitter(3).split(all, "loo", seed);
            assertEquals("loo", s.protocol());
            assertEquals(7, s.train().size());
            assertEquals(1, s.test().size());
            assertEquals(2, s.validation().size());
            assertEquals(1, s.facts().get("droppedColdCases"));
            EvalCase test = s.test().get(0);
            assertEquals(0, test.user());
            assertArrayEquals(new int[] {3}, test.positives());
            assertArrayEquals(new int[] {0, 1}, s.train().itemsOf(1));
            assertArrayEquals(new int[] {2, 3}, s.train().itemsOf(3));
            for (EvalCase c : s.validation()) {
                int p = c.positives()[0];
                assertTrue(c.user() == 0 ? p <= 2 : p == 1 || p == 2, "validation item " + p + " of user " + c.user());
                assertArrayEquals(s.train().itemsOf(c.user()), c.context());
            }
            checkHeldOutAndNegatives(all, s, 3);
        }
    }

    @Test
    void withoutTimesTheTestItemIsRandomButSeeded() {
        long t = InteractionData.NO_TIME;
        // u0 holds items 0..3 in source order; u1 {0, 1} and u2 {2, 3} keep every item in training
        InteractionData all = Interactions.builder(DenseIdMap.identity(3), DenseIdMap.identity(30))
                .add(0, 0, NR, t, NG).add(0, 1, NR, t, NG).add(0, 2, NR, t, NG).add(0, 3, NR, t, NG)
                .add(1, 0, NR, t, NG).add(1, 1, NR, t, NG).add(2, 2, NR, t, NG).add(2, 3, NR, t, NG).build();
        LeaveOneOutSplitter splitter = new LeaveOneOutSplitter(5);
        java.util.Set<Integer> testItems = new java.util.HashSet<>();
        for (long seed = 0; seed < 40; seed++) {
            Split s = splitter.split(all, "loo", seed);
            assertEquals(1, s.test().size());
            assertEquals(1, s.validation().size());
            int test = s.test().get(0).positives()[0];
            assertTrue(test != s.validation().get(0).positives()[0]);
            testItems.add(test);
            assertEquals(s.facts().get("testChecksum"), splitter.split(all, "loo", seed).facts().get("testChecksum"));
            checkHeldOutAndNegatives(all, s, 5);
        }
        assertEquals(4, testItems.size(), "every item of u0 is the test item for some seed: " + testItems);
    }

    @Test
    void tooFewUnobservedItemsIsAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new LeaveOneOutSplitter(9).split(data(), "loo", 1));
        assertTrue(e.getMessage().contains("cannot sample 9"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new LeaveOneOutSplitter(0));
    }

    /** No held-out positive is in training; negatives are distinct and never observed by the user in any split. */
    static void checkHeldOutAndNegatives(InteractionData all, Split s, int negatives) {
        for (List<EvalCase> cases : List.of(s.validation(), s.test())) {
            for (EvalCase c : cases) {
                for (int p : c.positives()) {
                    assertFalse(s.train().contains(c.user(), p));
                }
                assertEquals(negatives, c.negatives().length);
                assertEquals(negatives, Arrays.stream(c.negatives()).distinct().count());
                for (int n : c.negatives()) {
                    assertFalse(all.contains(c.user(), n), "negative " + n + " observed by user " + c.user());
                }
            }
        }
    }
}
