package org.marketlens.framework.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Golden values of Recall@N, Precision@N and MAP@N (MODELS.md §2.11), computed by hand. */
class RankingMetricsTest {
    // Four relevant items, three of them ranked at 0-based positions 0, 2 and 5; the fourth was not ranked.
    private static final int[] RANKS = {0, 2, 5};
    private static final int RELEVANT = 4;

    @Test
    void recallDividesHitsByMinOfCutoffAndRelevant() {
        assertEquals(2.0 / 4, new Recall(5).value(RANKS, RELEVANT), 1e-12);
        assertEquals(3.0 / 4, new Recall(10).value(RANKS, RELEVANT), 1e-12);
        assertEquals(1.0, new Recall(1).value(RANKS, RELEVANT), 1e-12, "1 hit / min(1, 4)");
        assertEquals(1.0 / 2, new Recall(2).value(RANKS, RELEVANT), 1e-12);
    }

    @Test
    void precisionDividesHitsByCutoff() {
        assertEquals(2.0 / 5, new Precision(5).value(RANKS, RELEVANT), 1e-12);
        assertEquals(3.0 / 10, new Precision(10).value(RANKS, RELEVANT), 1e-12);
    }

    @Test
    void averagePrecisionSumsPrecisionAtEachHit() {
        // @5: hits at ranks 1 and 3 (1-based): (1/1 + 2/3) / min(5, 4)
        assertEquals((1.0 + 2.0 / 3) / 4, new AveragePrecision(5).value(RANKS, RELEVANT), 1e-12);
        // @10: plus the hit at rank 6: (1 + 2/3 + 3/6) / 4
        assertEquals((1.0 + 2.0 / 3 + 0.5) / 4, new AveragePrecision(10).value(RANKS, RELEVANT), 1e-12);
        // @2: one hit, denominator min(2, 4) = 2
        assertEquals(0.5, new AveragePrecision(2).value(RANKS, RELEVANT), 1e-12);
    }

    @Test
    void perfectRankingScoresOneEvenWithMoreRelevantThanCutoff() {
        int[] top = {0, 1, 2, 3, 4, 5, 6};
        assertEquals(1.0, new Recall(5).value(top, 7), 1e-12);
        assertEquals(1.0, new AveragePrecision(5).value(top, 7), 1e-12);
        assertEquals(1.0, new Ndcg(5).value(top, 7), 1e-12);
    }

    @Test
    void noHitScoresZero() {
        int[] low = {50};
        assertEquals(0, new Recall(10).value(low, 1));
        assertEquals(0, new AveragePrecision(10).value(low, 1));
        assertEquals(0, new Precision(10).value(low, 1));
    }

    @Test
    void metricsParseTheNewNames() {
        assertEquals(new Recall(5), Metrics.parse("Recall@5"));
        assertEquals(new AveragePrecision(10), Metrics.parse("map@10"));
        assertEquals(new Precision(3), Metrics.parse("Precision@3"));
        assertEquals("MAP@10", Metrics.parse("MAP@10").name());
        assertEquals("Recall@5", Metrics.parse("recall@5").name());
        assertThrows(IllegalArgumentException.class, () -> Metrics.parse("MRR@5"));
    }
}
