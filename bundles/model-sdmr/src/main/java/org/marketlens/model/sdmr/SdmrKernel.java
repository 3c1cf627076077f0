package org.marketlens.model.sdmr;

import java.util.List;
import org.marketlens.framework.nn.kernel.FinalLayerKernel;
import org.marketlens.framework.nn.kernel.KernelBatch;
import org.marketlens.framework.nn.kernel.KernelParameters;
import org.marketlens.framework.nn.kernel.ScoreKernel;

/**
 * SDMR's fusion by hand (Eq. 5.21; issue 6): the frozen SDP and SDM kernels compute their final vectors, then
 * {@code D = w_uᵀ [e_SDP ; e_SDM] + b_u}, score {@code −ReLU(D)} (or {@code −D} for {@link SdmrModel.Output#IDENTITY});
 * only {@code w_u} and {@code b_u} receive gradients: {@code ∂w_u = Σ_r δ_r e_r}, {@code ∂b_u = Σ_r δ_r} with
 * {@code δ_r = −g_r · 1[D_r > 0]} under the ReLU (the graph's ReLU gradient is 0 at 0), {@code −g_r} without.
 * Equal to {@link SdmrModel#score} to float precision ({@code SdmrKernelTest}).
 */
final class SdmrKernel implements ScoreKernel {
    private final FinalLayerKernel sdp;
    private final KernelParameters sdpParameters;
    private final boolean sdpWithoutContext;
    private final FinalLayerKernel sdm;
    private final KernelParameters sdmParameters;
    private final boolean relu;
    private final RowPenalty penalty;

    SdmrKernel(FinalLayerKernel sdp, KernelParameters sdpParameters, boolean sdpWithoutContext, FinalLayerKernel sdm,
            KernelParameters sdmParameters, boolean relu, double lambda) {
        this.sdp = sdp;
        this.sdpParameters = sdpParameters;
        this.sdpWithoutContext = sdpWithoutContext;
        this.sdm = sdm;
        this.sdmParameters = sdmParameters;
        this.relu = relu;
        this.penalty = new RowPenalty(lambda, null, null, List.of(SdmrModel.FUSION));
    }

    /** {@code λ ||w_u||²} of {@link SdmrModel#penalty}: no embedding rows learn. */
    @Override
    public RowPenalty penalty() {
        return penalty;
    }

    @Override
    public Worker worker(KernelParameters parameters, int maxRows) {
        return new SdmrWorker(parameters, maxRows);
    }

    private final class SdmrWorker implements Worker {
        private final float[] fusion;
        private final float[] fusionBias;
        private final FinalLayerKernel.FinalLayerWorker sdpWorker;
        private final FinalLayerKernel.FinalLayerWorker sdmWorker;
        private final int width;
        private final int sdpWidth;
        /** {@code [maxRows, width]}: {@code [e_SDP ; e_SDM]} per row. */
        private final float[] vectors;
        /** {@code D} per row, before the ReLU. */
        private final float[] distances;
        /** The parts' own scores (unused, the forward passes need somewhere to put them). */
        private final float[] partScores;

        SdmrWorker(KernelParameters parameters, int maxRows) {
            fusion = parameters.values(SdmrModel.FUSION);
            fusionBias = parameters.values(SdmrModel.FUSION_BIAS);
            sdpWorker = sdp.worker(sdpParameters, maxRows);
            sdmWorker = sdm.worker(sdmParameters, maxRows);
            sdpWidth = sdp.finalVectorSize();
            width = sdpWidth + sdm.finalVectorSize();
            vectors = new float[maxRows * width];
            distances = new float[maxRows];
            partScores = new float[maxRows];
        }

        @Override
        public void forward(KernelBatch batch, int from, int to, float[] scores) {
            KernelBatch sdpBatch = sdpWithoutContext ? new KernelBatch(batch.users(), batch.items()) : batch;
            sdpWorker.forward(sdpBatch, from, to, partScores);
            sdpWorker.finalVectors(from, to, vectors, width, 0);
            sdmWorker.forward(batch, from, to, partScores);
            sdmWorker.finalVectors(from, to, vectors, width, sdpWidth);
            float b = fusionBias[0];
            for (int r = from; r < to; r++) {
                int at = r * width;
                float d = b;
                for (int c = 0; c < width; c++) {
                    d += fusion[c] * vectors[at + c];
                }
                distances[r] = d;
                scores[r] = -(relu ? Math.max(0f, d) : d);
            }
        }

        @Override
        public void backward(KernelBatch batch, int from, int to, float[] scoreGradients,
                KernelParameters gradients) {
            float[] dFusion = gradients.values(SdmrModel.FUSION);
            // In double: BPR's gradient of b_u cancels in neg − pos without the ReLU; a float residue would become
            // Adam steps (as in SDP's kernel).
            double dBias = 0;
            for (int r = from; r < to; r++) {
                float delta = relu && distances[r] <= 0f ? 0f : -scoreGradients[r];
                if (delta == 0f) {
                    continue;
                }
                dBias += delta;
                int at = r * width;
                for (int c = 0; c < width; c++) {
                    dFusion[c] += delta * vectors[at + c];
                }
            }
            gradients.values(SdmrModel.FUSION_BIAS)[0] += (float) dBias;
        }
    }
}
