package org.marketlens.model.mfbpr;

import java.util.List;
import org.marketlens.framework.nn.kernel.KernelBatch;
import org.marketlens.framework.nn.kernel.KernelParameters;
import org.marketlens.framework.nn.kernel.ScoreKernel;

/**
 * MF-BPR's score graph by hand (issue 6; MODELS.md §4.7): forward {@code s_r = U[u_r] · V[i_r]}, and for score
 * gradients {@code g_r} the vector-Jacobian product {@code ∂U[u_r] += g_r V[i_r]}, {@code ∂V[i_r] += g_r U[u_r]}.
 * Penalty: the A-6 rows of both tables ({@link MfBprModel#penalty}). Equal to {@link MfBprModel#score} to float
 * precision ({@code MfBprKernelTest}).
 */
final class MfBprKernel implements ScoreKernel {
    private final int dim;
    private final RowPenalty penalty;

    MfBprKernel(int dim, double lambda) {
        this.dim = dim;
        this.penalty = new RowPenalty(lambda, MfBprModel.USERS, MfBprModel.ITEMS, List.of());
    }

    @Override
    public RowPenalty penalty() {
        return penalty;
    }

    @Override
    public Worker worker(KernelParameters parameters, int maxRows) {
        float[] users = parameters.values(MfBprModel.USERS);
        float[] items = parameters.values(MfBprModel.ITEMS);
        return new Worker() {
            @Override
            public void forward(KernelBatch batch, int from, int to, float[] scores) {
                int[] u = batch.users();
                int[] i = batch.items();
                for (int r = from; r < to; r++) {
                    int ua = u[r] * dim;
                    int va = i[r] * dim;
                    float s = 0;
                    for (int c = 0; c < dim; c++) {
                        s += users[ua + c] * items[va + c];
                    }
                    scores[r] = s;
                }
            }

            @Override
            public void backward(KernelBatch batch, int from, int to, float[] scoreGradients,
                    KernelParameters gradients) {
                float[] gu = gradients.values(MfBprModel.USERS);
                float[] gv = gradients.values(MfBprModel.ITEMS);
                int[] u = batch.users();
                int[] i = batch.items();
                for (int r = from; r < to; r++) {
                    float g = scoreGradients[r];
                    if (g == 0f) {
                        continue;
                    }
                    int ua = u[r] * dim;
                    int va = i[r] * dim;
                    for (int c = 0; c < dim; c++) {
                        gu[ua + c] += g * items[va + c];
                        gv[va + c] += g * users[ua + c];
                    }
                }
            }
        };
    }
}
