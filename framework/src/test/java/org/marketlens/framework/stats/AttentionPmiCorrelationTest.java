package org.marketlens.framework.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.marketlens.api.data.EvalCase;
import org.marketlens.api.data.InteractionData;
import org.marketlens.api.nn.AttentionWeights;
import org.marketlens.api.rec.Query;
import org.marketlens.framework.cooccurrence.CooccurrenceCounts;
import org.marketlens.framework.cooccurrence.Pmi;
import org.marketlens.framework.cooccurrence.SparseRows;

class AttentionPmiCorrelationTest {
    /**
     * Users {0,1} ×4, {0,2}, {1,2}, {2,0}, {3}: C[0][1] = 4, C[0][2] = 2, C[1][2] = 1, item 3 co-occurs with
     * nothing; #(0) = 6, #(1) = 5, #(2) = 3, |D| = 14.
     */
    private static final Pmi PMI = Pmi.of(CooccurrenceCounts.of(SparseRows.ofSets(4,
            new int[][] {{0, 1}, {0, 1}, {0, 1}, {0, 1}, {0, 2}, {1, 2}, {2, 0}, {3}}), 0, 0));

    /** Hop 1 attends in proportion to PMI + 5, hop 2 to −PMI, hop 3 with fixed weights. */
    private static final class FakeAttention implements AttentionWeights {
        private final float[] fixed = {0.2f, 0.3f, 0.5f, 0.6f, 0.4f};
        private int next;

        @Override
        public List<Attention> attention(Query query, int[] items) {
            List<Attention> out = new ArrayList<>();
            for (int item : items) {
                int[] context = query.context();
                float[][] w = new float[3][context.length];
                for (int k = 0; k < context.length; k++) {
                    double pmi = PMI.of(item, context[k]);
                    w[0][k] = Double.isFinite(pmi) ? (float) (pmi + 5) : 0f;
                    w[1][k] = Double.isFinite(pmi) ? (float) -pmi : 0f;
                    w[2][k] = fixed[next++];
                }
                out.add(new Attention(item, context, w));
            }
            return out;
        }

        @Override
        public int numItems() {
            return 4;
        }

        @Override
        public float[] score(Query query, int[] items) {
            return new float[items.length];
        }

        @Override
        public void save(OutputStream out) {
        }
    }

    @Test
    void correlatesEachHopOverCoOccurringPairsAndCountsTheRest() {
        List<EvalCase> cases = List.of(
                new EvalCase(0, InteractionData.NO_GROUP, new int[] {1, 2, 3}, new int[] {0}, new int[] {3}),
                new EvalCase(1, InteractionData.NO_GROUP, new int[] {1, 0}, new int[] {2}, new int[] {3}));
        AttentionPmiCorrelation.Result r = AttentionPmiCorrelation.of(new FakeAttention(), PMI, cases);
        assertEquals(3, r.hops());
        assertEquals(2, r.cases());
        assertEquals(1, r.neverTogether(), "(0, 3) never co-occurs");
        assertArrayEquals(new long[] {4, 4, 4}, r.pairs());
        assertEquals(1.0, r.pearson()[0], 1e-6);
        assertEquals(-1.0, r.pearson()[1], 1e-6);
        // Hop 3: pairs (0,1), (0,2), (2,1), (2,0) with weights 0.2, 0.3, 0.6, 0.4 (0.5 belonged to the skipped (0,3)).
        double[] pmi = {Math.log(4.0 * 14 / 30), Math.log(2.0 * 14 / 18), Math.log(14.0 / 15), Math.log(2.0 * 14 / 18)};
        double[] w = {0.2, 0.3, 0.6, 0.4};
        double mp = (pmi[0] + pmi[1] + pmi[2] + pmi[3]) / 4;
        double mw = (w[0] + w[1] + w[2] + w[3]) / 4;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < 4; i++) {
            sxy += (w[i] - mw) * (pmi[i] - mp);
            sxx += (w[i] - mw) * (w[i] - mw);
            syy += (pmi[i] - mp) * (pmi[i] - mp);
        }
        assertEquals(sxy / Math.sqrt(sxx * syy), r.pearson()[2], 1e-6);
        assertEquals(true, r.markdown().contains("| 2 | -1.0000 | 4 |"), r.markdown());
    }
}
