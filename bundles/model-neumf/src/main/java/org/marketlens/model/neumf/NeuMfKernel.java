package org.marketlens.model.neumf;

import java.util.ArrayList;
import java.util.List;
import org.marketlens.framework.nn.kernel.Dense;
import org.marketlens.framework.nn.kernel.KernelBatch;
import org.marketlens.framework.nn.kernel.KernelParameters;
import org.marketlens.framework.nn.kernel.Relu;
import org.marketlens.framework.nn.kernel.ScoreKernel;

/**
 * NeuMF's score graph by hand (issue 6; He et al. Eq. 9–12, MODELS.md §4.7), for each {@link NeuMfModel.Part}:
 * forward {@code φ_G = p_G ⊙ q_G}, {@code z_0 = [p_M; q_M]}, {@code z_ℓ = ReLU(W_ℓ z_{ℓ−1} + b_ℓ)}, score
 * {@code hᵀ [φ_G; z_L]} (GMF: {@code h_Gᵀ φ_G}, MLP: {@code h_Mᵀ z_L}); and its vector-Jacobian product for score
 * gradients {@code g_r}: {@code ∂h = Σ g_r [φ_G; z_L]}, {@code ∂p_G = g_r h_G ⊙ q_G}, {@code ∂q_G = g_r h_G ⊙ p_G},
 * {@code ∂z_L = g_r h_M}, {@code ∂a_ℓ = ∂z_ℓ ⊙ [z_ℓ > 0]}, {@code ∂W_ℓ = Σ ∂a_ℓ z_{ℓ−1}ᵀ}, {@code ∂b_ℓ = Σ ∂a_ℓ},
 * {@code ∂z_{ℓ−1} = W_ℓᵀ ∂a_ℓ}, and {@code ∂z_0} scattered into the MLP columns of the user and item rows. In NeuMF
 * a table row is {@code [p_G | p_M]} (columns {@code [0, d)} and {@code [d, 2d)}). Equal to {@link NeuMfModel#score}
 * to float precision ({@code NeuMfKernelTest}).
 */
final class NeuMfKernel implements ScoreKernel {
    private final int dim;
    private final int layers;
    /** {@code widths[0] = 2d}, {@code widths[ℓ]} the width of MLP layer ℓ. */
    private final int[] widths;
    private final boolean gmf;
    private final boolean mlp;
    /** Columns of a table row: d for one tower, 2d for NeuMF. */
    private final int rowWidth;
    /** First column of the MLP half of a table row (0 for the MLP alone, d in NeuMF). */
    private final int mlpColumn;
    /** First entry of {@code h_M} in {@code h} (0 for the MLP alone, d in NeuMF). */
    private final int mlpOutput;
    private final RowPenalty penalty;

    NeuMfKernel(int dim, int[] widths, NeuMfModel.Part part, double lambda) {
        this.dim = dim;
        this.layers = widths.length - 1;
        this.widths = widths.clone();
        this.gmf = part != NeuMfModel.Part.MLP;
        this.mlp = part != NeuMfModel.Part.GMF;
        this.rowWidth = gmf && mlp ? 2 * dim : dim;
        this.mlpColumn = gmf ? dim : 0;
        this.mlpOutput = gmf ? dim : 0;
        List<String> dense = new ArrayList<>();
        dense.add(NeuMfModel.OUTPUT);
        if (mlp) {
            for (int l = 1; l <= layers; l++) {
                dense.add(NeuMfModel.weight(l));
            }
        }
        this.penalty = new RowPenalty(lambda, NeuMfModel.USERS, NeuMfModel.ITEMS, dense);
    }

    /** The A-6 penalty of {@link NeuMfModel#penalty}: batch rows of both tables, {@code h} and every {@code W_ℓ}. */
    @Override
    public RowPenalty penalty() {
        return penalty;
    }

    @Override
    public Worker worker(KernelParameters parameters, int maxRows) {
        return new NeuMfWorker(parameters, maxRows);
    }

    private final class NeuMfWorker implements Worker {
        private final float[] users;
        private final float[] items;
        private final float[] output;
        private final float[][] weights;
        private final float[][] biases;
        /** {@code activations[ℓ]}: {@code z_ℓ}, {@code [maxRows, widths[ℓ]]}; {@code z_0} gathered from the tables. */
        private final float[][] activations;
        /** {@code deltas[ℓ]}: the gradient with respect to {@code z_ℓ} (then the pre-activation), same shape. */
        private final float[][] deltas;

