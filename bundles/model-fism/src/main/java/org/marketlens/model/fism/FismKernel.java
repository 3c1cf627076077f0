package org.marketlens.model.fism;

import java.util.List;
import org.marketlens.framework.nn.kernel.KernelBatch;
import org.marketlens.framework.nn.kernel.KernelParameters;
import org.marketlens.framework.nn.kernel.ScoreKernel;

/**
 * {@link FismModel}'s score and its gradient on float arrays (issue 6): per row, the member weights
 * {@code w_t = mask_t · [t ≠ k]}, the pooled member vector {@code h = Σ_t w_t p_t}, the scale
 * {@code c = max(Σ_t w_t, 1)^(−α)} and {@code score = b_k + c · h · q_k}; backward
 * {@code ∂q_k += g c h}, {@code ∂b_k += g}, {@code ∂p_t += g c w_t q_k}. The penalty is the framework's row penalty
 * with the candidate rows of both items and, per triple, the member rows weighted by the context mask, as
 * {@link FismModel#penalty}. Equal to the graph to float precision; on the AOTM subset (270,124 items) the graph's
 * cost is dominated by full-table gradient buffers per gather, which the kernel does not allocate.
 */
final class FismKernel implements ScoreKernel {
    private final int dim;
    private final double alpha;
    private final RowPenalty penalty;

    FismKernel(int dim, double alpha, double lambda) {
        this.dim = dim;
        this.alpha = alpha;
        this.penalty = new RowPenalty(lambda, null, FismModel.CANDIDATES, List.of(), FismModel.MEMBERS);
    }

    @Override
    public RowPenalty penalty() {
        return penalty;
    }

    @Override
    public Worker worker(KernelParameters parameters, int maxRows) {
        return new FismWorker(parameters.values(FismModel.MEMBERS), parameters.values(FismModel.CANDIDATES),
                maxRows);
    }

    /** Keeps each row's pooled member vector and scale for the backward pass. */
    private final class FismWorker implements Worker {
        private final float[] members;
        private final float[] candidates;
        private final float[] pooled;
        private final float[] scales;

        FismWorker(float[] members, float[] candidates, int maxRows) {
            this.members = members;
            this.candidates = candidates;
            this.pooled = new float[maxRows * dim];
            this.scales = new float[maxRows];
        }

        @Override
        public void forward(KernelBatch batch, int from, int to, float[] scores) {
            int s = batch.contextSize();
            int[] items = batch.items();
            int[] context = batch.context();
            float[] mask = batch.mask();
            int width = dim + 1;
            for (int r = from; r < to; r++) {
                int k = items[r];
                int h = r * dim;
                java.util.Arrays.fill(pooled, h, h + dim, 0f);
                float count = 0;
                for (int t = r * s; t < (r + 1) * s; t++) {
                    float w = context[t] == k ? 0f : mask[t];
                    if (w != 0f) {
                        count += w;
                        int p = context[t] * dim;
                        for (int c = 0; c < dim; c++) {
                            pooled[h + c] += w * members[p + c];
                        }
                    }
                }
                float scale = (float) Math.pow(Math.max(count, 1f), -alpha);
                scales[r] = scale;
                int q = k * width;
                float dot = 0;
                for (int c = 0; c < dim; c++) {
                    dot += pooled[h + c] * candidates[q + c];
                }
                scores[r] = candidates[q + dim] + scale * dot;
            }
        }

        @Override
        public void backward(KernelBatch batch, int from, int to, float[] scoreGradients,
                KernelParameters gradients) {
            float[] gMembers = gradients.values(FismModel.MEMBERS);
            float[] gCandidates = gradients.values(FismModel.CANDIDATES);
            int s = batch.contextSize();
            int[] items = batch.items();
            int[] context = batch.context();
            float[] mask = batch.mask();
            int width = dim + 1;
            for (int r = from; r < to; r++) {
                float g = scoreGradients[r];
                if (g == 0f) {
                    continue;
                }
                int k = items[r];
                int h = r * dim;
                int q = k * width;
                float gs = g * scales[r];
                for (int c = 0; c < dim; c++) {
                    gCandidates[q + c] += gs * pooled[h + c];
                }
                gCandidates[q + dim] += g;
                for (int t = r * s; t < (r + 1) * s; t++) {
                    float w = context[t] == k ? 0f : mask[t];
                    if (w != 0f) {
                        float gw = gs * w;
                        int p = context[t] * dim;
                        for (int c = 0; c < dim; c++) {
                            gMembers[p + c] += gw * candidates[q + c];
                        }
                    }
                }
            }
        }
    }
}
