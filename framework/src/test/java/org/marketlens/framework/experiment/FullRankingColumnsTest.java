package org.marketlens.framework.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import org.marketlens.api.data.Dataset;
import org.marketlens.api.data.EvalCase;
import org.marketlens.api.data.InteractionData;
import org.marketlens.api.data.Split;
import org.marketlens.api.eval.EvaluationResult;
import org.marketlens.api.eval.Evaluator;
import org.marketlens.api.eval.TieRule;
import org.marketlens.api.rec.Query;
import org.marketlens.api.rec.Recommender;
import org.marketlens.framework.data.Interactions;
import org.marketlens.framework.eval.Metrics;
import org.marketlens.framework.eval.RankingEvaluation;
import org.junit.jupiter.api.Test;

class FullRankingColumnsTest {
    /** Scores item i as 10 - i: item 0 ranks first. */
    private static final Recommender DESCENDING = new Recommender() {
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
    };

    /** Ranks with HIT@1, HIT@3 and NDCG@3 and pessimistic ties, like the sampled protocols do. */
    private static final Evaluator RANKING = new Evaluator() {
        @Override
        public Split split(Dataset data, Map<String, Object> params, long seed) {
            throw new UnsupportedOperationException();
        }

        @Override
        public EvaluationResult evaluate(Recommender model, InteractionData train, List<EvalCase> cases,
                                         Map<String, Object> params) {
            return new RankingEvaluation(List.of(Metrics.parse("HIT@1"), Metrics.parse("HIT@3"),
                    Metrics.parse("NDCG@3")), TieRule.PESSIMISTIC).evaluate("test", model, train, cases);
        }
    };

    private static Split split(int[] testNegatives) {
        var b = Interactions.builder();
        for (int i = 0; i < 10; i++) {
            b.add("u", "" + i, InteractionData.NO_RATING, InteractionData.NO_TIME, InteractionData.NO_GROUP);
        }
        Interactions all = b.build();
        // Training: item 0. Validation positive: item 1. Test positive: item 4 against negatives 7, 8, 9.
        Interactions train = Interactions.subset(all, k -> all.item(k) == 0);
        EvalCase validation = new EvalCase(0, InteractionData.NO_GROUP, new int[] {0}, new int[] {1}, new int[] {8});
        EvalCase test = new EvalCase(0, InteractionData.NO_GROUP, new int[] {0}, new int[] {4}, testNegatives);
        return new Split("test", train, List.of(validation), List.of(test), Map.of());
    }

    @Test
    void fullRankingValuesStandBesideTheSampledOnes() {
        Split split = split(new int[] {7, 8, 9});
        EvaluationResult sampled = RANKING.evaluate(DESCENDING, split.train(), split.test(), Map.of());
        EvaluationResult both = FullRankingColumns.addTo(sampled, RANKING, DESCENDING, split, Map.of());
        assertEquals(List.of("HIT@1", "HIT@3", "NDCG@3", "HIT@1(full)", "HIT@3(full)", "NDCG@3(full)"),
                both.metrics());
        assertEquals(1.0, both.mean("HIT@1"), 1e-12, "sampled: 4 beats 7, 8, 9");
        assertEquals(1.0, both.mean("NDCG@3"), 1e-12);
        // Full: item 0 is trained and item 1 is the validation positive, so only 2 and 3 rank above 4: rank 2.
        assertEquals(0.0, both.mean("HIT@1(full)"), 1e-12);
        assertEquals(1.0, both.mean("HIT@3(full)"), 1e-12);
        assertEquals(1 / (Math.log(4) / Math.log(2)), both.mean("NDCG@3(full)"), 1e-12);
    }

    @Test
    void aProtocolThatAlreadyRanksFullyGetsNoExtraColumns() {
        Split split = split(null);
        EvaluationResult full = RANKING.evaluate(DESCENDING, split.train(), split.test(), Map.of());
        assertSame(full, FullRankingColumns.addTo(full, RANKING, DESCENDING, split, Map.of()));
    }
}
