package org.marketlens.model.prme;

import java.util.List;
import org.marketlens.framework.nn.kernel.KernelBatch;
import org.marketlens.framework.nn.kernel.KernelParameters;
import org.marketlens.framework.nn.kernel.ScoreKernel;

/**
 * PRME's score graph by hand (issue 6; MODELS.md §4.7, A-42): with {@code [v_j | w_j]} row {@code j} of the item
 * table, forward {@code a = ||u − v_j||²}, {@code b_k = ||w_k − w_j||²} per context slot, {@code n = Σ m_k + 1 −
 * max m_k} (the number of valid slots, 1 when there are none, as the graph computes it), {@code s = −(α a + (1 − α)
 * Σ m_k b_k / n)}; and for score gradients {@code g} the vector-Jacobian product {@code ∂u += −2 g α (u − v_j)},
 * {@code ∂v_j −= ∂u}, {@code ∂w_k += −2 g (1 − α) m_k / n (w_k − w_j)}, {@code ∂w_j −= Σ_k ∂w_k}. Masked slots
 * (padding) contribute nothing. Penalty: the A-6 rows of both tables, whole item rows ({@link PrmeModel#penalty}).
 * Equal to {@link PrmeModel#score} to float precision ({@code PrmeKernelTest}).
 */
final class PrmeKernel implements ScoreKernel {
    private final int dim;
    private final int contextSize;
    private final float alpha;
    private final float beta;
    private final RowPenalty penalty;

    PrmeKernel(int dim, int contextSize, double alpha, double lambda) {
        this.dim = dim;
        this.contextSize = contextSize;
        this.alpha = (float) alpha;
        this.beta = (float) (1 - alpha);
        this.penalty = new RowPenalty(lambda, PrmeModel.USERS, PrmeModel.ITEMS, List.of());
    }

    @Override
    public RowPenalty penalty() {
        return penalty;
    }

    @Override
    public Worker worker(KernelParameters parameters, int maxRows) {
        return new PrmeWorker(parameters);
    }

    private final class PrmeWorker implements Worker {
        private final float[] users;
        private final float[] items;

        PrmeWorker(KernelParameters parameters) {
            users = parameters.values(PrmeModel.USERS);
            items = parameters.values(PrmeModel.ITEMS);
        }

        /** @return {@code n} of row {@code r}: {@code Σ m_k + (1 − max m_k)} */
        private float count(float[] mask, int r) {
            int at = r * contextSize;
            float sum = 0;
            float max = mask[at];
            for (int k = 0; k < contextSize; k++) {
                sum += mask[at + k];
                max = Math.max(max, mask[at + k]);
            }
            return sum + (1f - max);
        }

        @Override
        public void forward(KernelBatch batch, int from, int to, float[] scores) {
            int[] u = batch.users();
            int[] j = batch.items();
            int[] context = batch.context();
            float[] mask = batch.mask();
            int stride = 2 * dim;
            for (int r = from; r < to; r++) {
                int ua = u[r] * dim;
                int va = j[r] * stride;
                int wa = va + dim;
                float userItem = 0;
                for (int c = 0; c < dim; c++) {
                    float d = users[ua + c] - items[va + c];
                    userItem += d * d;
                }
                float sequential = 0;
                for (int k = 0; k < contextSize; k++) {
                    float m = mask[r * contextSize + k];
                    if (m == 0f) {
                        continue;
                    }
                    int ka = context[r * contextSize + k] * stride + dim;
                    float itemItem = 0;
                    for (int c = 0; c < dim; c++) {
                        float d = items[ka + c] - items[wa + c];
                        itemItem += d * d;
                    }
                    sequential += itemItem * m;
                }
                sequential /= count(mask, r);
                scores[r] = -(userItem * alpha + sequential * beta);
            }
        }

        @Override
        public void backward(KernelBatch batch, int from, int to, float[] scoreGradients,
                KernelParameters gradients) {
            float[] gu = gradients.values(PrmeModel.USERS);
            float[] gi = gradients.values(PrmeModel.ITEMS);
            int[] u = batch.users();
            int[] j = batch.items();
            int[] context = batch.context();
            float[] mask = batch.mask();
            int stride = 2 * dim;
            for (int r = from; r < to; r++) {
                float g = scoreGradients[r];
                if (g == 0f) {
                    continue;
                }
                int ua = u[r] * dim;
                int va = j[r] * stride;
                int wa = va + dim;
                float twoA = -2f * g * alpha;
                for (int c = 0; c < dim; c++) {
                    float d = twoA * (users[ua + c] - items[va + c]);
                    gu[ua + c] += d;
                    gi[va + c] -= d;
                }
                float perSlot = -2f * g * beta / count(mask, r);
                for (int k = 0; k < contextSize; k++) {
                    float m = mask[r * contextSize + k];
                    if (m == 0f) {
                        continue;
                    }
                    int ka = context[r * contextSize + k] * stride + dim;
                    float scale = perSlot * m;
                    for (int c = 0; c < dim; c++) {
                        float d = scale * (items[ka + c] - items[wa + c]);
                        gi[ka + c] += d;
                        gi[wa + c] -= d;
                    }
                }
            }
        }
    }
}
