package org.marketlens.framework.nn.kernel;

/**
 * The kernel of a {@link org.marketlens.api.nn.FinalLayerModel}: its score is an edge-weight layer over a final
 * vector of per-dimension distances ({@code e^(ℓ+1)} of SDP, Eq. 5.5; {@code e^(H)} of SDM, Eq. 5.19), which a
 * fusion (SDMR, Eq. 5.21) reads from frozen parts.
 */
public interface FinalLayerKernel extends ScoreKernel {
    /** @return the width {@code k} of the final vector */
    int finalVectorSize();

    @Override
    FinalLayerWorker worker(KernelParameters parameters, int maxRows);

    /** A worker that also hands out the final vectors its last forward pass computed. */
    interface FinalLayerWorker extends Worker {
        /**
         * Writes the final vectors of rows {@code [from, to)} of the last {@link #forward} call, which covered
         * those rows, into {@code vectors[r * stride + col0 .. + k)}.
         */
        void finalVectors(int from, int to, float[] vectors, int stride, int col0);
    }
}
