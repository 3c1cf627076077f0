package org.marketlens.model.cmn;

import java.util.ArrayList;
import java.util.List;
import org.marketlens.framework.nn.kernel.Dense;
import org.marketlens.framework.nn.kernel.KernelBatch;
import org.marketlens.framework.nn.kernel.KernelParameters;
import org.marketlens.framework.nn.kernel.Relu;
import org.marketlens.framework.nn.kernel.ScoreKernel;
import org.marketlens.framework.nn.kernel.Softmin;

/**
 * CMN's score graph by hand (issue 6; {@link CmnModel}'s equations, MODELS.md §4.7). Forward, per row (user u, item
 * i, neighbours {@code n_k} of {@code N(i)} with u and empty slots masked out):
 * {@code z^1 = m_u + e_i}; hop h: {@code q_k = z^hᵀ m_{n_k}}, {@code p = softmax(q)} over the valid neighbours
 * (the kernel {@link Softmin} of {@code −q}), {@code o^h = Σ_k p_k c_{n_k}}, and between hops
 * {@code z^(h+1) = ReLU(W^h z^h + o^h)}; score {@code vᵀ ReLU(U (m_u ⊙ e_i) + W o^H + b)}. Backward, for score
 * gradients {@code g}: {@code ∂a = g v ⊙ [hidden > 0]}, {@code ∂v = g hidden}, {@code ∂b = ∂a},
 * {@code ∂U = ∂a (m_u ⊙ e_i)ᵀ}, {@code ∂W = ∂a o^Hᵀ}, {@code ∂o^H = Wᵀ ∂a}; per hop from the last:
 * {@code ∂c_{n_k} += p_k ∂o^h}, {@code ∂p_k = ∂o^h · c_{n_k}}, {@code ∂q_k = p_k (∂p_k − Σ_j p_j ∂p_j)},
 * {@code ∂m_{n_k} += ∂q_k z^h}, {@code ∂z^h += Σ_k ∂q_k m_{n_k}}; through a between-hop layer
 * {@code ∂a^h = ∂z^(h+1) ⊙ [z^(h+1) > 0]}, {@code ∂W^h = ∂a^h z^hᵀ}, {@code ∂z^h += W^hᵀ ∂a^h}, {@code ∂o^h = ∂a^h};
 * and {@code ∂z^1} goes to both {@code m_u} and {@code e_i}. Every memory gradient is scattered into the rows of
 * the user table ({@code [m | c]}) and the item table. Equal to {@link CmnModel#score} to float precision
 * ({@code CmnKernelTest}).
 */
final class CmnKernel implements ScoreKernel {
    private final int dim;
    private final int hops;
    private final int cap;
    /** Per item, its neighbourhood's user ids ({@code [numItems, cap]}), or {@code null}: read from the parameters. */
    private final int[] neighbourIds;
    /** Per item, 1 for a neighbour, 0 for an empty slot ({@code [numItems, cap]}), or {@code null} as above. */
    private final float[] neighbourMask;
    private final RowPenalty penalty;

    /**
     * @param table the neighbourhood table of {@link Neighbourhoods#build} as a flat {@code [numItems, 2·cap]} array,
     *              or {@code null} when the parameters the worker reads hold it as {@link CmnModel#NEIGHBOURHOOD}
     *              (a served model's)
     */
    CmnKernel(int dim, int hops, int cap, double lambda, float[] table) {
        this.dim = dim;
        this.hops = hops;
        this.cap = cap;
        if (table == null) {
            neighbourIds = null;
            neighbourMask = null;
        } else {
            neighbourIds = ids(table);
            neighbourMask = mask(table);
        }
        List<String> dense = new ArrayList<>(List.of(CmnModel.U, CmnModel.W, CmnModel.V));
        for (int h = 1; h < hops; h++) {
            dense.add(CmnModel.HOP + h);
        }
        this.penalty = new RowPenalty(lambda, CmnModel.USER_MEMORY, CmnModel.ITEM_MEMORY, dense);
    }

