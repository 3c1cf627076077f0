package org.marketlens.framework.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.OutputStream;
import java.util.List;
import org.marketlens.api.data.EvalCase;
import org.marketlens.api.data.InteractionData;
import org.marketlens.api.eval.EvaluationResult;
import org.marketlens.api.eval.TieRule;
import org.marketlens.api.rec.Query;
import org.marketlens.api.rec.Recommender;
import org.marketlens.framework.data.DenseIdMap;
import org.marketlens.framework.data.Interactions;
import org.junit.jupiter.api.Test;

class RankingEvaluationTest {
    private static final int NG = InteractionData.NO_GROUP;

    /** Scores item i with {@code scores[i]}, whatever the query. */
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

    //                                                          0     1     2     3     4     5
    private static final Recommender MODEL = new FixedScores(new float[] {0.9f, 0.8f, 0.3f, 0.5f, 0.3f, 0.1f});
    /** u0 trained on items 0 and 1. */
    private static final InteractionData TRAIN = Interactions.builder(DenseIdMap.identity(1), DenseIdMap.identity(6))
            .add(0, 0, InteractionData.NO_RATING, InteractionData.NO_TIME, NG)
            .add(0, 1, InteractionData.NO_RATING, InteractionData.NO_TIME, NG).build();

    private static RankingEvaluation eval(TieRule ties) {
        return new RankingEvaluation(List.of(new HitRate(1), new Ndcg(10)), ties);
    }

    @Test
    void sampledRankCountsHigherScoresAndTiesByRule() {
        // positive 2 (0.3) among 0 (0.9), 4 (0.3), 5 (0.1)
        EvalCase c = new EvalCase(0, NG, null, new int[] {2}, new int[] {0, 4, 5});
        assertArrayEquals(new int[] {2}, eval(TieRule.PESSIMISTIC).ranks(MODEL, TRAIN, c));
        assertArrayEquals(new int[] {1}, eval(TieRule.OPTIMISTIC).ranks(MODEL, TRAIN, c));
    }

    @Test
    void fullRankingSkipsTrainingItems() {
        // candidates for positive 2: items 3 (0.5, above), 4 (0.3, tie), 5 (below); 0 and 1 are training items
        EvalCase c = new EvalCase(0, NG, null, new int[] {2}, null);
        assertArrayEquals(new int[] {2}, eval(TieRule.PESSIMISTIC).ranks(MODEL, TRAIN, c));
        assertArrayEquals(new int[] {1}, eval(TieRule.OPTIMISTIC).ranks(MODEL, TRAIN, c));
        // two positives: 3 is first among the non-training items, 5 is last (the other positive counts above it)
        EvalCase two = new EvalCase(0, NG, null, new int[] {5, 3}, null);
        assertArrayEquals(new int[] {0, 3}, eval(TieRule.PESSIMISTIC).ranks(MODEL, TRAIN, two));
    }

    @Test
    void nanScoreRanksLast() {
        Recommender nan = new FixedScores(new float[] {Float.NaN, 0.1f, 0.2f, 0.3f});
        EvalCase c = new EvalCase(0, NG, null, new int[] {0}, new int[] {1, 2, 3});
        assertArrayEquals(new int[] {3}, eval(TieRule.OPTIMISTIC).ranks(nan, TRAIN, c));
    }

    @Test
    void evaluateAppliesEveryMetricPerCase() {
        EvalCase first = new EvalCase(0, NG, null, new int[] {3}, new int[] {2, 4, 5});
        EvalCase tied = new EvalCase(0, NG, null, new int[] {2}, new int[] {0, 4, 5});
        EvaluationResult r = eval(TieRule.PESSIMISTIC).evaluate("p", MODEL, TRAIN, List.of(first, tied));
        assertEquals(List.of("HIT@1", "NDCG@10"), r.metrics());
        assertArrayEquals(new double[] {1, 0}, r.values().get("HIT@1"));
        assertArrayEquals(new double[] {1, 0.5}, r.values().get("NDCG@10"), 1e-12);
        assertArrayEquals(new int[] {0, 0}, r.users());
        assertEquals(0.75, r.mean("NDCG@10"), 1e-12);
    }

    @Test
    void needsAMetric() {
        assertThrows(IllegalArgumentException.class, () -> new RankingEvaluation(List.of(), TieRule.PESSIMISTIC));
    }
}
