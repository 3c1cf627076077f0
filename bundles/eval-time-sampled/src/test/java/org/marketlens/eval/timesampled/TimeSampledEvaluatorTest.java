package org.marketlens.eval.timesampled;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.marketlens.api.data.Dataset;
import org.marketlens.api.data.EvalCase;
import org.marketlens.api.data.InteractionData;
import org.marketlens.api.data.Split;
import org.marketlens.api.eval.EvaluationResult;
import org.marketlens.api.rec.Query;
import org.marketlens.api.rec.Recommender;
import org.marketlens.framework.data.Interactions;
import org.marketlens.framework.data.InteractionsBuilder;

class TimeSampledEvaluatorTest {
    @Test
    void hitDefinitionsOnTwoPositivesByHand() {
        int[] ranks = {0, 5};
        // Alone against negatives the second positive ranks 5 - 1 = 4.
        assertEquals(1.0, new MultiPositiveHit(1, HitDefinition.RECALL).value(ranks, 2), 1e-12, "1 / min(1, 2)");
        assertEquals(0.5, new MultiPositiveHit(5, HitDefinition.RECALL).value(ranks, 2), 1e-12);
        assertEquals(1.0, new MultiPositiveHit(6, HitDefinition.RECALL).value(ranks, 2), 1e-12);
        assertEquals(0.0, new MultiPositiveHit(5, HitDefinition.ALL).value(ranks, 2), 1e-12);
        assertEquals(1.0, new MultiPositiveHit(6, HitDefinition.ALL).value(ranks, 2), 1e-12);
        assertEquals(1.0, new MultiPositiveHit(1, HitDefinition.ANY).value(ranks, 2), 1e-12);
        assertEquals(0.5, new MultiPositiveHit(1, HitDefinition.PER_POSITIVE).value(ranks, 2), 1e-12);
        assertEquals(1.0, new MultiPositiveHit(5, HitDefinition.PER_POSITIVE).value(ranks, 2), 1e-12);
        assertEquals(0.0, new MultiPositiveHit(4, HitDefinition.ANY).value(new int[] {7}, 1), 1e-12);
    }

    private static Interactions randomTimed(int users, int items, int n, long seed) {
        InteractionsBuilder b = Interactions.builder();
        SplittableRandom r = new SplittableRandom(seed);
        for (int k = 0; k < n; k++) {
            b.add("u" + r.nextInt(users), "i" + r.nextInt(items), InteractionData.NO_RATING, r.nextInt(1_000_000),
                    InteractionData.NO_GROUP);
        }
        return b.build();
    }

    @Test
    void splitIsGlobalInTimeAndNothingHeldOutReachesTraining() {
        Interactions d = randomTimed(30, 200, 3000, 1);
        int[] partOf = new GlobalTimeSplit(0.1, 0.2, 50).assign(d);
        long maxTrain = Long.MIN_VALUE;
        long minValidation = Long.MAX_VALUE;
        long maxValidation = Long.MIN_VALUE;
        long minTest = Long.MAX_VALUE;
        for (int k = 0; k < d.size(); k++) {
            switch (partOf[k]) {
                case GlobalTimeSplit.TRAIN -> maxTrain = Math.max(maxTrain, d.timestamp(k));
                case GlobalTimeSplit.VALIDATION -> {
                    minValidation = Math.min(minValidation, d.timestamp(k));
                    maxValidation = Math.max(maxValidation, d.timestamp(k));
                }
                default -> minTest = Math.min(minTest, d.timestamp(k));
            }
        }
        assertTrue(maxTrain <= minValidation && maxValidation <= minTest, "train < validation < test in time");
        assertEquals(2100, IntStream.of(partOf).filter(p -> p == GlobalTimeSplit.TRAIN).count());
        assertEquals(600, IntStream.of(partOf).filter(p -> p == GlobalTimeSplit.TEST).count());

        Split split = new TimeSampledEvaluator().split(new Dataset("t", d, Optional.empty(), Map.of()),
                Map.of("negatives", 50), 9);
        assertFalse(split.test().isEmpty());
        for (List<EvalCase> cases : List.of(split.validation(), split.test())) {
            for (EvalCase c : cases) {
                assertEquals(50, c.negatives().length);
                assertEquals(50, IntStream.of(c.negatives()).distinct().count(), "without replacement");
                for (int neg : c.negatives()) {
                    assertFalse(d.contains(c.user(), neg), "a negative the user interacted with in some split");
                }
                for (int p : c.positives()) {
                    assertFalse(split.train().contains(c.user(), p), "held-out positive in training");
                    assertTrue(IntStream.of(c.context()).noneMatch(i -> i == p));
                }
            }
        }
    }

