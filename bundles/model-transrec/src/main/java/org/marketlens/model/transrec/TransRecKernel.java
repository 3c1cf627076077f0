package org.marketlens.model.transrec;

import java.util.List;
import org.marketlens.framework.nn.kernel.KernelBatch;
import org.marketlens.framework.nn.kernel.KernelParameters;
import org.marketlens.framework.nn.kernel.ScoreKernel;

/**
 * TransRec's score graph by hand (issue 6; MODELS.md §4.7): with {@code [v_j | β_j]} row {@code j} of the item
 * table and {@code k} the row's previous item (mask {@code m}), forward {@code x = t_u + m v_k − v_j},
 * {@code δ = sqrt(||x||² + 1e-12)}, {@code s = β_j − δ}; and for score gradients {@code g} the vector-Jacobian
 * product {@code ∂β_j += g}, {@code ∂x = −g x / δ}, {@code ∂t_u += ∂x}, {@code ∂v_k += m ∂x}, {@code ∂v_j −= ∂x}.
 * Penalty: the A-6 rows of both tables, whole item rows with β ({@link TransRecModel#penalty}). Equal to
 * {@link TransRecModel#score} to float precision ({@code TransRecKernelTest}).
 */
final class TransRecKernel implements ScoreKernel {
    private static final float EPSILON = 1e-12f;
    private final int dim;
    private final RowPenalty penalty;

    TransRecKernel(int dim, double lambda) {
        this.dim = dim;
        this.penalty = new RowPenalty(lambda, TransRecModel.USERS, TransRecModel.ITEMS, List.of());
    }

    @Override
    public RowPenalty penalty() {
        return penalty;
    }

    @Override
    public Worker worker(KernelParameters parameters, int maxRows) {
        return new TransRecWorker(parameters, maxRows);
    }

    private final class TransRecWorker implements Worker {
        private final float[] users;
        private final float[] items;
        /** {@code x} of each row of the last forward pass, {@code [maxRows, d]}. */
        private final float[] offsets;
        /** {@code δ} of each row of the last forward pass. */
        private final float[] distances;

        TransRecWorker(KernelParameters parameters, int maxRows) {
            users = parameters.values(TransRecModel.USERS);
            items = parameters.values(TransRecModel.ITEMS);
            offsets = new float[maxRows * dim];
            distances = new float[maxRows];
        }

        @Override
        public void forward(KernelBatch batch, int from, int to, float[] scores) {
            int[] u = batch.users();
            int[] j = batch.items();
            int[] previous = batch.context();
            float[] mask = batch.mask();
            int stride = dim + 1;
            for (int r = from; r < to; r++) {
                int ta = u[r] * dim;
                int ja = j[r] * stride;
                int ka = previous[r] * stride;
                float m = mask[r];
                int xa = r * dim;
                float squares = 0;
                for (int c = 0; c < dim; c++) {
                    float x = users[ta + c] + items[ka + c] * m - items[ja + c];
                    offsets[xa + c] = x;
                    squares += x * x;
                }
                float distance = (float) Math.sqrt(squares + EPSILON);
                distances[r] = distance;
                scores[r] = items[ja + dim] - distance;
            }
        }

        @Override
        public void backward(KernelBatch batch, int from, int to, float[] scoreGradients,
                KernelParameters gradients) {
            float[] gt = gradients.values(TransRecModel.USERS);
            float[] gi = gradients.values(TransRecModel.ITEMS);
            int[] u = batch.users();
            int[] j = batch.items();
            int[] previous = batch.context();
            float[] mask = batch.mask();
            int stride = dim + 1;
            for (int r = from; r < to; r++) {
                float g = scoreGradients[r];
                if (g == 0f) {
                    continue;
                }
                int ta = u[r] * dim;
                int ja = j[r] * stride;
                int ka = previous[r] * stride;
                float m = mask[r];
                int xa = r * dim;
                gi[ja + dim] += g;
                float scale = -g / distances[r];
                for (int c = 0; c < dim; c++) {
                    float dx = scale * offsets[xa + c];
                    gt[ta + c] += dx;
                    gi[ka + c] += m * dx;
                    gi[ja + c] -= dx;
                }
            }
        }
    }
}
