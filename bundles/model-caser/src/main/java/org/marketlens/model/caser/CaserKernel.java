package org.marketlens.model.caser;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.marketlens.framework.nn.kernel.Dense;
import org.marketlens.framework.nn.kernel.DistinctRows;
import org.marketlens.framework.nn.kernel.DropoutMask;
import org.marketlens.framework.nn.kernel.KernelBatch;
import org.marketlens.framework.nn.kernel.KernelParameters;
import org.marketlens.framework.nn.kernel.ScoreKernel;

/**
 * Caser's score graph ({@link CaserModel#forward}, MODELS.md §4.7) by hand (issue 6), and its vector-Jacobian product.
 * Per row, with the image {@code E[l] = m_l · Q[c_l]} of the context window:
 * <pre>
 * R[l]   = S E[l]                       S = the [Σ_h h·n_h, d] stack of every horizontal filter's offset blocks
 * o_h[f] = max_t m_{t+h−1} · ReLU(Σ_{o<h} R[t+o, (h, o, f)] + b_h[f])           (max-pooling over time)
 * õ[c, v] = Σ_l F_v[v, l] E[l, c] + b_v[v]                                       (vertical filters)
 * z = ReLU(W_fc (k ⊙ [õ; o_1..o_L]) + b_fc)    k = the dropout multipliers (training only, else 1)
 * score = W2_jᵀ [z; P_u] + b2_j
 * </pre>
 * and backwards {@code ∂z = g W2_j[0, d)}, {@code ∂pre = ∂z ⊙ [z > 0]}, {@code ∂W_fc = Σ ∂pre featᵀ},
 * {@code ∂feat = k ⊙ W_fcᵀ ∂pre}; a pooled {@code o_h[f] > 0} passes its gradient to its first maximal window
 * {@code t*} (libnd4j's {@code reduce_max_bp} scatters to the arg-max; a pooled 0 is a masked or inactive window,
 * whose gradient is 0 either way), {@code ∂R[t*+o, (h, o, f)] += ∂o_h[f]}, {@code ∂S = Σ ∂R Eᵀ},
 * {@code ∂E = Sᵀ ∂R + F_vᵀ ∂õ}, scattered into the rows of {@code Q}.
 * <p>
 * <b>Shared work.</b> {@code R[l]} depends only on the item in slot {@code l}, so it is computed once per distinct
 * context item of a pass (the rows of a batch repeat popular items), and its gradient summed per item before the
 * products of the backward pass. Without dropout, consecutive rows with the same context window (a serving query's
 * candidates) share one convolution and fully connected pass ("window"); with dropout every row draws its own mask,
 * as the training graph does, so every row is its own window.
 * <p>
 * <b>Dropout</b> (A-8): a training worker ({@link #worker(KernelParameters, int, long)}) keeps each feature with
 * probability {@code ≈1 − p} and scales it by the inverse of that probability, a fresh mask per forward pass drawn by
 * {@link DropoutMask} from a {@link SplittableRandom} seeded by the trainer, so kernel training is reproducible per
 * seed (the graph's mask comes from ND4J's global generator); the backward pass reuses the mask. The served model is
 * {@link CaserModel#withoutDropout()}, deterministic.
 * <p>
 * Mask values are 0 or 1 (MODELS.md §0.4); a masked slot contributes nothing whatever item it holds. Equal to the
 * graph to float precision ({@code CaserKernelTest}).
 */
final class CaserKernel implements ScoreKernel {
    private final int dim;
    private final int length;
    private final int horizontal;
    private final int vertical;
    private final double dropout;
    /** {@code Σ_h h·n_h}: the rows of the stacked horizontal filters S. */
    private final int width;
    /** {@code n_v·d + L·n_h}: the features the fully connected layer reads. */
    private final int features;
    /** {@code base[h]}: the first row of S that belongs to height h. */
    private final int[] base;
    private final RowPenalty penalty;

    CaserKernel(int dim, int length, int horizontal, int vertical, double dropout, double lambda) {
        this.dim = dim;
        this.length = length;
        this.horizontal = horizontal;
        this.vertical = vertical;
        this.dropout = dropout;
        this.base = new int[length + 2];
        for (int h = 1; h <= length; h++) {
            base[h + 1] = base[h] + h * horizontal;
        }
        this.width = base[length + 1];
        this.features = vertical * dim + length * horizontal;
        List<String> dense = new ArrayList<>(List.of(CaserModel.VERTICAL, CaserModel.FC));
        for (int h = 1; h <= length; h++) {
            dense.add(CaserModel.HORIZONTAL + h);
        }
        this.penalty = new RowPenalty(lambda, CaserModel.USERS, CaserModel.OUTPUT, dense);
    }

