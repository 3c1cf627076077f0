package org.marketlens.model.masr;

/**
 * Eq. 4.29 on scores (MODELS.md §3.6): {@code D_MASR = α · D_MDR + (1 − α) · D_MASS}. Every model scores {@code −D}
 * (MODELS.md §0.2, A-1), so the fused score is {@code α · score_MDR + (1 − α) · score_MASS}, computed in double and
 * rounded once to float; at α = 1 (α = 0) it equals the MDR (MASS) score exactly.
 */
final class MasrFusion {
    /** The paper's α, used in all its experiments. */
    static final double DEFAULT_ALPHA = 0.5;

    private MasrFusion() {
    }

    /**
     * @param alpha weight of MDR, in [0, 1]
     * @param mdr   MDR scores of the candidates
     * @param mass  MASS scores of the same candidates
     * @return the MASR scores
     */
    static float[] fuse(double alpha, float[] mdr, float[] mass) {
        if (mdr.length != mass.length) {
            throw new IllegalStateException("MDR scored " + mdr.length + " candidates, MASS " + mass.length);
        }
        float[] out = new float[mdr.length];
        double beta = 1 - alpha;
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (alpha * mdr[i] + beta * mass[i]);
        }
        return out;
    }

    /**
     * @param alpha the weight to check
     * @return alpha
     * @throws IllegalArgumentException unless 0 ≤ α ≤ 1
     */
    static double checkAlpha(double alpha) {
        if (!(alpha >= 0 && alpha <= 1)) {
            throw new IllegalArgumentException("MASR alpha must be in [0, 1] (Eq. 4.29), got " + alpha);
        }
        return alpha;
    }
}