        NeuMfWorker(KernelParameters parameters, int maxRows) {
            users = parameters.values(NeuMfModel.USERS);
            items = parameters.values(NeuMfModel.ITEMS);
            output = parameters.values(NeuMfModel.OUTPUT);
            weights = new float[layers + 1][];
            biases = new float[layers + 1][];
            activations = new float[layers + 1][];
            deltas = new float[layers + 1][];
            if (mlp) {
                for (int l = 1; l <= layers; l++) {
                    weights[l] = parameters.values(NeuMfModel.weight(l));
                    biases[l] = parameters.values(NeuMfModel.bias(l));
                }
                for (int l = 0; l <= layers; l++) {
                    activations[l] = new float[maxRows * widths[l]];
                    deltas[l] = new float[maxRows * widths[l]];
                }
            }
        }

        @Override
        public void forward(KernelBatch batch, int from, int to, float[] scores) {
            int[] u = batch.users();
            int[] v = batch.items();
            for (int r = from; r < to; r++) {
                scores[r] = 0f;
            }
            if (gmf) {
                for (int r = from; r < to; r++) {
                    int ua = u[r] * rowWidth;
                    int va = v[r] * rowWidth;
                    float s = 0f;
                    for (int c = 0; c < dim; c++) {
                        s += output[c] * (users[ua + c] * items[va + c]);
                    }
                    scores[r] = s;
                }
            }
            if (!mlp) {
                return;
            }
            float[] z0 = activations[0];
            int in0 = widths[0];
            for (int r = from; r < to; r++) {
                System.arraycopy(users, u[r] * rowWidth + mlpColumn, z0, r * in0, dim);
                System.arraycopy(items, v[r] * rowWidth + mlpColumn, z0, r * in0 + dim, dim);
            }
            for (int l = 1; l <= layers; l++) {
                int in = widths[l - 1];
                int out = widths[l];
                float[] y = activations[l];
                float[] wT = Dense.transposeBlock(weights[l], out, in, 0, in);
                Dense.fillRows(biases[l], out, y, out, 0, from, to);
                Dense.multiplyAdd(activations[l - 1], in, 0, wT, in, out, y, out, 0, from, to);
                Relu.apply(y, from * out, to * out);
            }
            int k = widths[layers];
            float[] z = activations[layers];
            for (int r = from; r < to; r++) {
                int at = r * k;
                float s = 0f;
                for (int c = 0; c < k; c++) {
                    s += output[mlpOutput + c] * z[at + c];
                }
                scores[r] += s;
            }
        }

        @Override
        public void backward(KernelBatch batch, int from, int to, float[] scoreGradients,
                KernelParameters gradients) {
            int[] u = batch.users();
            int[] v = batch.items();
            float[] dOutput = gradients.values(NeuMfModel.OUTPUT);
            float[] dUsers = gradients.values(NeuMfModel.USERS);
            float[] dItems = gradients.values(NeuMfModel.ITEMS);
            if (gmf) {
                for (int r = from; r < to; r++) {
                    float g = scoreGradients[r];
                    int ua = u[r] * rowWidth;
                    int va = v[r] * rowWidth;
                    for (int c = 0; c < dim; c++) {
                        float p = users[ua + c];
                        float q = items[va + c];
                        float gh = g * output[c];
                        dOutput[c] += g * (p * q);
                        dUsers[ua + c] += gh * q;
                        dItems[va + c] += gh * p;
                    }
                }
            }
            if (!mlp) {
                return;
            }
            int k = widths[layers];
            float[] z = activations[layers];
            float[] dz = deltas[layers];
            for (int r = from; r < to; r++) {
                float g = scoreGradients[r];
                int at = r * k;
                for (int c = 0; c < k; c++) {
                    dOutput[mlpOutput + c] += g * z[at + c];
                    dz[at + c] = g * output[mlpOutput + c];
                }
            }
            for (int l = layers; l >= 1; l--) {
                int in = widths[l - 1];
                int out = widths[l];
                float[] da = deltas[l];
                Relu.backward(activations[l], from * out, da, from * out, to * out);
                Dense.backwardBias(da, out, 0, out, gradients.values(NeuMfModel.bias(l)), from, to);
                Dense.backwardWeights(da, out, 0, activations[l - 1], in, 0, in, out,
                        gradients.values(NeuMfModel.weight(l)), in, 0, from, to);
                float[] below = deltas[l - 1];
                Dense.fillRows(null, in, below, in, 0, from, to);
                Dense.backwardInput(da, out, 0, weights[l], in, 0, in, out, below, in, 0, from, to);
            }
            float[] dz0 = deltas[0];
            int in0 = widths[0];
            for (int r = from; r < to; r++) {
                int at = r * in0;
                int ua = u[r] * rowWidth + mlpColumn;
                int va = v[r] * rowWidth + mlpColumn;
                for (int c = 0; c < dim; c++) {
                    dUsers[ua + c] += dz0[at + c];
                    dItems[va + c] += dz0[at + dim + c];
                }
            }
        }
    }
}
