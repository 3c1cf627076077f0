package org.marketlens.model.rme;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.SplittableRandom;
import org.marketlens.api.data.InteractionData;
import org.marketlens.api.rec.Query;
import org.marketlens.api.rec.Recommender;
import org.marketlens.api.train.DislikeSampler;
import org.marketlens.framework.data.DenseIdMap;
import org.marketlens.framework.data.Interactions;
import org.marketlens.framework.data.InteractionsBuilder;
import org.marketlens.framework.testing.FixedTrainingContext;
import org.marketlens.model.wmf.WmfProvider;
import org.marketlens.sampler.em.EmDislikeSampler;
import org.junit.jupiter.api.Test;

class RmeProviderTest {
    /** 30 users, 25 items, ratings 1..5 drawn so that every user has likes and dislikes. */
    private static InteractionData rated(boolean withRatings) {
        SplittableRandom random = new SplittableRandom(4);
        InteractionsBuilder b = Interactions.builder(DenseIdMap.identity(30), DenseIdMap.identity(25));
        for (int u = 0; u < 30; u++) {
            for (int i = 0; i < 25; i++) {
                if (random.nextInt(3) == 0) {
                    float rating = withRatings ? 1 + random.nextInt(5) : InteractionData.NO_RATING;
                    b.add(u, i, rating, InteractionData.NO_TIME, InteractionData.NO_GROUP);
                }
            }
        }
        return b.build();
    }

    private static final Map<String, Object> SMALL = Map.of("k", 5, "lambda", 0.5, "threads", 2);

    @Test
    void withCooccurrenceWeightZeroRmeScoresLikeWmf() {
        InteractionData train = rated(true);
        Recommender wmf = new WmfProvider().train(train, SMALL, new FixedTrainingContext(7, 4, 1));
        Map<String, Object> params = new java.util.HashMap<>(SMALL);
        params.put("w", 0.0);
        Recommender rme = new RmeProvider().train(train, params, new FixedTrainingContext(7, 4, 1));
        for (int u = 0; u < 30; u++) {
            assertArrayEquals(wmf.scoreAll(Query.of(u)), rme.scoreAll(Query.of(u)), 1e-5f, "user " + u);
        }
    }

    @Test
    void cooccurrenceTermsChangeTheModel() {
        InteractionData train = rated(true);
        Recommender wmf = new WmfProvider().train(train, SMALL, new FixedTrainingContext(7, 4, 1));
        Recommender rme = new RmeProvider().train(train, SMALL, new FixedTrainingContext(7, 4, 1));
        float[] a = wmf.scoreAll(Query.of(0));
        float[] b = rme.scoreAll(Query.of(0));
        double diff = 0;
        for (int i = 0; i < a.length; i++) {
            diff += Math.abs(a[i] - b[i]);
        }
        assertTrue(diff > 1e-3, "RME should differ from WMF when w = 1");
    }

    @Test
    void savedModelReloadsAndScoresIdentically() throws IOException {
        RmeProvider provider = new RmeProvider();
        Recommender model = provider.train(rated(true), Map.of("k", 5, "variant", "U_RME"), new FixedTrainingContext(3, 3, 1));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        model.save(bytes);
        Recommender loaded = provider.load(new ByteArrayInputStream(bytes.toByteArray()));
        for (int u = 0; u < 30; u++) {
            assertArrayEquals(model.scoreAll(Query.of(u)), loaded.scoreAll(Query.of(u)), 0f);
        }
        assertThrows(IOException.class, () -> new WmfProvider().load(new ByteArrayInputStream(bytes.toByteArray())));
    }

    @Test
    void earlyStoppingKeepsTheBestIterate() {
        int[] calls = {0};
        // Validation improves twice then drops: training must stop after iteration 3 (patience 1).
        double[] values = {0.1, 0.3, 0.2, 0.9, 0.9};
        FixedTrainingContext ctx = new FixedTrainingContext(1, 10, 1)
                .validation(r -> java.util.OptionalDouble.of(values[calls[0]++]));
        new RmeProvider().train(rated(true), SMALL, ctx);
        assertEquals(3, calls[0]);
        assertEquals(2, ctx.recorded.get("bestIteration"));
    }

    @Test
    void implicitDataRunsAlgorithmTwoWithTheEmSampler() {
        InteractionData train = rated(false);
        int[] step = {0};
        FixedTrainingContext ctx = new FixedTrainingContext(5, 3, 1)
                .register(DislikeSampler.class, "em", new EmDislikeSampler())
                .validation(r -> java.util.OptionalDouble.of(1.0 / (1 + step[0]++ % 3)));
        Recommender model = new RmeProvider().train(train, SMALL, ctx);
        assertEquals(25, model.numItems());
        assertTrue(ctx.recorded.containsKey("emIterations"));
    }

    @Test
    void implicitDataWithoutASamplerFailsClearly() {
        assertThrows(IllegalStateException.class,
                () -> new RmeProvider().train(rated(false), SMALL, new FixedTrainingContext(5, 2, 1)));
    }

    @Test
    void unknownVariantIsRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> new RmeProvider().train(rated(true), Map.of("variant", "X_RME"), new FixedTrainingContext(5, 2, 1)));
    }
}
