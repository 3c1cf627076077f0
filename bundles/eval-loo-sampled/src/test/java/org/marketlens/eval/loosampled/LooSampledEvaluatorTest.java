package org.marketlens.eval.loosampled;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.marketlens.api.data.Dataset;
import org.marketlens.api.data.EvalCase;
import org.marketlens.api.data.InteractionData;
import org.marketlens.api.data.Split;
import org.marketlens.api.eval.EvaluationResult;
import org.marketlens.api.rec.Query;
import org.marketlens.api.rec.Recommender;
import org.marketlens.data.synthetic.SyntheticLoader;
import org.marketlens.framework.data.DenseIdMap;
import org.marketlens.framework.data.Interactions;
import org.marketlens.framework.data.InteractionsBuilder;
import org.junit.jupiter.api.Test;

class LooSampledEvaluatorTest {
    private static final LooSampledEvaluator EVALUATOR = new LooSampledEvaluator();
    private static final double EPS = 1e-12;

    /** Scores item i with {@code scores[i]} for every user. */
    private record FixedScores(float[] scores) implements Recommender {
        @Override
        public int numItems() {
            return scores.length;
        }

        @Override
        public float[] score(Query query, int[] items) {
            float[] out = new float[items.length];
            for (int c = 0; c < items.length; c++) {
                out[c] = scores[items[c]];
            }
            return out;
        }

        @Override
        public void save(OutputStream out) {
            throw new UnsupportedOperationException("test model");
        }
    }

    private static final Recommender MODEL = new FixedScores(new float[] {0.5f, 0.9f, 0.5f, 0.1f, 0.7f, 0.5f});
    /** Positive 0 (0.5) against 1 (0.9), 2 (0.5), 3 (0.1), 4 (0.7), 5 (0.5): 2 above, 2 tied. */
    private static final EvalCase TIED = new EvalCase(0, InteractionData.NO_GROUP, null, new int[] {0},
            new int[] {1, 2, 3, 4, 5});
    /** Positive 3 (0.1) against 1 and 2: rank 2 under both rules. */
    private static final EvalCase LOW = new EvalCase(1, InteractionData.NO_GROUP, null, new int[] {3}, new int[] {1, 2});

    private static EvaluationResult evaluate(Map<String, Object> params) {
        return EVALUATOR.evaluate(MODEL, null, List.of(TIED, LOW), params);
    }

    @Test
    void defaultsArePessimisticNdcgThenHitAtTen() {
        EvaluationResult r = evaluate(Map.of());
        assertEquals(List.of("NDCG@10", "HIT@10"), r.metrics());
        assertEquals("NDCG@10", r.primaryMetric());
        assertEquals("loo-sampled", r.protocol());
        assertArrayEquals(new int[] {0, 1}, r.users());
        // pessimistic: the tied case has rank 4, the low case rank 2
        assertArrayEquals(new double[] {1 / log2(6), 1 / log2(4)}, r.values().get("NDCG@10"), EPS);
        assertArrayEquals(new double[] {1, 1}, r.values().get("HIT@10"), EPS);
    }

    @Test
    void tiesCountAgainstThePositiveUnlessOptimistic() {
        EvaluationResult pessimistic = evaluate(Map.of("metrics", List.of("HIT@3", "NDCG@5"), "ties", "pessimistic"));
        assertArrayEquals(new double[] {0, 1}, pessimistic.values().get("HIT@3"), EPS);
        assertArrayEquals(new double[] {1 / log2(6), 0.5}, pessimistic.values().get("NDCG@5"), EPS);
        EvaluationResult optimistic = evaluate(Map.of("metrics", "HIT@3, NDCG@5", "ties", "optimistic"));
        // optimistic: the tied case has rank 2 (only 0.9 and 0.7 are strictly higher)
        assertArrayEquals(new double[] {1, 1}, optimistic.values().get("HIT@3"), EPS);
        assertArrayEquals(new double[] {0.5, 0.5}, optimistic.values().get("NDCG@5"), EPS);
        assertEquals(0.5, pessimistic.mean("HIT@3"), EPS);
    }

