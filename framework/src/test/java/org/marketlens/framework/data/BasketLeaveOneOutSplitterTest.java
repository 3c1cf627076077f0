package org.marketlens.framework.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.marketlens.api.data.EvalCase;
import org.marketlens.api.data.InteractionData;
import org.marketlens.api.data.Split;
import org.marketlens.framework.train.ContextWindows;

class BasketLeaveOneOutSplitterTest {
    private static final float NR = InteractionData.NO_RATING;
    private static final long NT = InteractionData.NO_TIME;

    /**
     * 20 items, no times (file order), transaction ids 0 and 1 per user. u0: basket 0 = {0,1,2,3,4}, basket 1 =
     * {5,6,7,8,9} with its items interleaved with basket 0 in storage, last stored item 9 -> test 9; u1: basket 0 =
     * {0,1,5,6,7,8,9}, basket 1 = {2,3} (last basket too small: wholly training); u2: basket 0 = {1,2,3}, basket 1 =
     * {4,5,15}, test 15 which nobody else has (cold, dropped, A-4).
     */
    private static InteractionData data() {
        return Interactions.builder(DenseIdMap.identity(3), DenseIdMap.identity(20))
                .add(0, 0, NR, NT, 0).add(0, 1, NR, NT, 0).add(0, 5, NR, NT, 1).add(0, 2, NR, NT, 0)
                .add(0, 6, NR, NT, 1).add(0, 3, NR, NT, 0).add(0, 4, NR, NT, 0).add(0, 7, NR, NT, 1)
                .add(0, 8, NR, NT, 1).add(0, 9, NR, NT, 1)
                .add(1, 0, NR, NT, 0).add(1, 1, NR, NT, 0).add(1, 5, NR, NT, 0).add(1, 6, NR, NT, 0)
                .add(1, 7, NR, NT, 0).add(1, 8, NR, NT, 0).add(1, 9, NR, NT, 0).add(1, 2, NR, NT, 1).add(1, 3, NR, NT, 1)
                .add(2, 1, NR, NT, 0).add(2, 2, NR, NT, 0).add(2, 3, NR, NT, 0)
                .add(2, 4, NR, NT, 1).add(2, 5, NR, NT, 1).add(2, 15, NR, NT, 1)
                .build();
    }

    @Test
    void lastItemOfLastBasketIsTestAndContextsAreItsBasketMates() {
        InteractionData all = data();
        Set<Integer> validationItemsSeen = new HashSet<>();
        for (long seed = 0; seed < 30; seed++) {
            Split s = new BasketLeaveOneOutSplitter(5).split(all, "basket", seed);
            assertEquals(all.size() - 4, s.train().size(), "u0 and u2 each hold out two items");
            assertEquals(1, s.test().size(), "u2's test item 15 is cold");
            assertEquals(1, s.facts().get("droppedColdCases"));
            assertEquals(1, s.facts().get("usersLastBasketUnder3Items"));
            assertEquals(2, s.validation().size());
            EvalCase test = s.test().get(0);
            assertEquals(0, test.user());
            assertEquals(1, test.group());
            assertArrayEquals(new int[] {9}, test.positives());
            assertArrayEquals(new int[] {5, 6, 7, 8}, test.context(), "basket minus the test item, dev item kept");
            for (EvalCase v : s.validation()) {
                int dev = v.positives()[0];
                assertEquals(1, v.group());
                if (v.user() == 0) {
                    validationItemsSeen.add(dev);
                    assertTrue(dev >= 5 && dev <= 8, "dev item from the test basket, not the test item: " + dev);
                    int[] expected = java.util.stream.IntStream.rangeClosed(5, 8).filter(i -> i != dev).toArray();
                    assertArrayEquals(expected, v.context(), "basket minus test and dev items");
                } else {
                    assertEquals(2, v.user());
                    assertTrue(dev == 4 || dev == 5);
                    assertArrayEquals(new int[] {dev == 4 ? 5 : 4}, v.context());
                }
            }
            assertArrayEquals(new int[] {0, 1, 5, 6, 7, 8, 9, 2, 3}, s.train().itemsOf(1), "u1 keeps everything");
            checkNoLeak(all, s);
        }
        assertEquals(Set.of(5, 6, 7, 8), validationItemsSeen, "the dev item is random over the basket");
    }

    /**
     * No held-out (user, basket, item) is in training, no context contains its positive, training contexts of the
     * held-out basket hold training items only, and negatives are items the user never had.
     */
    private static void checkNoLeak(InteractionData all, Split s) {
        InteractionData train = s.train();
        ContextWindows windows = new ContextWindows(20);
        int[] context = new int[20];
        float[] mask = new float[20];
        for (var cases : java.util.List.of(s.validation(), s.test())) {
            for (EvalCase c : cases) {
                int positive = c.positives()[0];
                assertFalse(Arrays.stream(c.context()).anyMatch(i -> i == positive), "context holds the target");
                for (int k = train.userStart(c.user()); k < train.userEnd(c.user()); k++) {
                    assertFalse(train.group(k) == c.group() && train.item(k) == positive,
                            "held-out item " + positive + " of user " + c.user() + " is a training instance");
                    if (train.group(k) == c.group()) {
                        int n = windows.fillTraining(train, c.user(), k, context, mask, 0);
                        long mates = java.util.stream.IntStream.range(train.userStart(c.user()),
                                train.userEnd(c.user())).filter(j -> train.group(j) == c.group()).count() - 1;
                        assertEquals(mates, n, "the context is the other training items of the basket");
                        for (int t = 0; t < n; t++) {
                            assertFalse(context[t] == positive, "a training context holds held-out item " + positive);
                        }
                    }
                }
                for (int negative : c.negatives()) {
                    assertFalse(all.contains(c.user(), negative), "negative " + negative + " was observed");
                }
                assertEquals(5, Arrays.stream(c.negatives()).distinct().count());
            }
        }
    }

    @Test
    void sameSeedSameSplit() {
        Split a = new BasketLeaveOneOutSplitter(5).split(data(), "basket", 7);
        Split b = new BasketLeaveOneOutSplitter(5).split(data(), "basket", 7);
        assertEquals(a.facts().get("testChecksum"), b.facts().get("testChecksum"));
        assertArrayEquals(a.validation().get(0).positives(), b.validation().get(0).positives());
    }

    @Test
    void ungroupedDataIsRejected() {
        InteractionData plain = Interactions.builder(DenseIdMap.identity(1), DenseIdMap.identity(5))
                .add(0, 1, NR, NT, InteractionData.NO_GROUP).add(0, 2, NR, NT, InteractionData.NO_GROUP)
                .add(0, 3, NR, NT, InteractionData.NO_GROUP).build();
        assertThrows(IllegalArgumentException.class, () -> new BasketLeaveOneOutSplitter(1).split(plain, "b", 0));
    }
}
