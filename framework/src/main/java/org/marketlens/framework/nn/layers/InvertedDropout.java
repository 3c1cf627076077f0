package org.marketlens.framework.nn.layers;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ops.random.custom.DistributionUniform;

/**
 * Inverted dropout in a training graph (MODELS.md A-8): {@code x ⊙ floor(U + 1 − p) / (1 − p)} with {@code U} uniform
 * on {@code [0, 1)} of x's runtime shape, so each entry is kept with probability {@code 1 − p} and its expectation is
 * unchanged. Built from differentiable ops because ND4J 1.0.0-M1.1's dropout ops have no derivative; the mask itself
 * has a zero one. The graph's masks come from ND4J's global generator; the kernels draw theirs with
 * {@link org.marketlens.framework.nn.kernel.DropoutMask} from the trainer's seed.
 */
public final class InvertedDropout {
    private InvertedDropout() {
    }

    /**
     * @param sd   the training graph
     * @param x    any activation
     * @param rate the dropout rate p, in {@code [0, 1)}
     * @return x itself when p = 0 (no extra op), else x with a fresh mask
     */
    public static SDVariable apply(SameDiff sd, SDVariable x, double rate) {
        if (!(rate >= 0 && rate < 1)) {
            throw new IllegalArgumentException("dropout rate in [0, 1), got " + rate);
        }
        if (rate == 0) {
            return x;
        }
        SDVariable uniform = new DistributionUniform(sd, sd.shape(x), 0.0, 1.0, x.dataType()).outputVariable();
        return x.mul(sd.math().floor(uniform.add(1 - rate))).div(1 - rate);
    }
}