    /** The A-6 penalty of {@link CaserModel#penalty}: batch rows of P and the output table, F_v, W_fc, every F_h. */
    @Override
    public RowPenalty penalty() {
        return penalty;
    }

    /** A worker whose dropout (if any) draws from a fixed seed; training gets {@link #worker(KernelParameters, int, long)}. */
    @Override
    public Worker worker(KernelParameters parameters, int maxRows) {
        return worker(parameters, maxRows, 0L);
    }

    @Override
    public Worker worker(KernelParameters parameters, int maxRows, long seed) {
        return new CaserWorker(parameters, maxRows, seed);
    }

    private final class CaserWorker implements Worker {
        private final float[] users;
        private final float[] items;
        private final float[] output;
        private final float[][] filters;
        private final float[][] filterBiases;
        private final float[] verticalFilters;
        private final float[] verticalBias;
        private final float[] fc;
        private final float[] fcBias;
        private final SplittableRandom random;
        private final int maxRows;
        private final int maxGroups;

        /** The distinct items of the rows' context slots {@code r·L + l}; a masked slot is in no group (−1). */
        private final DistinctRows distinct;
        /** {@code [groups, d]}: the groups' embeddings. */
        private final float[] gathered;
        /** {@code [width, d]}: S of the last forward pass. */
        private final float[] stacked;
        /** {@code [groups, width]}: {@code R} per group. */
        private final float[] responses;
        /** Per row: its window. */
        private final int[] rowWindow;
        /** Per window: the row whose context it is. */
        private final int[] windowRow;
        /** {@code [windows, features]}: the fully connected layer's input (after dropout). */
        private final float[] feature;
        /** {@code [windows, features]}: the dropout multipliers, or null without dropout. */
        private final float[] keep;
        /** Draws {@link #keep} from {@link #random}, or null without dropout. */
        private final DropoutMask dropMask;
        /** {@code [windows, L, n_h]}: the pooled window {@code t*} of each horizontal filter, or −1. */
        private final int[] argmax;
        /** {@code [windows, d]}: z. */
        private final float[] z;
        private int windows;
        private int groups;
        // Backward scratch, allocated on the first backward pass (serving workers never need it).
        private float[] dz;
        private float[] dFeature;
        private float[] dResponses;
        private float[] dGathered;
        private float[] dStacked;

        CaserWorker(KernelParameters parameters, int maxRows, long seed) {
            users = parameters.values(CaserModel.USERS);
            items = parameters.values(CaserModel.ITEMS);
            output = parameters.values(CaserModel.OUTPUT);
            filters = new float[length + 1][];
            filterBiases = new float[length + 1][];
            for (int h = 1; h <= length; h++) {
                filters[h] = parameters.values(CaserModel.HORIZONTAL + h);
                filterBiases[h] = parameters.values(CaserModel.HORIZONTAL_BIAS + h);
            }
            verticalFilters = parameters.values(CaserModel.VERTICAL);
            verticalBias = parameters.values(CaserModel.VERTICAL_BIAS);
            fc = parameters.values(CaserModel.FC);
            fcBias = parameters.values(CaserModel.FC_BIAS);
            random = new SplittableRandom(seed);
            this.maxRows = maxRows;
            int numItems = items.length / dim;
            maxGroups = (int) Math.min((long) maxRows * length, numItems);
            distinct = new DistinctRows(numItems, maxRows * length, dim);
            gathered = new float[maxGroups * dim];
            stacked = new float[width * dim];
            responses = new float[maxGroups * width];
            rowWindow = new int[maxRows];
            windowRow = new int[maxRows];
            feature = new float[maxRows * features];
            keep = dropout > 0 ? new float[maxRows * features] : null;
            dropMask = dropout > 0 ? new DropoutMask(dropout, maxRows * features) : null;
            argmax = new int[maxRows * length * horizontal];
            z = new float[maxRows * dim];
        }

