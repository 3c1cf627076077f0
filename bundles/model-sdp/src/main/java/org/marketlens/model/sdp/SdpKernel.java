package org.marketlens.model.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.marketlens.framework.nn.kernel.Dense;
import org.marketlens.framework.nn.kernel.DistinctRows;
import org.marketlens.framework.nn.kernel.DropoutMask;
import org.marketlens.framework.nn.kernel.FinalLayerKernel;
import org.marketlens.framework.nn.kernel.KernelBatch;
import org.marketlens.framework.nn.kernel.KernelParameters;
import org.marketlens.framework.nn.kernel.Tanh;

/**
 * SDP's score graph by hand (issue 6): forward {@code x_0 = [u_i; v_j]}, {@code x_ℓ = f(W^(ℓ) x_{ℓ−1} + b^(ℓ))}
 * (Eq. 5.1–5.4, f = tanh or the identity), score {@code −(w_oᵀ square(x_L) + b_o)} (Eq. 5.5, 5.6), and its
 * vector-Jacobian product for given score gradients {@code g_r}:
 * {@code ∂b_o = −Σ g_r}, {@code ∂w_o = −Σ g_r x_L²}, {@code ∂x_L = −2 g_r w_o ⊙ x_L},
 * {@code ∂z_ℓ = ∂x_ℓ ⊙ f'(z_ℓ)} ({@code 1 − x_ℓ²} for tanh), {@code ∂W^(ℓ) = Σ ∂z_ℓ x_{ℓ−1}ᵀ},
 * {@code ∂b^(ℓ) = Σ ∂z_ℓ}, {@code ∂x_{ℓ−1} = W^(ℓ)ᵀ ∂z_ℓ}, and {@code ∂x_0} scattered into the rows of the user and
 * item tables. The first layer works on each distinct user and item of a pass once ({@code Rows}). Equal to
 * {@link SdpModel#score} to float precision ({@code SdpKernelTest}).
 * <p>
 * <b>Dropout</b> (A-8): a training worker ({@link #worker(KernelParameters, int, long)}) with a rate {@code p > 0}
 * multiplies every layer's output by a mask {@code k ∈ {0, ≈1/(1 − p)}} (kept with probability {@code ≈1 − p},
 * {@link DropoutMask}), fresh
 * per forward pass from a {@link SplittableRandom} seeded by the trainer, so kernel training is reproducible per
 * seed; the backward pass reuses the masks ({@code ∂(k ⊙ f(z)) = k ⊙ f'(z) ⊙ ∂x}). A serving worker
 * ({@link #worker(KernelParameters, int)}) has no dropout: inference is deterministic.
 */
final class SdpKernel implements FinalLayerKernel {
    private final int dim;
    private final int layers;
    /** {@code widths[0] = 2d}, {@code widths[ℓ]} the width of layer ℓ. */
    private final int[] widths;
    private final boolean tanh;
    private final double dropout;
    private final RowPenalty penalty;

