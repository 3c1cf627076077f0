package org.marketlens.model.mass;

import java.util.List;
import org.marketlens.framework.nn.kernel.KernelBatch;
import org.marketlens.framework.nn.kernel.KernelParameters;
import org.marketlens.framework.nn.kernel.Relu;
import org.marketlens.framework.nn.kernel.ScoreKernel;
import org.marketlens.framework.nn.kernel.Softmin;

/**
 * {@link MassModel}'s score and its gradient on float arrays (issue 6). Per row (user u, song k, members m_t):
 * <pre>
 * q = ReLU(W1 [U[u]; S[k]] + b1),        dist_t = Σ_c (B3_c (q_c − S[m_t]_c))²
 * qa = ReLU(W2 [U_a[u]; S_a[k]] + b2),   z_t = Σ_c (B4_c (qa_c − S_a[m_t]_c))²   (dot: z_t = −qa · S_a[m_t])
 * α = masked softmin(z),                 score = −(Σ_t α_t dist_t + b[k])
 * </pre>
 * Backward with {@code dD = −g}: {@code dα_t = dD dist_t}, {@code ∂dist_t = dD α_t}, {@code dz = Softmin.backward};
 * {@code ∂(B_c d_c)²} gives {@code 2 B_c² d_c} to the query and minus that to the member, {@code 2 B_c d_c²} to B;
 * then back through the rectifiers and the affine maps to W, b and the user and song rows. Padded slots are
 * skipped: their weight is exactly 0, so they add nothing forward or backward (as in the graph). Shared memory
 * is the attention column offset 0: the attention reads and updates the same columns as the output side. The
 * penalty is the framework's row penalty on both tables plus the dense weights, as {@link MassModel#penalty}.
 * On the AOTM subset (270,124 songs) the graph's step is dominated by full-table gradient buffers per gather, which
 * the kernel does not allocate.
 */
final class MassKernel implements ScoreKernel {
    private final int dim;
    private final boolean metricAttention;
    private final int attentionOffset;
    private final RowPenalty penalty;

    /**
     * @param dim             d
     * @param metricAttention metric (Eq. 4.26–4.27) or dot attention
     * @param attentionOffset the first column of U_a and S_a in the tables: d (external memory) or 0 (shared)
     * @param lambda          λ
     * @param dense           the weight tensors penalised whole
     */
    MassKernel(int dim, boolean metricAttention, int attentionOffset, double lambda, List<String> dense) {
        this.dim = dim;
        this.metricAttention = metricAttention;
        this.attentionOffset = attentionOffset;
        this.penalty = new RowPenalty(lambda, MassModel.USER_MEMORY, MassModel.SONG_MEMORY, dense);
    }

    @Override
    public RowPenalty penalty() {
        return penalty;
    }

    @Override
    public Worker worker(KernelParameters parameters, int maxRows) {
        return new MassWorker(parameters, maxRows);
    }

    /** Keeps each row's inputs, queries, weights and distances for the backward pass. */
    private final class MassWorker implements Worker {
        private final KernelParameters parameters;
        private final int maxRows;
        private final int userWidth;
        private final int songWidth;
        /** Per row: [U[u]; S[k]] and [U_a[u]; S_a[k]], 2d each. */
        private final float[] inputs;
        private final float[] inputsA;
        /** Per row: q and qa, d each. */
        private final float[] queries;
        private final float[] queriesA;
        /** Per row and slot: α, dist; sized on first use (the slot count comes with the batch). */
        private float[] alpha = new float[0];
        private float[] dist = new float[0];
        private float[] scratch = new float[0];
        private float[] scratchZ = new float[0];
        private final float[] gq;
        private final float[] gqa;
        private final float[] gx;

        MassWorker(KernelParameters parameters, int maxRows) {
            this.parameters = parameters;
            this.maxRows = maxRows;
            this.userWidth = (int) parameters.shape(MassModel.USER_MEMORY)[1];
            this.songWidth = (int) parameters.shape(MassModel.SONG_MEMORY)[1];
            this.inputs = new float[maxRows * 2 * dim];
            this.inputsA = new float[maxRows * 2 * dim];
            this.queries = new float[maxRows * dim];
            this.queriesA = new float[maxRows * dim];
            this.gq = new float[dim];
            this.gqa = new float[dim];
            this.gx = new float[2 * dim];
        }