        @Override
        public void forward(KernelBatch batch, int from, int to, float[] scores) {
            if (to - from > maxRows) {
                throw new IllegalArgumentException((to - from) + " rows for a worker of " + maxRows);
            }
            windows(batch, from, to);
            // Each distinct context item of the rows' valid slots once (a window's slots are its row's).
            groups = distinct.group(batch.context(), batch.mask(), from * length, to * length);
            distinct.gather(items, dim, 0, dim, gathered);
            int[] context = batch.context();
            float[] mask = batch.mask();
            stack();
            float[] stackedT = Dense.transposeBlock(stacked, width, dim, 0, dim);
            Dense.fillRows(null, width, responses, width, 0, 0, groups);
            Dense.multiplyAdd(gathered, dim, 0, stackedT, dim, width, responses, width, 0, 0, groups);
            float[] column = new float[dim];
            for (int w = 0; w < windows; w++) {
                int wf = w * features;
                int slots = w * length;
                int rowSlots = windowRow[w] * length;
                // Vertical filters, õ[c, v] at feature c·n_v + v.
                for (int v = 0; v < vertical; v++) {
                    Arrays.fill(column, verticalBias[v]);
                    for (int l = 0; l < length; l++) {
                        int g = distinct.groupOf(rowSlots + l);
                        if (g < 0) {
                            continue;
                        }
                        float a = verticalFilters[v * length + l];
                        int ga = g * dim;
                        for (int c = 0; c < dim; c++) {
                            column[c] += a * gathered[ga + c];
                        }
                    }
                    for (int c = 0; c < dim; c++) {
                        feature[wf + c * vertical + v] = column[c];
                    }
                }
                // Horizontal filters with max-pooling over the valid windows.
                int row = windowRow[w];
                int hf = wf + vertical * dim;
                for (int h = 1; h <= length; h++) {
                    float[] bias = filterBiases[h];
                    for (int f = 0; f < horizontal; f++) {
                        float best = 0;
                        int arg = -1;
                        for (int t = 0; t + h <= length; t++) {
                            float m = mask[row * length + t + h - 1];
                            if (m == 0f) {
                                continue;
                            }
                            float conv = 0;
                            for (int o = 0; o < h; o++) {
                                int g = distinct.groupOf(rowSlots + t + o);
                                if (g >= 0) {
                                    conv += responses[g * width + base[h] + o * horizontal + f];
                                }
                            }
                            float value = Math.max(conv + bias[f], 0f) * m;
                            if (value > best) {
                                best = value;
                                arg = t;
                            }
                        }
                        feature[hf + (h - 1) * horizontal + f] = best;
                        argmax[(slots + h - 1) * horizontal + f] = arg;
                    }
                }
            }
            if (keep != null) {
                // Dropout on the features: one fresh mask for all windows (with dropout every row is its own).
                dropMask.draw(random, keep, 0, windows * features);
                for (int i = 0; i < windows * features; i++) {
                    feature[i] *= keep[i];
                }
            }
            // z = ReLU(W_fc feat + b_fc), once per window.
            float[] fcT = Dense.transposeBlock(fc, dim, features, 0, features);
            Dense.fillRows(fcBias, dim, z, dim, 0, 0, windows);
            Dense.multiplyAdd(feature, features, 0, fcT, features, dim, z, dim, 0, 0, windows);
            for (int i = 0; i < windows * dim; i++) {
                z[i] = Math.max(z[i], 0f);
            }
            int ow = 2 * dim + 1;
            int[] rowUsers = batch.users();
            int[] rowItems = batch.items();
            for (int r = from; r < to; r++) {
                int za = rowWindow[r - from] * dim;
                int ua = rowUsers[r] * dim;
                int ja = rowItems[r] * ow;
                float s = 0;
                for (int c = 0; c < dim; c++) {
                    s += z[za + c] * output[ja + c];
                }
                for (int c = 0; c < dim; c++) {
                    s += users[ua + c] * output[ja + dim + c];
                }
                scores[r] = s + output[ja + 2 * dim];
            }
        }

        /** Assigns rows to windows: without dropout, a row whose context equals the previous row's shares its window. */
        private void windows(KernelBatch batch, int from, int to) {
            int w = 0;
            for (int r = from; r < to; r++) {
                if (keep == null && r > from && sameWindow(batch, r, windowRow[w - 1])) {
                    rowWindow[r - from] = w - 1;
                } else {
                    windowRow[w] = r;
                    rowWindow[r - from] = w++;
                }
            }
            windows = w;
        }

        private boolean sameWindow(KernelBatch batch, int a, int b) {
            int[] context = batch.context();
            float[] mask = batch.mask();
            for (int l = 0; l < length; l++) {
                float m = mask[a * length + l];
                if (m != mask[b * length + l] || m != 0f && context[a * length + l] != context[b * length + l]) {
                    return false;
                }
            }
            return true;
        }

        /** S: row {@code base[h] + o·n_h + f} = the offset-o block {@code F_h[f, o·d .. o·d + d)}. */
        private void stack() {
            for (int h = 1; h <= length; h++) {
                float[] fh = filters[h];
                for (int o = 0; o < h; o++) {
                    for (int f = 0; f < horizontal; f++) {
                        System.arraycopy(fh, f * h * dim + o * dim, stacked, (base[h] + o * horizontal + f) * dim, dim);
                    }
                }
            }
        }

