package org.marketlens.model.sdp;

import java.util.ArrayList;
import java.util.List;
import org.marketlens.framework.nn.kernel.Dense;
import org.marketlens.framework.nn.kernel.KernelBatch;
import org.marketlens.framework.nn.kernel.KernelParameters;
import org.marketlens.framework.nn.kernel.ScoreKernel;
import org.marketlens.framework.nn.kernel.Tanh;

/**
 * SDP's score graph by hand (issue 6): forward {@code x_0 = [u_i; v_j]}, {@code x_ℓ = f(W^(ℓ) x_{ℓ−1} + b^(ℓ))}
 * (Eq. 5.1–5.4, f = tanh or the identity), score {@code −(w_oᵀ square(x_L) + b_o)} (Eq. 5.5, 5.6), and its
 * vector-Jacobian product for given score gradients {@code g_r}:
 * {@code ∂b_o = −Σ g_r}, {@code ∂w_o = −Σ g_r x_L²}, {@code ∂x_L = −2 g_r w_o ⊙ x_L},
 * {@code ∂z_ℓ = ∂x_ℓ ⊙ f'(z_ℓ)} ({@code 1 − x_ℓ²} for tanh), {@code ∂W^(ℓ) = Σ ∂z_ℓ x_{ℓ−1}ᵀ},
 * {@code ∂b^(ℓ) = Σ ∂z_ℓ}, {@code ∂x_{ℓ−1} = W^(ℓ)ᵀ ∂z_ℓ}, and {@code ∂x_0} scattered into the rows of the user and
 * item tables. Equal to {@link SdpModel#score} to float precision ({@code SdpKernelTest}).
 */
final class SdpKernel implements ScoreKernel {
    private final int dim;
    private final int layers;
    /** {@code widths[0] = 2d}, {@code widths[ℓ]} the width of layer ℓ. */
    private final int[] widths;
    private final boolean tanh;
    private final RowPenalty penalty;

    SdpKernel(int dim, int[] widths, boolean tanh, double lambda) {
        this.dim = dim;
        this.layers = widths.length - 1;
        this.widths = widths.clone();
        this.tanh = tanh;
        List<String> dense = new ArrayList<>();
        dense.add(SdpModel.EDGE);
        for (int l = 1; l <= layers; l++) {
            dense.add(SdpModel.weight(l));
        }
        this.penalty = new RowPenalty(lambda, SdpModel.USERS, SdpModel.ITEMS, dense);
    }

    /** The A-6 penalty of {@link SdpModel#penalty}: batch rows of both tables, every {@code W^(ℓ)} and {@code w_o}. */
    @Override
    public RowPenalty penalty() {
        return penalty;
    }

    @Override
    public Worker worker(KernelParameters parameters, int maxRows) {
        return new SdpWorker(parameters, maxRows);
    }

    private final class SdpWorker implements Worker {
        private final float[] users;
        private final float[] items;
        private final float[][] weights;
        private final float[][] biases;
        private final float[] edge;
        private final float[] edgeBias;
        /** {@code activations[ℓ]}: {@code x_ℓ}, {@code [maxRows, widths[ℓ]]}; {@code x_0 = [u; v]}. */
        private final float[][] activations;
        /** {@code deltas[ℓ]}: the gradient with respect to {@code x_ℓ} (then {@code z_ℓ}), same shape. */
        private final float[][] deltas;

        SdpWorker(KernelParameters parameters, int maxRows) {
            users = parameters.values(SdpModel.USERS);
            items = parameters.values(SdpModel.ITEMS);
            weights = new float[layers + 1][];
            biases = new float[layers + 1][];
            for (int l = 1; l <= layers; l++) {
                weights[l] = parameters.values(SdpModel.weight(l));
                biases[l] = parameters.values(SdpModel.bias(l));
            }
            edge = parameters.values(SdpModel.EDGE);
            edgeBias = parameters.values(SdpModel.EDGE_BIAS);
            activations = new float[layers + 1][];
            deltas = new float[layers + 1][];
            for (int l = 0; l <= layers; l++) {
                activations[l] = new float[maxRows * widths[l]];
                deltas[l] = new float[maxRows * widths[l]];
            }
        }