    /** @return the user-id half of a flat neighbourhood table, {@code [numItems, cap]} */
    private int[] ids(float[] table) {
        int items = table.length / (2 * cap);
        int[] ids = new int[items * cap];
        for (int i = 0; i < items; i++) {
            for (int k = 0; k < cap; k++) {
                ids[i * cap + k] = (int) table[i * 2 * cap + k];
            }
        }
        return ids;
    }

    /** @return the slot-mask half of a flat neighbourhood table, {@code [numItems, cap]} */
    private float[] mask(float[] table) {
        int items = table.length / (2 * cap);
        float[] mask = new float[items * cap];
        for (int i = 0; i < items; i++) {
            System.arraycopy(table, i * 2 * cap + cap, mask, i * cap, cap);
        }
        return mask;
    }

    /** The A-6 penalty of {@link CmnModel#penalty}: batch rows of both memories, {@code U}, {@code W}, {@code v}, {@code W^h}. */
    @Override
    public RowPenalty penalty() {
        return penalty;
    }

    @Override
    public Worker worker(KernelParameters parameters, int maxRows) {
        if (neighbourIds != null) {
            return new CmnWorker(parameters, maxRows, neighbourIds, neighbourMask);
        }
        if (!parameters.names().contains(CmnModel.NEIGHBOURHOOD)) {
            throw new IllegalStateException("CMN scores need the neighbourhood table");
        }
        float[] table = parameters.values(CmnModel.NEIGHBOURHOOD);
        return new CmnWorker(parameters, maxRows, ids(table), mask(table));
    }

    private final class CmnWorker implements Worker {
        private final int[] ids;
        private final float[] slots;
        private final float[] memory;
        private final float[] itemMemory;
        private final float[] u;
        private final float[] w;
        private final float[] b;
        private final float[] v;
        /** {@code hopWeights[h]}: {@code W^h}, h = 1..H−1. */
        private final float[][] hopWeights;
        /** {@code [rows, cap]}: the valid neighbours of each row (slot mask without the query user). */
        private final float[] valid;
        /** {@code queries[h]}: {@code z^h}, {@code [rows, d]}, h = 1..H. */
        private final float[][] queries;
        /** {@code attention[h]}: {@code p} of hop h, {@code [rows, cap]}. */
        private final float[][] attention;
        /** {@code outputs[h]}: {@code o^h}, {@code [rows, d]}. */
        private final float[][] outputs;
        /** {@code [rows, d]}: {@code m_u ⊙ e_i}. */
        private final float[] product;
        /** {@code [rows, d]}: the output layer's ReLU. */
        private final float[] hidden;
        /** {@code [rows, d]} gradients: of {@code z^h} (one per hop), the product and {@code o} of the current hop. */
        private final float[][] queryGradients;
        private final float[] productGradient;
        private final float[] outputGradient;
        /** One row's scratch: {@code −q}, then {@code ∂p}, then the softmin's gradient. */
        private final float[] row;
        private final float[] rowGradient;

        CmnWorker(KernelParameters parameters, int maxRows, int[] ids, float[] slots) {
            this.ids = ids;
            this.slots = slots;
            memory = parameters.values(CmnModel.USER_MEMORY);
            itemMemory = parameters.values(CmnModel.ITEM_MEMORY);
            u = parameters.values(CmnModel.U);
            w = parameters.values(CmnModel.W);
            b = parameters.values(CmnModel.B);
            v = parameters.values(CmnModel.V);
            hopWeights = new float[hops][];
            for (int h = 1; h < hops; h++) {
                hopWeights[h] = parameters.values(CmnModel.HOP + h);
            }
            valid = new float[maxRows * cap];
            queries = new float[hops + 1][];
            attention = new float[hops + 1][];
            outputs = new float[hops + 1][];
            queryGradients = new float[hops + 1][];
            for (int h = 1; h <= hops; h++) {
                queries[h] = new float[maxRows * dim];
                attention[h] = new float[maxRows * cap];
                outputs[h] = new float[maxRows * dim];
                queryGradients[h] = new float[maxRows * dim];
            }
            product = new float[maxRows * dim];
            hidden = new float[maxRows * dim];
            productGradient = new float[maxRows * dim];
            outputGradient = new float[maxRows * dim];
            row = new float[cap];
            rowGradient = new float[cap];
        }