        @Override
        public void backward(KernelBatch batch, int from, int to, float[] scoreGradients, KernelParameters gradients) {
            if (dz == null) {
                dz = new float[maxRows * dim];
                dFeature = new float[maxRows * features];
                dResponses = new float[maxGroups * width];
                dGathered = new float[maxGroups * dim];
                dStacked = new float[width * dim];
            }
            int ow = 2 * dim + 1;
            int[] rowUsers = batch.users();
            int[] rowItems = batch.items();
            float[] dUsers = gradients.values(CaserModel.USERS);
            float[] dOutput = gradients.values(CaserModel.OUTPUT);
            Arrays.fill(dz, 0, windows * dim, 0f);
            for (int r = from; r < to; r++) {
                float g = scoreGradients[r];
                if (g == 0f) {
                    continue;
                }
                int za = rowWindow[r - from] * dim;
                int ua = rowUsers[r] * dim;
                int ja = rowItems[r] * ow;
                for (int c = 0; c < dim; c++) {
                    dOutput[ja + c] += g * z[za + c];
                    dz[za + c] += g * output[ja + c];
                }
                for (int c = 0; c < dim; c++) {
                    dOutput[ja + dim + c] += g * users[ua + c];
                    dUsers[ua + c] += g * output[ja + dim + c];
                }
                dOutput[ja + 2 * dim] += g;
            }
            for (int i = 0; i < windows * dim; i++) {
                if (z[i] <= 0f) {
                    dz[i] = 0f;
                }
            }
            Dense.backwardBias(dz, dim, 0, dim, gradients.values(CaserModel.FC_BIAS), 0, windows);
            Dense.backwardWeights(dz, dim, 0, feature, features, 0, features, dim, gradients.values(CaserModel.FC),
                    features, 0, 0, windows);
            Dense.fillRows(null, features, dFeature, features, 0, 0, windows);
            Dense.backwardInput(dz, dim, 0, fc, features, 0, features, dim, dFeature, features, 0, 0, windows);
            if (keep != null) {
                for (int i = 0; i < windows * features; i++) {
                    dFeature[i] *= keep[i];
                }
            }
            Arrays.fill(dResponses, 0, groups * width, 0f);
            Arrays.fill(dGathered, 0, groups * dim, 0f);
            float[] dVertical = gradients.values(CaserModel.VERTICAL);
            float[] dVerticalBias = gradients.values(CaserModel.VERTICAL_BIAS);
            float[] mask = batch.mask();
            for (int w = 0; w < windows; w++) {
                int wf = w * features;
                int slots = w * length;
                int rowSlots = windowRow[w] * length;
                for (int v = 0; v < vertical; v++) {
                    float sum = 0;
                    for (int c = 0; c < dim; c++) {
                        sum += dFeature[wf + c * vertical + v];
                    }
                    dVerticalBias[v] += sum;
                }
                for (int l = 0; l < length; l++) {
                    int g = distinct.groupOf(rowSlots + l);
                    if (g < 0) {
                        continue;
                    }
                    int ga = g * dim;
                    for (int v = 0; v < vertical; v++) {
                        float a = verticalFilters[v * length + l];
                        float da = 0;
                        for (int c = 0; c < dim; c++) {
                            float dv = dFeature[wf + c * vertical + v];
                            da += dv * gathered[ga + c];
                            dGathered[ga + c] += a * dv;
                        }
                        dVertical[v * length + l] += da;
                    }
                }
                int row = windowRow[w];
                int hf = wf + vertical * dim;
                for (int h = 1; h <= length; h++) {
                    float[] dBias = gradients.values(CaserModel.HORIZONTAL_BIAS + h);
                    for (int f = 0; f < horizontal; f++) {
                        int t = argmax[(slots + h - 1) * horizontal + f];
                        float dp = dFeature[hf + (h - 1) * horizontal + f];
                        if (t < 0 || dp == 0f) {
                            continue;
                        }
                        dp *= mask[row * length + t + h - 1];
                        dBias[f] += dp;
                        for (int o = 0; o < h; o++) {
                            int g = distinct.groupOf(rowSlots + t + o);
                            if (g >= 0) {
                                dResponses[g * width + base[h] + o * horizontal + f] += dp;
                            }
                        }
                    }
                }
            }
            Arrays.fill(dStacked, 0f);
            Dense.backwardWeights(dResponses, width, 0, gathered, dim, 0, dim, width, dStacked, dim, 0, 0, groups);
            Dense.backwardInput(dResponses, width, 0, stacked, dim, 0, dim, width, dGathered, dim, 0, 0, groups);
            for (int h = 1; h <= length; h++) {
                float[] dF = gradients.values(CaserModel.HORIZONTAL + h);
                for (int o = 0; o < h; o++) {
                    for (int f = 0; f < horizontal; f++) {
                        int sa = (base[h] + o * horizontal + f) * dim;
                        int fa = f * h * dim + o * dim;
                        for (int c = 0; c < dim; c++) {
                            dF[fa + c] += dStacked[sa + c];
                        }
                    }
                }
            }
            distinct.scatterAdd(dGathered, gradients.values(CaserModel.ITEMS), dim, 0, dim);
        }
    }
}
