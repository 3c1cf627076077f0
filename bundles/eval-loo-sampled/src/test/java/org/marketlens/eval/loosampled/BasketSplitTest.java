package org.marketlens.eval.loosampled;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.marketlens.api.data.Dataset;
import org.marketlens.api.data.EvalCase;
import org.marketlens.api.data.InteractionData;
import org.marketlens.api.data.Split;
import org.marketlens.framework.data.DenseIdMap;
import org.marketlens.framework.data.Interactions;

/** {@code split=basket} selects the basket task's leave-one-out (MODELS.md §4.1, A-40). */
class BasketSplitTest {
    private static final float NR = InteractionData.NO_RATING;
    private static final long NT = InteractionData.NO_TIME;

    @Test
    void basketSplitHoldsOutTheLastItemOfTheLastTransactionWithItsBasketMatesAsContext() {
        // u0: transaction 0 = {0,1,2}, transaction 1 = {3,4,5,6}; u1 holds 3..6 too, so no held-out item is cold.
        Interactions data = Interactions.builder(DenseIdMap.identity(2), DenseIdMap.identity(12))
                .add(0, 0, NR, NT, 0).add(0, 1, NR, NT, 0).add(0, 2, NR, NT, 0)
                .add(0, 3, NR, NT, 1).add(0, 4, NR, NT, 1).add(0, 5, NR, NT, 1).add(0, 6, NR, NT, 1)
                .add(1, 3, NR, NT, 0).add(1, 4, NR, NT, 0).add(1, 5, NR, NT, 0).add(1, 6, NR, NT, 0)
                .add(1, 0, NR, NT, 1).build();
        Dataset ds = new Dataset("t", data, Optional.empty(), Map.of());
        Split s = new LooSampledEvaluator().split(ds, Map.of("split", "basket", "negatives", 3), 5);
        EvalCase test = s.test().stream().filter(c -> c.user() == 0).findFirst().orElseThrow();
        assertArrayEquals(new int[] {6}, test.positives());
        assertEquals(1, test.group());
        assertArrayEquals(new int[] {3, 4, 5}, test.context());
        // The interaction split of the same data holds out a random item and gives the whole history as context.
        Split plain = new LooSampledEvaluator().split(ds, Map.of("negatives", 3), 5);
        assertEquals(InteractionData.NO_GROUP, plain.test().get(0).group());
    }

    @Test
    void unknownSplitIsRejected() {
        Dataset ds = new Dataset("t", Interactions.builder(DenseIdMap.identity(1), DenseIdMap.identity(2))
                .add(0, 0, NR, NT, 0).build(), Optional.empty(), Map.of());
        assertThrows(IllegalArgumentException.class,
                () -> new LooSampledEvaluator().split(ds, Map.of("split", "session"), 1));
    }
}