        @Override
        public void forward(KernelBatch batch, int from, int to, float[] scores) {
            int[] users = batch.users();
            int[] items = batch.items();
            int width = 2 * dim;
            float[] z1 = queries[1];
            for (int r = from; r < to; r++) {
                int ua = users[r] * width;
                int ia = items[r] * dim;
                int at = r * dim;
                for (int c = 0; c < dim; c++) {
                    float m = memory[ua + c];
                    float e = itemMemory[ia + c];
                    z1[at + c] = m + e;
                    product[at + c] = m * e;
                }
                int na = items[r] * cap;
                for (int k = 0; k < cap; k++) {
                    valid[r * cap + k] = ids[na + k] == users[r] ? 0f : slots[na + k];
                }
            }
            for (int h = 1; h <= hops; h++) {
                if (h > 1) {
                    float[] z = queries[h];
                    System.arraycopy(outputs[h - 1], from * dim, z, from * dim, (to - from) * dim);
                    float[] wT = Dense.transposeBlock(hopWeights[h - 1], dim, dim, 0, dim);
                    Dense.multiplyAdd(queries[h - 1], dim, 0, wT, dim, dim, z, dim, 0, from, to);
                    Relu.apply(z, from * dim, to * dim);
                }
                attend(items, from, to, h);
            }
            Dense.fillRows(b, dim, hidden, dim, 0, from, to);
            Dense.multiplyAdd(product, dim, 0, Dense.transposeBlock(u, dim, dim, 0, dim), dim, dim, hidden, dim, 0,
                    from, to);
            Dense.multiplyAdd(outputs[hops], dim, 0, Dense.transposeBlock(w, dim, dim, 0, dim), dim, dim, hidden,
                    dim, 0, from, to);
            Relu.apply(hidden, from * dim, to * dim);
            for (int r = from; r < to; r++) {
                int at = r * dim;
                float s = 0f;
                for (int c = 0; c < dim; c++) {
                    s += hidden[at + c] * v[c];
                }
                scores[r] = s;
            }
        }

        /** Hop h's attention {@code p} and output {@code o^h} from its query {@code z^h}. */
        private void attend(int[] items, int from, int to, int h) {
            float[] z = queries[h];
            float[] p = attention[h];
            float[] o = outputs[h];
            int width = 2 * dim;
            for (int r = from; r < to; r++) {
                int at = r * dim;
                int na = items[r] * cap;
                for (int k = 0; k < cap; k++) {
                    int ma = ids[na + k] * width;
                    float q = 0f;
                    for (int c = 0; c < dim; c++) {
                        q += z[at + c] * memory[ma + c];
                    }
                    row[k] = -q;
                }
                Softmin.weights(row, 0, valid, r * cap, cap, p, r * cap);
                java.util.Arrays.fill(o, at, at + dim, 0f);
                for (int k = 0; k < cap; k++) {
                    float a = p[r * cap + k];
                    if (a == 0f) {
                        continue;
                    }
                    int ca = ids[na + k] * width + dim;
                    for (int c = 0; c < dim; c++) {
                        o[at + c] += a * memory[ca + c];
                    }
                }
            }
        }