    @Test
    void cutOffIsExclusiveOnZeroBasedRanks() {
        EvaluationResult r = evaluate(Map.of("metrics", List.of("HIT@4", "HIT@5", "NDCG@4")));
        assertArrayEquals(new double[] {0, 1}, r.values().get("HIT@4"), EPS);
        assertArrayEquals(new double[] {1, 1}, r.values().get("HIT@5"), EPS);
        assertArrayEquals(new double[] {0, 0.5}, r.values().get("NDCG@4"), EPS);
    }

    @Test
    void badParametersAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> evaluate(Map.of("ties", "random")));
        assertThrows(IllegalArgumentException.class, () -> evaluate(Map.of("metrics", "MRR@10")));
        assertThrows(IllegalArgumentException.class, () -> evaluate(Map.of("metrics", List.of())));
        assertThrows(IllegalArgumentException.class, () -> evaluate(Map.of("cutoff", 10)));
        Dataset data = new SyntheticLoader().load(Map.of("users", 20));
        assertThrows(IllegalArgumentException.class, () -> EVALUATOR.split(data, Map.of("negatives", 0), 1));
    }

    @Test
    void splitHoldsOutOneValidationAndOneTestItemPerUser() {
        Dataset data = new SyntheticLoader().load(Map.of("users", 200));
        InteractionData all = data.interactions();
        Split split = EVALUATOR.split(data, Map.of(), 5);
        assertEquals("loo-sampled", split.protocol());
        assertEquals(all.size(), split.train().size() + split.validation().size() + split.test().size()
                + (int) split.facts().get("droppedColdCases"));
        assertTrue(split.test().size() > 190 && split.validation().size() > 190);
        for (List<EvalCase> cases : List.of(split.validation(), split.test())) {
            for (EvalCase c : cases) {
                int u = c.user();
                for (int p : c.positives()) {
                    assertFalse(split.train().contains(u, p), "held-out positive " + p + " of user " + u + " in train");
                    assertTrue(all.contains(u, p));
                }
                assertEquals(100, c.negatives().length);
                assertEquals(100, Arrays.stream(c.negatives()).distinct().count(), "negatives are distinct");
                for (int n : c.negatives()) {
                    assertFalse(all.contains(u, n), "negative " + n + " was observed by user " + u);
                }
                assertArrayEquals(split.train().itemsOf(u), c.context());
            }
        }
        // the test item is the user's last interaction by time
        for (EvalCase c : split.test()) {
            int last = all.item(all.userEnd(c.user()) - 1);
            assertEquals(last, c.positives()[0]);
        }
    }

    @Test
    void sameSeedSameSplitOtherSeedOtherNegatives() {
        Dataset data = new SyntheticLoader().load(Map.of("users", 50));
        Split a = EVALUATOR.split(data, Map.of("negatives", 20), 9);
        Split b = EVALUATOR.split(data, Map.of("negatives", 20), 9);
        Split c = EVALUATOR.split(data, Map.of("negatives", 20), 10);
        assertEquals(a.facts().get("testChecksum"), b.facts().get("testChecksum"));
        assertFalse(a.facts().get("testChecksum").equals(c.facts().get("testChecksum")));
        assertEquals(20, a.test().get(0).negatives().length);
    }

    @Test
    void publishedSplitIsUsedAsItIs() {
        InteractionsBuilder b = Interactions.builder(DenseIdMap.identity(1), DenseIdMap.identity(4));
        b.add(0, 0, InteractionData.NO_RATING, InteractionData.NO_TIME, InteractionData.NO_GROUP);
        Interactions train = b.build();
        EvalCase test = new EvalCase(0, InteractionData.NO_GROUP, new int[] {0}, new int[] {1}, new int[] {2, 3});
        Split published = new Split("ncf-split", train, List.of(), List.of(test), Map.of("testCases", 1));
        Dataset data = new Dataset("tiny", train, Optional.of(published), Map.of());
        Split s = EVALUATOR.split(data, Map.of("negatives", 100), 1);
        assertEquals("loo-sampled", s.protocol());
        assertSame(train, s.train());
        assertSame(test, s.test().get(0));
        assertEquals("ncf-split", s.facts().get("presplit"));
        assertEquals(1, s.facts().get("testCases"));
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
