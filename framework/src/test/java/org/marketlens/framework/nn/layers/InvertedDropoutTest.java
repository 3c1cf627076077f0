package org.marketlens.framework.nn.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.marketlens.framework.nn.Nd4jRuntime;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

class InvertedDropoutTest {
    /**
     * Every entry of a dropped-out all-ones tensor is 0 or 1/(1 − p), with about a fraction p of zeros (20,000
     * entries, p = 0.25: the binomial standard deviation of the fraction is 0.003); p = 0 adds no op.
     */
    @Test
    void keepsEachEntryWithProbabilityOneMinusRateAndRescalesIt() {
        Nd4jRuntime.ensureLoaded();
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.var("x", Nd4j.ones(DataType.FLOAT, 200, 100));
        assertSame(x, InvertedDropout.apply(sd, x, 0));
        float[] out = InvertedDropout.apply(sd, x, 0.25).eval().data().asFloat();
        int zeros = 0;
        for (float v : out) {
            if (v == 0f) {
                zeros++;
            } else {
                assertEquals(1 / 0.75f, v, 1e-6f);
            }
        }
        assertEquals(0.25, zeros / (double) out.length, 0.02);
    }

    @Test
    void refusesRatesOutsideZeroToOne() {
        Nd4jRuntime.ensureLoaded();
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.var("x", Nd4j.ones(DataType.FLOAT, 2, 2));
        assertThrows(IllegalArgumentException.class, () -> InvertedDropout.apply(sd, x, 1.0));
        assertThrows(IllegalArgumentException.class, () -> InvertedDropout.apply(sd, x, -0.1));
        assertThrows(IllegalArgumentException.class, () -> InvertedDropout.apply(sd, x, Double.NaN));
    }
}