    @Test
    void dataWithoutTimesIsRejected() {
        InteractionsBuilder b = Interactions.builder();
        b.add("u", "i", InteractionData.NO_RATING, InteractionData.NO_TIME, InteractionData.NO_GROUP);
        assertThrows(IllegalArgumentException.class, () -> new TimeSampledEvaluator()
                .split(new Dataset("t", b.build(), Optional.empty(), Map.of()), Map.of(), 1));
    }

    @Test
    void sampledCasesRankAgainstTheirNegativesAndFullCasesAgainstEveryUnknownItem() {
        // Items 0..9 scored 10 - index. Train item 0; context (validation) item 1; test positive 4; negatives 7, 8, 9.
        InteractionsBuilder b = Interactions.builder();
        for (int i = 0; i < 10; i++) {
            b.add("u", "" + i, InteractionData.NO_RATING, i, InteractionData.NO_GROUP);
        }
        Interactions all = b.build();
        Interactions train = Interactions.subset(all, k -> all.item(k) == 0);
        Map<String, Object> params = Map.of("metrics", "HIT@1,HIT@3,NDCG@3");
        EvalCase sampled = new EvalCase(0, InteractionData.NO_GROUP, new int[] {0, 1}, new int[] {4}, new int[] {7, 8, 9});
        EvaluationResult r = new TimeSampledEvaluator().evaluate(new Descending(), train, List.of(sampled), params);
        assertEquals(List.of("HIT@1", "HIT@3", "NDCG@3"), r.metrics());
        assertEquals(1.0, r.mean("HIT@1"), 1e-12, "sampled: 4 beats 7, 8, 9");
        assertEquals(1.0, r.mean("NDCG@3"), 1e-12);
        EvalCase full = new EvalCase(0, InteractionData.NO_GROUP, new int[] {0, 1}, new int[] {4}, null);
        EvaluationResult f = new TimeSampledEvaluator().evaluate(new Descending(), train, List.of(full), params);
        // Full: 0 trained, 1 known from the context, so 2 and 3 rank above 4: rank 2.
        assertEquals(0.0, f.mean("HIT@1"), 1e-12);
        assertEquals(1.0, f.mean("HIT@3"), 1e-12);
        assertEquals(0.5, f.mean("NDCG@3"), 1e-12);
    }

    @Test
    void defaultMetricsAreHitAndNdcgAtFiveCutoffs() {
        var names = TimeSampledEvaluator.metrics(null, HitDefinition.RECALL).stream().map(m -> m.name()).toList();
        assertEquals("NDCG@100", names.get(0));
        assertEquals(10, names.size());
        assertTrue(names.containsAll(List.of("HIT@1", "HIT@100", "NDCG@1", "NDCG@50")));
    }

    private static final class Descending implements Recommender {
        @Override
        public int numItems() {
            return 10;
        }

        @Override
        public float[] score(Query query, int[] items) {
            float[] s = new float[items.length];
            for (int c = 0; c < items.length; c++) {
                s[c] = 10 - items[c];
            }
            return s;
        }

        @Override
        public void save(OutputStream out) {
        }
    }
}
