package org.marketlens.loss.bpr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BprLossTest {
    /**
     * Triples with (pos, neg) = (2, 1), (0, 0), (−1, 3): x = neg − pos = −1, 0, 4; softplus(x) = ln(1 + e^x) =
     * 0.313262, 0.693147, 4.018150 (mean 1.674853); σ(x) = 0.268941, 0.5, 0.982014, divided by n = 3.
     */
    @Test
    void dataTermAndScoreGradientsByHand() {
        float[] scores = {2, 0, -1, 1, 0, 3};
        float[] gradients = new float[6];
        double value = new BprLoss().dataTerm(scores, 3, gradients);
        assertEquals((0.31326168751822286 + 0.6931471805599453 + 4.0181499279178094) / 3, value, 1e-12);
        double[] sigmoid = {0.2689414213699951, 0.5, 0.9820137900379085};
        float[] expected = new float[6];
        for (int t = 0; t < 3; t++) {
            expected[t] = (float) (-sigmoid[t] / 3);
            expected[3 + t] = (float) (sigmoid[t] / 3);
        }
        assertArrayEquals(expected, gradients, 1e-7f);
    }

    /** Far from the decision boundary: softplus(100) = 100 and σ(100) = 1; softplus(−100) = e^−100, no overflow. */
    @Test
    void saturatedPairsStayFinite() {
        float[] scores = {-50, 50, 50, -50};
        float[] gradients = new float[4];
        double value = new BprLoss().dataTerm(scores, 2, gradients);
        assertEquals((100 + 3.720075976020836e-44) / 2, value, 1e-12);
        assertArrayEquals(new float[] {-0.5f, -1.86e-44f, 0.5f, 1.86e-44f}, gradients, 1e-45f);
    }
}
