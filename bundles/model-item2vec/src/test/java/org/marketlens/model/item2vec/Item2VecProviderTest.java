package org.marketlens.model.item2vec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.marketlens.api.data.InteractionData;
import org.marketlens.api.rec.Query;
import org.marketlens.api.rec.Recommender;
import org.marketlens.framework.data.DenseIdMap;
import org.marketlens.framework.data.Interactions;
import org.marketlens.framework.data.InteractionsBuilder;
import org.marketlens.framework.testing.FixedTrainingContext;

class Item2VecProviderTest {
    /** Two disjoint tastes: users 0..19 like items 0..4, users 20..39 like items 5..9. */
    private static InteractionData twoClusters() {
        InteractionsBuilder b = Interactions.builder(DenseIdMap.identity(40), DenseIdMap.identity(10));
        for (int u = 0; u < 40; u++) {
            int from = u < 20 ? 0 : 5;
            for (int i = from; i < from + 5; i++) {
                if ((u + i) % 5 != 0) {
                    b.add(u, i, InteractionData.NO_RATING, InteractionData.NO_TIME, InteractionData.NO_GROUP);
                }
            }
        }
        return b.build();
    }

    @Test
    void itemsOfTheSameTasteScoreHigher() {
        Recommender model = new Item2VecProvider().train(twoClusters(), Map.of("k", 8), new FixedTrainingContext(1, 30, 1));
        // User 0 misses item 0 ((0+0)%5 == 0): it must outrank every item of the other cluster.
        float[] s = model.scoreAll(Query.of(0));
        for (int i = 5; i < 10; i++) {
            assertTrue(s[0] > s[i], "item 0 (own taste) vs item " + i);
        }
    }

    @Test
    void savedModelReloadsAndScoresIdentically() throws IOException {
        Item2VecProvider provider = new Item2VecProvider();
        Recommender model = provider.train(twoClusters(), Map.of("k", 4), new FixedTrainingContext(1, 2, 1));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        model.save(bytes);
        Recommender loaded = provider.load(new ByteArrayInputStream(bytes.toByteArray()));
        for (int u = 0; u < 40; u++) {
            assertArrayEquals(model.scoreAll(Query.of(u)), loaded.scoreAll(Query.of(u)), 0f);
        }
    }

    @Test
    void runsTheWholeScheduleThroughAValidationDipAndKeepsTheBestEpoch() {
        double[] curve = {0.30, 0.20, 0.10, 0.50, 0.40, 0.45, 0.41, 0.42, 0.43, 0.44};
        int[] calls = {0};
        FixedTrainingContext ctx = new FixedTrainingContext(1, 30, 1)
                .validation(r -> java.util.OptionalDouble.of(curve[calls[0]++]));
        new Item2VecProvider().train(twoClusters(), Map.of("k", 4), ctx);
        assertEquals(10, calls[0], "patience 1 must not end the default 10-epoch schedule at the first dip");
        assertEquals(4, ctx.recorded.get("bestEpoch"));
    }

    @Test
    void scheduleIsCappedByTheRunsMaximumEpochs() {
        int[] calls = {0};
        FixedTrainingContext ctx = new FixedTrainingContext(1, 3, 1)
                .validation(r -> java.util.OptionalDouble.of(++calls[0]));
        new Item2VecProvider().train(twoClusters(), Map.of("k", 4, "epochs", 8), ctx);
        assertEquals(3, calls[0]);
    }
}