    SdpKernel(int dim, int[] widths, boolean tanh, double dropout, double lambda) {
        this.dim = dim;
        this.dropout = dropout;
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

    /** @return the width of {@code e^(ℓ+1)} (Eq. 5.5) */
    @Override
    public int finalVectorSize() {
        return widths[layers];
    }

    /** A serving worker: no dropout, deterministic. */
    @Override
    public FinalLayerWorker worker(KernelParameters parameters, int maxRows) {
        return new SdpWorker(parameters, maxRows, null);
    }

    /** A training worker: with dropout, its masks drawn from {@code seed}. */
    @Override
    public FinalLayerWorker worker(KernelParameters parameters, int maxRows, long seed) {
        return new SdpWorker(parameters, maxRows, dropout > 0 ? new SplittableRandom(seed) : null);
    }

    private final class SdpWorker implements FinalLayerWorker {
        private final float[] users;
        private final float[] items;
        private final float[][] weights;
        private final float[][] biases;
        private final float[] edge;
        private final float[] edgeBias;
        /** {@code activations[ℓ]}: {@code f(z_ℓ)}, {@code [maxRows, widths[ℓ]]}, ℓ ≥ 1 ({@code x_ℓ} without dropout). */
        private final float[][] activations;
        /** {@code outputs[ℓ]}: {@code x_ℓ}, the layer's output after dropout ({@code activations[ℓ]} without). */
        private final float[][] outputs;
        /** {@code keep[ℓ]}: the dropout multipliers of {@code x_ℓ} in the last forward pass; null without dropout. */
        private final float[][] keep;
        /** The dropout masks' generator, or null (no dropout). */
        private final SplittableRandom random;
        /** Draws the masks, or null (no dropout). */
        private final DropoutMask mask;
        /** {@code deltas[ℓ]}: the gradient with respect to {@code x_ℓ} (then {@code z_ℓ}), same shape. */
        private final float[][] deltas;
        /** The distinct users of the last forward pass's rows (first layer's user half), see {@link Rows}. */
        private final Rows userRows;
        /** The distinct items of the last forward pass's rows (first layer's item half). */
        private final Rows itemRows;

        SdpWorker(KernelParameters parameters, int maxRows, SplittableRandom random) {
            this.random = random;
            this.mask = random != null ? new DropoutMask(dropout, maxRows * widths[1]) : null;
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
            outputs = new float[layers + 1][];
            keep = random != null ? new float[layers + 1][] : null;
            for (int l = 1; l <= layers; l++) {
                activations[l] = new float[maxRows * widths[l]];
                deltas[l] = new float[maxRows * widths[l]];
                outputs[l] = activations[l];
                if (keep != null) {
                    outputs[l] = new float[maxRows * widths[l]];
                    keep[l] = new float[maxRows * widths[l]];
                }
            }
            userRows = new Rows(users, users.length / dim, maxRows, 0);
            itemRows = new Rows(items, items.length / dim, maxRows, dim);
        }

        @Override
        public void forward(KernelBatch batch, int from, int to, float[] scores) {
            // First layer: W^(1) [u; v] = W_u u + W_v v, each half once per distinct user or item of the rows (the
            // positive and negative rows of a triple share their user, and users and positives repeat in a batch).
            int out1 = widths[1];
            userRows.forward(batch.users(), from, to, weights[1]);
            itemRows.forward(batch.items(), from, to, weights[1]);
            float[] y1 = activations[1];
            float[] b1 = biases[1];
            for (int r = from; r < to; r++) {
                int at = r * out1;
                int ua = userRows.groupOf(r) * out1;
                int va = itemRows.groupOf(r) * out1;
                for (int o = 0; o < out1; o++) {
                    y1[at + o] = b1[o] + userRows.part[ua + o] + itemRows.part[va + o];
                }
            }
            if (tanh) {
                Tanh.apply(y1, from * out1, to * out1);
            }
            drop(1, from * out1, to * out1);
            for (int l = 2; l <= layers; l++) {
                int in = widths[l - 1];
                int out = widths[l];
                float[] y = activations[l];
                float[] wT = Dense.transposeBlock(weights[l], out, in, 0, in);
                Dense.fillRows(biases[l], out, y, out, 0, from, to);
                Dense.multiplyAdd(outputs[l - 1], in, 0, wT, in, out, y, out, 0, from, to);
                if (tanh) {
                    Tanh.apply(y, from * out, to * out);
                }
                drop(l, from * out, to * out);
            }
            int k = widths[layers];
            float[] x = outputs[layers];
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

        /**
         * {@code outputs[l][i] = keep[l][i] · activations[l][i]} for {@code i} in {@code [from, to)}, a fresh mask
         * ({@link DropoutMask}); nothing without dropout.
         */
        private void drop(int l, int from, int to) {
            if (keep == null) {
                return;
            }
            float[] k = keep[l];
            mask.draw(random, k, from, to);
            float[] y = activations[l];
            float[] x = outputs[l];
            for (int i = from; i < to; i++) {
                x[i] = y[i] * k[i];
            }
        }

        /** {@code e^(ℓ+1) = square(x_L)} (Eq. 5.5) of the last forward pass. */
        @Override
        public void finalVectors(int from, int to, float[] vectors, int stride, int col0) {
            int k = widths[layers];
            float[] x = outputs[layers];
            for (int r = from; r < to; r++) {
                for (int c = 0; c < k; c++) {
                    float e = x[r * k + c];
                    vectors[r * stride + col0 + c] = e * e;
                }
            }
        }

        @Override
        public void backward(KernelBatch batch, int from, int to, float[] scoreGradients,
                KernelParameters gradients) {
            int k = widths[layers];
            float[] x = outputs[layers];
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
                if (keep != null) {
                    float[] kl = keep[l];
                    for (int i = from * out; i < to * out; i++) {
                        dz[i] *= kl[i];
                    }
                }
                if (tanh) {
                    Tanh.backward(activations[l], from * out, dz, from * out, to * out);
                }
                Dense.backwardBias(dz, out, 0, out, gradients.values(SdpModel.bias(l)), from, to);
                if (l == 1) {
                    float[] dW = gradients.values(SdpModel.weight(1));
                    userRows.backward(dz, from, to, weights[1], dW, gradients.values(SdpModel.USERS));
                    itemRows.backward(dz, from, to, weights[1], dW, gradients.values(SdpModel.ITEMS));
                    break;
                }
                Dense.backwardWeights(dz, out, 0, outputs[l - 1], in, 0, in, out,
                        gradients.values(SdpModel.weight(l)), in, 0, from, to);
                float[] below = deltas[l - 1];
                Dense.fillRows(null, in, below, in, 0, from, to);
                Dense.backwardInput(dz, out, 0, weights[l], in, 0, in, out, below, in, 0, from, to);
            }
        }
    }

    /**
     * One half of the first layer, {@code W_u u} or {@code W_v v} (the columns {@code [col0, col0 + d)} of
     * {@code W^(1)}), computed once per distinct table row among a pass's rows ({@link DistinctRows}): the rows are
     * grouped by their index, the group's embedding gathered once, and in the backward pass the rows' gradients
     * {@code ∂z_1} are summed per group before the weight and input gradients
     * ({@code Σ_r ∂z_r xᵀ = Σ_g (Σ_{r in g} ∂z_r) x_gᵀ}).
     */
    private final class Rows {
        private final float[] table;
        private final int col0;
        private final DistinctRows distinct;
        /** {@code [groups, d]}: the groups' embeddings. */
        private final float[] gathered;
        /** {@code [groups, d_1]}: the half's product per group, then (backward) the summed {@code ∂z_1}. */
        final float[] part;
        /** {@code [groups, d]}: the gradient of the groups' embeddings. */
        private final float[] gradient;

        Rows(float[] table, int tableRows, int maxRows, int col0) {
            this.table = table;
            this.col0 = col0;
            this.distinct = new DistinctRows(tableRows, maxRows, Math.max(dim, widths[1]));
            this.gathered = new float[maxRows * dim];
            this.part = new float[maxRows * widths[1]];
            this.gradient = new float[maxRows * dim];
        }

        /** @return the group of row {@code r} of the last {@link #forward}: its row of {@link #part} */
        int groupOf(int r) {
            return distinct.groupOf(r);
        }

        /** Groups rows {@code [from, to)} by {@code index[r]} and sets {@link #part} to the half's product per group. */
        void forward(int[] index, int from, int to, float[] w1) {
            int k = distinct.group(index, from, to);
            distinct.gather(table, dim, 0, dim, gathered);
            int out = widths[1];
            float[] wT = Dense.transposeBlock(w1, out, widths[0], col0, dim);
            Dense.fillRows(null, out, part, out, 0, 0, k);
            Dense.multiplyAdd(gathered, dim, 0, wT, dim, out, part, out, 0, 0, k);
        }

        /** Adds this half's share of {@code ∂W^(1)} and the groups' embedding gradients, from {@code ∂z_1} of the rows. */
        void backward(float[] dz, int from, int to, float[] w1, float[] dW1, float[] dTable) {
            int out = widths[1];
            int groups = distinct.groups();
            distinct.sumByGroup(dz, out, 0, out, part);
            Dense.backwardWeights(part, out, 0, gathered, dim, 0, dim, out, dW1, widths[0], col0, 0, groups);
            java.util.Arrays.fill(gradient, 0, groups * dim, 0f);
            Dense.backwardInput(part, out, 0, w1, widths[0], col0, dim, out, gradient, dim, 0, 0, groups);
            distinct.scatterAdd(gradient, dTable, dim, 0, dim);
        }
    }
}