        private void ensureSlots(int s) {
            if (alpha.length < maxRows * s) {
                alpha = new float[maxRows * s];
                dist = new float[maxRows * s];
                scratch = new float[s];
                scratchZ = new float[s];
            }
        }

        @Override
        public void forward(KernelBatch batch, int from, int to, float[] scores) {
            int s = batch.contextSize();
            ensureSlots(s);
            float[] users = parameters.values(MassModel.USER_MEMORY);
            float[] songs = parameters.values(MassModel.SONG_MEMORY);
            float[] w1 = parameters.values(MassModel.W1);
            float[] b1 = parameters.values(MassModel.B1);
            float[] b3 = parameters.values(MassModel.METRIC);
            float[] w2 = parameters.values(MassModel.W2);
            float[] b2 = parameters.values(MassModel.B2);
            float[] b4 = metricAttention ? parameters.values(MassModel.ATTENTION_METRIC) : null;
            int[] context = batch.context();
            float[] mask = batch.mask();
            int d = dim;
            int a = attentionOffset;
            float[] z = scratchZ;
            for (int r = from; r < to; r++) {
                int u = batch.users()[r] * userWidth;
                int k = batch.items()[r] * songWidth;
                int x = r * 2 * d;
                System.arraycopy(users, u, inputs, x, d);
                System.arraycopy(songs, k, inputs, x + d, d);
                System.arraycopy(users, u + a, inputsA, x, d);
                System.arraycopy(songs, k + a, inputsA, x + d, d);
                int qAt = r * d;
                affineRelu(w1, b1, inputs, x, queries, qAt);
                affineRelu(w2, b2, inputsA, x, queriesA, qAt);
                int slot = r * s;
                float distance = songs[k + songWidth - 1];
                for (int t = 0; t < s; t++) {
                    if (mask[slot + t] == 0f) {
                        dist[slot + t] = 0f;
                        z[t] = 0f;
                        continue;
                    }
                    int m = context[slot + t] * songWidth;
                    float sum = 0f;
                    for (int c = 0; c < d; c++) {
                        float e = b3[c] * (queries[qAt + c] - songs[m + c]);
                        sum += e * e;
                    }
                    dist[slot + t] = sum;
                    float zt = 0f;
                    if (metricAttention) {
                        for (int c = 0; c < d; c++) {
                            float e = b4[c] * (queriesA[qAt + c] - songs[m + a + c]);
                            zt += e * e;
                        }
                    } else {
                        for (int c = 0; c < d; c++) {
                            zt -= queriesA[qAt + c] * songs[m + a + c];
                        }
                    }
                    z[t] = zt;
                }
                Softmin.weights(z, 0, mask, slot, s, alpha, slot);
                for (int t = 0; t < s; t++) {
                    distance += alpha[slot + t] * dist[slot + t];
                }
                scores[r] = -distance;
            }
        }

        /** {@code out = ReLU(W x + b)} for a {@code [d, 2d]} W. */
        private void affineRelu(float[] w, float[] b, float[] x, int xAt, float[] out, int outAt) {
            int in = 2 * dim;
            for (int o = 0; o < dim; o++) {
                float sum = b[o];
                int row = o * in;
                for (int i = 0; i < in; i++) {
                    sum += w[row + i] * x[xAt + i];
                }
                out[outAt + o] = sum;
            }
            Relu.apply(out, outAt, outAt + dim);
        }