        @Override
        public void backward(KernelBatch batch, int from, int to, float[] scoreGradients,
                KernelParameters gradients) {
            int[] users = batch.users();
            int[] items = batch.items();
            int width = 2 * dim;
            float[] dMemory = gradients.values(CmnModel.USER_MEMORY);
            float[] dItems = gradients.values(CmnModel.ITEM_MEMORY);
            float[] dv = gradients.values(CmnModel.V);
            // Output layer: ∂a = g v ⊙ [hidden > 0].
            float[] da = productGradient;
            for (int r = from; r < to; r++) {
                float g = scoreGradients[r];
                int at = r * dim;
                for (int c = 0; c < dim; c++) {
                    dv[c] += g * hidden[at + c];
                    da[at + c] = g * v[c];
                }
            }
            Relu.backward(hidden, from * dim, da, from * dim, to * dim);
            Dense.backwardBias(da, dim, 0, dim, gradients.values(CmnModel.B), from, to);
            Dense.backwardWeights(da, dim, 0, product, dim, 0, dim, dim, gradients.values(CmnModel.U), dim, 0, from,
                    to);
            Dense.backwardWeights(da, dim, 0, outputs[hops], dim, 0, dim, dim, gradients.values(CmnModel.W), dim, 0,
                    from, to);
            Dense.fillRows(null, dim, outputGradient, dim, 0, from, to);
            Dense.backwardInput(da, dim, 0, w, dim, 0, dim, dim, outputGradient, dim, 0, from, to);
            // ∂(m_u ⊙ e_i) = Uᵀ ∂a, into the memories now (da is free afterwards).
            float[] dProduct = queryGradients[1];
            Dense.fillRows(null, dim, dProduct, dim, 0, from, to);
            Dense.backwardInput(da, dim, 0, u, dim, 0, dim, dim, dProduct, dim, 0, from, to);
            for (int r = from; r < to; r++) {
                int ua = users[r] * width;
                int ia = items[r] * dim;
                int at = r * dim;
                for (int c = 0; c < dim; c++) {
                    float g = dProduct[at + c];
                    dMemory[ua + c] += g * itemMemory[ia + c];
                    dItems[ia + c] += g * memory[ua + c];
                }
            }
            for (int h = 1; h <= hops; h++) {
                Dense.fillRows(null, dim, queryGradients[h], dim, 0, from, to);
            }
            for (int h = hops; h >= 1; h--) {
                attendBackward(items, from, to, h, dMemory);
                if (h == 1) {
                    break;
                }
                // z^h = ReLU(W^(h−1) z^(h−1) + o^(h−1)).
                float[] dz = queryGradients[h];
                Relu.backward(queries[h], from * dim, dz, from * dim, to * dim);
                Dense.backwardWeights(dz, dim, 0, queries[h - 1], dim, 0, dim, dim,
                        gradients.values(CmnModel.HOP + (h - 1)), dim, 0, from, to);
                Dense.backwardInput(dz, dim, 0, hopWeights[h - 1], dim, 0, dim, dim, queryGradients[h - 1], dim, 0,
                        from, to);
                System.arraycopy(dz, from * dim, outputGradient, from * dim, (to - from) * dim);
            }
            float[] dz1 = queryGradients[1];
            for (int r = from; r < to; r++) {
                int ua = users[r] * width;
                int ia = items[r] * dim;
                int at = r * dim;
                for (int c = 0; c < dim; c++) {
                    float g = dz1[at + c];
                    dMemory[ua + c] += g;
                    dItems[ia + c] += g;
                }
            }
        }

        /**
         * Back through hop h's attention, given {@code ∂o^h} in {@link #outputGradient}: adds to the neighbours' memory
         * rows and to {@code ∂z^h}.
         */
        private void attendBackward(int[] items, int from, int to, int h, float[] dMemory) {
            float[] z = queries[h];
            float[] p = attention[h];
            float[] dz = queryGradients[h];
            float[] dO = outputGradient;
            int width = 2 * dim;
            for (int r = from; r < to; r++) {
                int at = r * dim;
                int na = items[r] * cap;
                for (int k = 0; k < cap; k++) {
                    float a = p[r * cap + k];
                    if (a == 0f) {
                        row[k] = 0f;
                        continue;
                    }
                    int ca = ids[na + k] * width + dim;
                    float dp = 0f;
                    for (int c = 0; c < dim; c++) {
                        dp += dO[at + c] * memory[ca + c];
                        dMemory[ca + c] += a * dO[at + c];
                    }
                    row[k] = dp;
                }
                // Softmin of −q: its gradient with respect to −q, so ∂q = −that.
                Softmin.backward(p, r * cap, row, 0, cap, rowGradient, 0);
                for (int k = 0; k < cap; k++) {
                    float dq = -rowGradient[k];
                    if (dq == 0f) {
                        continue;
                    }
                    int ma = ids[na + k] * width;
                    for (int c = 0; c < dim; c++) {
                        dMemory[ma + c] += dq * z[at + c];
                        dz[at + c] += dq * memory[ma + c];
                    }
                }
            }
        }
    }
}
