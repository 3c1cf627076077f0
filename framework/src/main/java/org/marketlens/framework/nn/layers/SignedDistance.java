package org.marketlens.framework.nn.layers;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * The signed-distance output of SDP, SDM and SDMR: per-dimension non-negative distances
 * {@code square(e)} (Eq. 5.5, 5.13) combined by an edge-weight layer {@code D = wᵀ e + b} (Eq. 5.6, 5.12, 5.21)
 * whose weights may be negative, so {@code D} is signed.
 */
public final class SignedDistance {
    private SignedDistance() {
    }

    /**
     * @param sd the graph
     * @param e  {@code [n, k]}
     * @return {@code square(e)}, element-wise, {@code [n, k]} (Eq. 5.5)
     */
    public static SDVariable perDimension(SameDiff sd, SDVariable e) {
        return sd.math().square(e);
    }

    /**
     * @param vectors {@code [n, k]} non-negative per-dimension distances
     * @param weights edge weights {@code [k]}
     * @param bias    scalar bias {@code [1]}, or {@code null}
     * @return {@code D = vectors · weights + bias}, {@code [n]} (Eq. 5.6, 5.12)
     */
    public static SDVariable edgeWeighted(SDVariable vectors, SDVariable weights, SDVariable bias) {
        SDVariable d = vectors.mul(weights).sum(1);
        return bias == null ? d : d.add(bias);
    }
}
