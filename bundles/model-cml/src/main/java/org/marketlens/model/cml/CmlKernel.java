package org.marketlens.model.cml;

import java.util.List;
import org.marketlens.framework.nn.kernel.KernelBatch;
import org.marketlens.framework.nn.kernel.KernelParameters;
import org.marketlens.framework.nn.kernel.ScoreKernel;

/**
 * CML's score graph by hand (issue 6; MODELS.md §4.7): forward {@code s_r = −||U[u_r] − V[j_r]||²}, and for score
 * gradients {@code g_r} the vector-Jacobian product {@code ∂U[u_r] += −2 g_r (U[u_r] − V[j_r])},
 * {@code ∂V[j_r] += 2 g_r (U[u_r] − V[j_r])}. Penalty: the A-6 rows of both tables ({@link CmlModel#penalty}).
 * Equal to {@link CmlModel#score} to float precision ({@code CmlKernelTest}).
 */
final class CmlKernel implements ScoreKernel {
    private final int dim;
    private final RowPenalty penalty;

    CmlKernel(int dim, double lambda) {
        this.dim = dim;
        this.penalty = new RowPenalty(lambda, CmlModel.USERS, CmlModel.ITEMS, List.of());
    }

    @Override
    public RowPenalty penalty() {
        return penalty;
    }

    @Override
    public Worker worker(KernelParameters parameters, int maxRows) {
        float[] users = parameters.values(CmlModel.USERS);
        float[] items = parameters.values(CmlModel.ITEMS);
        return new Worker() {
            @Override
            public void forward(KernelBatch batch, int from, int to, float[] scores) {
                int[] u = batch.users();
                int[] j = batch.items();
                for (int r = from; r < to; r++) {
                    int ua = u[r] * dim;
                    int va = j[r] * dim;
                    float s = 0;
                    for (int c = 0; c < dim; c++) {
                        float d = users[ua + c] - items[va + c];
                        s += d * d;
                    }
                    scores[r] = -s;
                }
            }

            @Override
            public void backward(KernelBatch batch, int from, int to, float[] scoreGradients,
                    KernelParameters gradients) {
                float[] gu = gradients.values(CmlModel.USERS);
                float[] gv = gradients.values(CmlModel.ITEMS);
                int[] u = batch.users();
                int[] j = batch.items();
                for (int r = from; r < to; r++) {
                    float twoG = 2f * scoreGradients[r];
                    if (twoG == 0f) {
                        continue;
                    }
                    int ua = u[r] * dim;
                    int va = j[r] * dim;
                    for (int c = 0; c < dim; c++) {
                        float d = twoG * (users[ua + c] - items[va + c]);
                        gu[ua + c] -= d;
                        gv[va + c] += d;
                    }
                }
            }
        };
    }
}