        @Override
        public void forward(KernelBatch batch, int from, int to, float[] scores) {
            int[] u = batch.users();
            int[] v = batch.items();
            float[] x0 = activations[0];
            int in0 = widths[0];
            for (int r = from; r < to; r++) {
                System.arraycopy(users, u[r] * dim, x0, r * in0, dim);
                System.arraycopy(items, v[r] * dim, x0, r * in0 + dim, dim);
            }
            for (int l = 1; l <= layers; l++) {
                int in = widths[l - 1];
                int out = widths[l];
                float[] y = activations[l];
                float[] wT = Dense.transposeBlock(weights[l], out, in, 0, in);
                Dense.fillRows(biases[l], out, y, out, 0, from, to);
                Dense.multiplyAdd(activations[l - 1], in, 0, wT, in, out, y, out, 0, from, to);
                if (tanh) {
                    Tanh.apply(y, from * out, to * out);
                }
            }
            int k = widths[layers];
            float[] x = activations[layers];
            float b = edgeBias[0];
            for (int r = from; r < to; r++) {
                int at = r * k;
                float d = 0;
                for (int c = 0; c < k; c++) {
                    float e = x[at + c];
                    d += edge[c] * (e * e);
                }
                scores[r] = -(d + b);
            }
        }

        @Override
        public void backward(KernelBatch batch, int from, int to, float[] scoreGradients,
                KernelParameters gradients) {
            int k = widths[layers];
            float[] x = activations[layers];
            float[] dx = deltas[layers];
            float[] dEdge = gradients.values(SdpModel.EDGE);
            // In double: BPR's gradient of b_o is exactly 0 (it cancels in neg − pos), and a float sum's rounding residue
            // would be the size of Adam's ε, which turns it into steps of a fraction of the learning rate.
            double dBias = 0;
            for (int r = from; r < to; r++) {
                float g = scoreGradients[r];
                dBias -= g;
                int at = r * k;
                for (int c = 0; c < k; c++) {
                    float e = x[at + c];
                    dEdge[c] -= g * (e * e);
                    dx[at + c] = -2f * g * edge[c] * e;
                }
            }
            gradients.values(SdpModel.EDGE_BIAS)[0] += (float) dBias;
            for (int l = layers; l >= 1; l--) {
                int in = widths[l - 1];
                int out = widths[l];
                float[] dz = deltas[l];
                if (tanh) {
                    Tanh.backward(activations[l], from * out, dz, from * out, to * out);
                }
                Dense.backwardWeights(dz, out, 0, activations[l - 1], in, 0, in, out,
                        gradients.values(SdpModel.weight(l)), in, 0, from, to);
                Dense.backwardBias(dz, out, 0, out, gradients.values(SdpModel.bias(l)), from, to);
                float[] below = deltas[l - 1];
                Dense.fillRows(null, in, below, in, 0, from, to);
                Dense.backwardInput(dz, out, 0, weights[l], in, 0, in, out, below, in, 0, from, to);
            }
            float[] dx0 = deltas[0];
            int in0 = widths[0];
            float[] dUsers = gradients.values(SdpModel.USERS);
            float[] dItems = gradients.values(SdpModel.ITEMS);
            int[] u = batch.users();
            int[] v = batch.items();
            for (int r = from; r < to; r++) {
                int at = r * in0;
                int ur = u[r] * dim;
                int vr = v[r] * dim;
                for (int c = 0; c < dim; c++) {
                    dUsers[ur + c] += dx0[at + c];
                }
                for (int c = 0; c < dim; c++) {
                    dItems[vr + c] += dx0[at + dim + c];
                }
            }
        }
    }
}