        @Override
        public void backward(KernelBatch batch, int from, int to, float[] scoreGradients,
                KernelParameters gradients) {
            int s = batch.contextSize();
            float[] songs = parameters.values(MassModel.SONG_MEMORY);
            float[] w1 = parameters.values(MassModel.W1);
            float[] b3 = parameters.values(MassModel.METRIC);
            float[] w2 = parameters.values(MassModel.W2);
            float[] b4 = metricAttention ? parameters.values(MassModel.ATTENTION_METRIC) : null;
            float[] gUsers = gradients.values(MassModel.USER_MEMORY);
            float[] gSongs = gradients.values(MassModel.SONG_MEMORY);
            float[] gW1 = gradients.values(MassModel.W1);
            float[] gB1 = gradients.values(MassModel.B1);
            float[] gB3 = gradients.values(MassModel.METRIC);
            float[] gW2 = gradients.values(MassModel.W2);
            float[] gB2 = gradients.values(MassModel.B2);
            float[] gB4 = metricAttention ? gradients.values(MassModel.ATTENTION_METRIC) : null;
            int[] context = batch.context();
            float[] mask = batch.mask();
            int d = dim;
            int a = attentionOffset;
            float[] dAlpha = scratch;
            float[] dz = scratchZ;
            for (int r = from; r < to; r++) {
                float g = scoreGradients[r];
                if (g == 0f) {
                    continue;
                }
                float dD = -g;
                int u = batch.users()[r] * userWidth;
                int k = batch.items()[r] * songWidth;
                int qAt = r * d;
                int slot = r * s;
                gSongs[k + songWidth - 1] += dD;
                for (int t = 0; t < s; t++) {
                    dAlpha[t] = dD * dist[slot + t];
                }
                Softmin.backward(alpha, slot, dAlpha, 0, s, dz, 0);
                java.util.Arrays.fill(gq, 0f);
                java.util.Arrays.fill(gqa, 0f);
                for (int t = 0; t < s; t++) {
                    if (mask[slot + t] == 0f) {
                        continue;
                    }
                    int m = context[slot + t] * songWidth;
                    float gDist = dD * alpha[slot + t];
                    if (gDist != 0f) {
                        for (int c = 0; c < d; c++) {
                            float diff = queries[qAt + c] - songs[m + c];
                            float e = 2f * gDist * b3[c] * diff;
                            gq[c] += e * b3[c];
                            gSongs[m + c] -= e * b3[c];
                            gB3[c] += e * diff;
                        }
                    }
                    float gz = dz[t];
                    if (gz == 0f) {
                        continue;
                    }
                    if (metricAttention) {
                        for (int c = 0; c < d; c++) {
                            float diff = queriesA[qAt + c] - songs[m + a + c];
                            float e = 2f * gz * b4[c] * diff;
                            gqa[c] += e * b4[c];
                            gSongs[m + a + c] -= e * b4[c];
                            gB4[c] += e * diff;
                        }
                    } else {
                        for (int c = 0; c < d; c++) {
                            gqa[c] -= gz * songs[m + a + c];
                            gSongs[m + a + c] -= gz * queriesA[qAt + c];
                        }
                    }
                }
                int x = r * 2 * d;
                affineBackward(queries, qAt, gq, w1, inputs, x, gW1, gB1);
                scatter(gUsers, u, gSongs, k);
                affineBackward(queriesA, qAt, gqa, w2, inputsA, x, gW2, gB2);
                scatter(gUsers, u + a, gSongs, k + a);
            }
        }

        /** Back through {@code q = ReLU(W x + b)}: adds to gW and gb, leaves {@code Wᵀ ∂h} in {@link #gx}. */
        private void affineBackward(float[] q, int qAt, float[] gradQ, float[] w, float[] x, int xAt, float[] gW,
                float[] gB) {
            Relu.backward(q, qAt, gradQ, 0, dim);
            int in = 2 * dim;
            java.util.Arrays.fill(gx, 0f);
            for (int o = 0; o < dim; o++) {
                float h = gradQ[o];
                if (h == 0f) {
                    continue;
                }
                gB[o] += h;
                int row = o * in;
                for (int i = 0; i < in; i++) {
                    gW[row + i] += h * x[xAt + i];
                    gx[i] += h * w[row + i];
                }
            }
        }

        /** Adds {@link #gx}'s halves to the user row at {@code userAt} and the song row at {@code songAt}. */
        private void scatter(float[] gUsers, int userAt, float[] gSongs, int songAt) {
            for (int c = 0; c < dim; c++) {
                gUsers[userAt + c] += gx[c];
                gSongs[songAt + c] += gx[dim + c];
            }
        }
    }
}
