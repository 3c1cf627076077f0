package org.marketlens.model.sdm;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.marketlens.framework.nn.kernel.Dense;
import org.marketlens.framework.nn.kernel.DistinctRows;
import org.marketlens.framework.nn.kernel.DropoutMask;
import org.marketlens.framework.nn.kernel.FinalLayerKernel;
import org.marketlens.framework.nn.kernel.KernelBatch;
import org.marketlens.framework.nn.kernel.KernelParameters;
import org.marketlens.framework.nn.kernel.Relu;
import org.marketlens.framework.nn.kernel.Softmin;
import org.marketlens.framework.nn.kernel.Tanh;

/**
 * SDM's score (Eq. 5.7–5.19, {@link SdmModel#forward}) and its vector-Jacobian product on float arrays, the fast path
 * of issue 6. Same memories, weights and order of operations as the graph: {@code q = f(W_a[u_in; v_in] + b_a)},
 * {@code p = f(W_b[u_out; v_out] + b_b)}; the context keys {@code W_c^ctx v_in,k + b_c} and output terms
 * {@code W_d^ctx v_out,k} are hop-invariant; per hop {@code z_k = ||f(W_c^q q + key_k)||²}, masked softmin
 * {@code a}, {@code e = Σ_k a_k square(f(W_d^p p + b_d + W_d^ctx v_out,k))}; between hops
 * {@code q ← e + σ(W_g q + b_g) ⊙ (q − e)} (with {@link SdmModel.GateInput#OUTPUT} the gate reads {@code e}:
 * {@code σ(W_g e + b_g)}, and its input gradient joins that of {@code e}, A-38; with
 * {@link SdmModel.GateTying#HOP} gate {@code h} uses block {@code h − 1} of {@code W_g [H − 1, d, d]} and
 * {@code b_g [H − 1, d]}); score {@code −(w_eᵀ e^(H) + b_e)}. With {@link SdmModel.OutputAggregation#RELU} each hop
 * aggregates {@code e = Σ_k m_k ReLU(W_o (a_k ⊙ out_k) + b_o)} instead (the authors' output layer, the context mask
 * {@code m_k} keeping padded slots out): the slots' weighted outputs and rectified terms are kept per hop for the
 * backward pass, which goes from {@code de} through the rectifier and {@code W_o} to each slot's {@code a_k ⊙ out_k}.
 *
 * <p>What the graph cannot exploit: the context terms depend on the context item alone, so a worker computes them
 * once per distinct context item of its rows (a triple's positive and negative rows, and every triple of the same
 * user, share their context; {@link DistinctRows}) and sums their gradients per distinct item before going back
 * through {@code W_c^ctx}, {@code W_d^ctx} and the item memory.
 *
 * <p><b>Dropout</b> (A-8, {@link SdmModel}'s Javadoc): a training worker ({@link #worker(KernelParameters, int, long)})
 * multiplies {@code q^(1)} and {@code p} after their activation, each hop's attention hidden before its squared norm
 * (a fresh mask per hop) and the output hidden {@code r_k} before its square by masks that keep an entry with
 * probability {@code ≈1 − p} and scale it by the inverse of that probability ({@link DropoutMask}, which draws them
 * cheaply: the masks are about 27·d entries per row at 4 hops); every row draws its own masks, fresh at every forward
 * pass, from a {@link SplittableRandom} seeded by the trainer, and the backward pass multiplies the gradients by the
 * same masks. {@code p} and {@code r_k} are hop-invariant under our weight sharing, so they get one mask per row per
 * forward pass by default; with {@link SdmModel.DropoutMasks#HOP} they are redrawn in every hop, as in the authors'
 * code: each hop then has its own output set (masked {@code p}, {@code W_d^p p + b_d}, {@code r_k}, its square and,
 * in backward, its gradient), the context part {@code W_d^ctx v_out,k} staying hop-invariant, and the gradient of
 * {@code p} sums the sets' gradients each through its own mask. Serving workers ({@link #worker(KernelParameters, int)})
 * never drop out, and with {@code p = 0} a training worker does exactly what a serving worker does.
 */
final class SdmKernel implements FinalLayerKernel {
    private final int dim;
    private final int hops;
    private final int contextSize;
    private final int numItems;
    private final boolean tanh;
    private final RowPenalty penalty;
    /** The dropout rate p of training workers; 0: none. */
    private final double dropout;
    /** Whether training workers redraw the masks of {@code p} and {@code r_k} in every hop. */
    private final boolean masksPerHop;
    /** Whether the gate reads the previous hop's output {@code e} instead of its query {@code q}. */
    private final boolean outputGate;
    /** Whether each gate has its own block of {@code W_g [H − 1, d, d]} and {@code b_g [H − 1, d]}. */
    private final boolean gatesPerHop;
    /** Whether each hop aggregates through the authors' {@code ReLU(W_o · + b_o)} layer instead of Eq. 5.13's sum. */
    private final boolean reluAggregation;

    SdmKernel(int numItems, int dim, int hops, int contextSize, SdmModel.Activation activation, double lambda) {
        this(numItems, dim, hops, contextSize, activation, lambda, 0);
    }

    SdmKernel(int numItems, int dim, int hops, int contextSize, SdmModel.Activation activation, double lambda,
            double dropout) {
        this(numItems, dim, hops, contextSize, activation, lambda, dropout, SdmModel.DropoutMasks.PASS);
    }

    SdmKernel(int numItems, int dim, int hops, int contextSize, SdmModel.Activation activation, double lambda,
            double dropout, SdmModel.DropoutMasks dropoutMasks) {
        this(numItems, dim, hops, contextSize, activation, lambda, dropout, dropoutMasks, SdmModel.GateInput.QUERY);
    }

    SdmKernel(int numItems, int dim, int hops, int contextSize, SdmModel.Activation activation, double lambda,
            double dropout, SdmModel.DropoutMasks dropoutMasks, SdmModel.GateInput gateInput) {
        this(numItems, dim, hops, contextSize, activation, lambda, dropout, dropoutMasks, gateInput,
                SdmModel.GateTying.GLOBAL);
    }

    SdmKernel(int numItems, int dim, int hops, int contextSize, SdmModel.Activation activation, double lambda,
            double dropout, SdmModel.DropoutMasks dropoutMasks, SdmModel.GateInput gateInput,
            SdmModel.GateTying gateTying) {
        this(numItems, dim, hops, contextSize, activation, lambda, dropout, dropoutMasks, gateInput, gateTying,
                SdmModel.OutputAggregation.SUM, hops > 1
                        ? List.of(SdmModel.W_A, SdmModel.W_B, SdmModel.W_C, SdmModel.W_D, SdmModel.W_G, SdmModel.EDGE)
                        : List.of(SdmModel.W_A, SdmModel.W_B, SdmModel.W_C, SdmModel.W_D, SdmModel.EDGE));
    }

    /** @param penalised the dense weights of the model's penalty ({@link SdmModel#penalisedWeights()}) */
    SdmKernel(int numItems, int dim, int hops, int contextSize, SdmModel.Activation activation, double lambda,
            double dropout, SdmModel.DropoutMasks dropoutMasks, SdmModel.GateInput gateInput,
            SdmModel.GateTying gateTying, SdmModel.OutputAggregation outputAggregation, List<String> penalised) {
        this.reluAggregation = outputAggregation == SdmModel.OutputAggregation.RELU;
        this.gatesPerHop = gateTying == SdmModel.GateTying.HOP;
        this.outputGate = gateInput == SdmModel.GateInput.OUTPUT;
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("SDM needs a dropout rate in [0, 1), got " + dropout);
        }
        this.dropout = dropout;
        this.masksPerHop = dropoutMasks == SdmModel.DropoutMasks.HOP;
        this.numItems = numItems;
        this.dim = dim;
        this.hops = hops;
        this.contextSize = contextSize;
        this.tanh = activation == SdmModel.Activation.TANH;
        this.penalty = new RowPenalty(lambda, SdmModel.USER_MEMORY, SdmModel.ITEM_MEMORY, penalised);
    }

    @Override
    public RowPenalty penalty() {
        return penalty;
    }

    /** @return the width {@code d} of {@code e^(H)} (Eq. 5.19) */
    @Override
    public int finalVectorSize() {
        return dim;
    }

    /** A serving worker: no dropout, deterministic. */
    @Override
    public FinalLayerWorker worker(KernelParameters parameters, int maxRows) {
        return new SdmWorker(parameters, maxRows, null);
    }

    /** A training worker: dropout at the model's rate (if any), its masks drawn from {@code seed}. */
    @Override
    public FinalLayerWorker worker(KernelParameters parameters, int maxRows, long seed) {
        return new SdmWorker(parameters, maxRows, dropout > 0 ? new SplittableRandom(seed) : null);
    }

    /** One thread's scratch space; row arrays are indexed by the row's offset in the range it was given. */
    final class SdmWorker implements FinalLayerWorker {
        private final KernelParameters params;
        private final int d = dim;
        private final int s = contextSize;
        // Per row.
        private final float[] xa;        // [n, 2d] = [u_in; v_in]
        private final float[] xb;        // [n, 2d] = [u_out; v_out]
        private final float[][] q;       // per hop [n, d]: the query the hop attends with
        private final float[][] gate;    // per hop h > 0 [n, d]: σ(W_g q_{h−1} + b_g)
        private final float[][] e;       // per hop [n, d]
        private final float[][] att;     // per hop [n, s]
        private final float[][] hidden;  // per hop [n·s, d]: f(W_c^q q + key_k)
        private final float[] p;         // [n, d]
        // The output side, per output set o (one, or one per hop with per-hop masks; hop h reads set outOf(h)).
        private final int outs;
        private final float[][] pd;      // per set [n, d] = W_d^p p + b_d
        private final float[][] r;       // per set [n·s, d] = f(pd + W_d^ctx v_out,k)
        private final float[][] out;     // per set [n·s, d] = square(r)
        private final float[] rowScratch;  // [n, d]
        private final float[] rowScratch2; // [n, d]
        private final float[] rowScratch3; // [n, d]
        private final float[] wide;      // [n, 2d]
        private final float[] z;         // [n, s]
        private final float[] dz;        // [n, s]
        private final float[][] dOut;    // per set [n·s, d]
        // Per distinct context item.
        private final DistinctRows contextItems; // the slots: distinct items of the rows' context positions
        private final float[] memory;    // [slots, 2d]: the items' [v_in; v_out]
        private final float[] keys;      // [slots, d] = W_c^ctx v_in + b_c
        private final float[] outTerms;  // [slots, d] = W_d^ctx v_out
        private final float[] dKeys;     // [slots, d]
        private final float[] dOutTerms; // [slots, d]
        private final float[] dMemory;   // [slots, 2d]
        // One row each, at offset 0: JDK 17's C2 vectorises a loop only when all its arrays share one index
        // expression, so rows of the flat arrays above are copied here before an element-wise loop (issue 6).
        private final float[] rowOf;
        private final float[] rowSum;
        private final float[] rowTerm;
        // Dropout (training workers with p > 0 only, else null): the masks' multipliers (0 or DropoutMask.scale())
        // of the last forward pass, and the activations before their mask where the backward pass needs f' of them.
        private final SplittableRandom random;
        private final DropoutMask dropMask; // draws the masks from random
        private final float[] keepQ;       // [n, d]
        private final float[] qActive;     // [n, d]: f(W_a[u_in; v_in] + b_a) before its mask
        private final float[][] keepP;     // per set [n, d]
        private final float[][] pKept;     // per set [n, d]: p after its mask, what W_d^p reads
        private final float[][] keepR;     // per set [n·s, d]
        private final float[][] keepHidden; // per hop [n·s, d]
        private final float[] rowKeep;     // [d]
        // The ReLU output aggregation (null with Eq. 5.13's sum).
        private final float[][] weighted;  // per hop [n·s, d]: a_k ⊙ out_k, what W_o reads
        private final float[][] rectified; // per hop [n·s, d]: ReLU(W_o (a_k ⊙ out_k) + b_o)
        private final float[] dRectified;  // [n·s, d]
        private final float[] dWeighted;   // [n·s, d]
        private int slots;
        private int slotBase;            // the first context position of the last forward pass's rows
        private int lastFrom = -1;
        private int lastTo = -1;

        SdmWorker(KernelParameters params, int maxRows, SplittableRandom random) {
            this.params = params;
            int n = maxRows;
            this.random = random;
            boolean dropping = random != null;
            keepQ = dropping ? new float[n * d] : null;
            qActive = dropping ? new float[n * d] : null;
            outs = dropping && masksPerHop ? hops : 1;
            keepP = dropping ? new float[outs][n * d] : null;
            pKept = dropping ? new float[outs][n * d] : null;
            keepR = dropping ? new float[outs][n * s * d] : null;
            keepHidden = dropping ? new float[hops][n * s * d] : null;
            rowKeep = dropping ? new float[d] : null;
            dropMask = dropping ? new DropoutMask(dropout, n * s * d) : null;
            xa = new float[n * 2 * d];
            xb = new float[n * 2 * d];
            q = new float[hops][n * d];
            gate = new float[hops][];
            for (int h = 1; h < hops; h++) {
                gate[h] = new float[n * d];
            }
            e = new float[hops][n * d];
            att = new float[hops][n * s];
            hidden = new float[hops][n * s * d];
            p = new float[n * d];
            pd = new float[outs][n * d];
            r = new float[outs][n * s * d];
            out = new float[outs][n * s * d];
            rowScratch = new float[n * d];
            rowScratch2 = new float[n * d];
            rowScratch3 = new float[n * d];
            wide = new float[n * 2 * d];
            z = new float[n * s];
            dz = new float[n * s];
            dOut = new float[outs][n * s * d];
            contextItems = new DistinctRows(numItems, n * s, 2 * d);
            memory = new float[n * s * 2 * d];
            keys = new float[n * s * d];
            outTerms = new float[n * s * d];
            dKeys = new float[n * s * d];
            dOutTerms = new float[n * s * d];
            dMemory = new float[n * s * 2 * d];
            rowOf = new float[d];
            rowSum = new float[d];
            rowTerm = new float[d];
            weighted = reluAggregation ? new float[hops][n * s * d] : null;
            rectified = reluAggregation ? new float[hops][n * s * d] : null;
            dRectified = reluAggregation ? new float[n * s * d] : null;
            dWeighted = reluAggregation ? new float[n * s * d] : null;
        }

        private void activate(float[] x, int from, int to) {
            if (tanh) {
                Tanh.apply(x, from, to);
            }
        }

        private void activationBackward(float[] y, int yFrom, float[] g, int from, int to) {
            if (tanh) {
                Tanh.backward(y, yFrom, g, from, to);
            }
        }

        /** @return the output set hop {@code h} reads: its own with per-hop masks, else the only one */
        private int outOf(int h) {
            return outs == 1 ? 0 : h;
        }

        /** @return the masks of {@code p} of output set {@code o}, for tests ({@code null} without dropout) */
        float[] keepP(int o) {
            return keepP == null ? null : keepP[o];
        }

        /** @return the masks of {@code r_k} of output set {@code o}, for tests ({@code null} without dropout) */
        float[] keepR(int o) {
            return keepR == null ? null : keepR[o];
        }

        /** @return the number of output sets: 1, or H with per-hop masks in a training worker */
        int outputSets() {
            return outs;
        }

        /** Draws a fresh mask into {@code keep[0, length)} ({@link DropoutMask}). */
        private void drawMask(float[] keep, int length) {
            dropMask.draw(random, keep, 0, length);
        }

        /** {@code x[0, length) *= keep[0, length)}. */
        private void multiply(float[] x, float[] keep, int length) {
            for (int i = 0; i < length; i++) {
                x[i] *= keep[i];
            }
        }

        @Override
        public void forward(KernelBatch batch, int from, int to, float[] scores) {
            int n = to - from;
            int twoD = 2 * d;
            float[] users = params.values(SdmModel.USER_MEMORY);
            float[] items = params.values(SdmModel.ITEM_MEMORY);
            float[] wa = params.values(SdmModel.W_A);
            float[] wb = params.values(SdmModel.W_B);
            float[] wc = params.values(SdmModel.W_C);
            float[] wd = params.values(SdmModel.W_D);

            // Eq. 5.7, 5.8: the concatenations [u_in; v_in] and [u_out; v_out], then the input and output queries.
            for (int l = 0; l < n; l++) {
                int u = batch.users()[from + l] * twoD;
                int i = batch.items()[from + l] * twoD;
                System.arraycopy(users, u, xa, l * twoD, d);
                System.arraycopy(items, i, xa, l * twoD + d, d);
                System.arraycopy(users, u + d, xb, l * twoD, d);
                System.arraycopy(items, i + d, xb, l * twoD + d, d);
            }
            float[] q0 = q[0];
            Dense.fillRows(params.values(SdmModel.B_A), d, q0, d, 0, 0, n);
            Dense.multiplyAdd(xa, twoD, 0, Dense.transposeBlock(wa, d, twoD, 0, twoD), twoD, d, q0, d, 0, 0, n);
            activate(q0, 0, n * d);
            Dense.fillRows(params.values(SdmModel.B_B), d, p, d, 0, 0, n);
            Dense.multiplyAdd(xb, twoD, 0, Dense.transposeBlock(wb, d, twoD, 0, twoD), twoD, d, p, d, 0, 0, n);
            activate(p, 0, n * d);
            if (random != null) {
                // Dropout on q^(1) (q[0] holds it after its mask, as hop 1 and the gate read it).
                System.arraycopy(q0, 0, qActive, 0, n * d);
                drawMask(keepQ, n * d);
                multiply(q0, keepQ, n * d);
            }

            // Hop-invariant context terms, once per distinct context item of these rows.
            slotBase = from * s;
            slots = contextItems.group(batch.context(), slotBase, to * s);
            contextItems.gather(items, twoD, 0, twoD, memory);
            Dense.fillRows(params.values(SdmModel.B_C), d, keys, d, 0, 0, slots);
            Dense.multiplyAdd(memory, twoD, 0, Dense.transposeBlock(wc, d, twoD, d, d), d, d, keys, d, 0, 0, slots);
            Dense.fillRows(null, d, outTerms, d, 0, 0, slots);
            Dense.multiplyAdd(memory, twoD, d, Dense.transposeBlock(wd, d, twoD, d, d), d, d, outTerms, d, 0, 0,
                    slots);

            // Per output set (one, or one per hop with per-hop masks): dropout on p, then the output memory terms
            // r_k = f(W_d^p p + b_d + W_d^ctx v_out,k), square(r_k) (Eq. 5.11, 5.13). Only the p-dependent part is
            // per set; the context part outTerms is shared.
            float[] wdpT = Dense.transposeBlock(wd, d, twoD, 0, d);
            for (int o = 0; o < outs; o++) {
                float[] pIn = p;
                if (random != null) {
                    drawMask(keepP[o], n * d);
                    System.arraycopy(p, 0, pKept[o], 0, n * d);
                    multiply(pKept[o], keepP[o], n * d);
                    pIn = pKept[o];
                }
                float[] pdo = pd[o];
                Dense.fillRows(params.values(SdmModel.B_D), d, pdo, d, 0, 0, n);
                Dense.multiplyAdd(pIn, d, 0, wdpT, d, d, pdo, d, 0, 0, n);
                float[] ro = r[o];
                float[] outo = out[o];
                addToSlots(pdo, outTerms, ro, n);
                activate(ro, 0, n * s * d);
                if (random == null) {
                    for (int x = 0; x < n * s * d; x++) {
                        outo[x] = ro[x] * ro[x];
                    }
                } else {
                    // Dropout on r_k: out_k = square(keep ⊙ r_k); r keeps the activation for f'.
                    float[] keep = keepR[o];
                    drawMask(keep, n * s * d);
                    for (int x = 0; x < n * s * d; x++) {
                        float y = ro[x] * keep[x];
                        outo[x] = y * y;
                    }
                }
            }

            float[] mask = batch.mask();
            float[] wcqT = Dense.transposeBlock(wc, d, twoD, 0, d);
            float[] woT = reluAggregation ? Dense.transposeBlock(params.values(SdmModel.W_O), d, d, 0, d) : null;
            // Per gate h ≥ 1 (before hop h, 0-based): W_g^T and b_g, the same arrays for global gates.
            float[][] wgT = new float[hops][];
            float[][] bg = new float[hops][];
            for (int h = 1; h < hops; h++) {
                wgT[h] = h > 1 && !gatesPerHop ? wgT[1]
                        : Dense.transposeBlock(params.values(SdmModel.W_G), d, d, gateAt(h) * d, d);
                bg[h] = h > 1 && !gatesPerHop ? bg[1] : Arrays.copyOfRange(params.values(SdmModel.B_G),
                        gateAt(h), gateAt(h) + d);
            }
            for (int h = 0; h < hops; h++) {
                float[] qh = q[h];
                if (h > 0) {
                    // Eq. 5.14, 5.15: g = σ(W_g x + b_g) with x = q (or e, A-38), q ← e + g ⊙ (q − e).
                    float[] g = gate[h];
                    float[] previous = q[h - 1];
                    float[] ePrevious = e[h - 1];
                    Dense.fillRows(bg[h], d, g, d, 0, 0, n);
                    Dense.multiplyAdd(outputGate ? ePrevious : previous, d, 0, wgT[h], d, d, g, d, 0, 0, n);
                    for (int x = 0; x < n * d; x++) {
                        float gx = (float) (1.0 / (1.0 + Math.exp(-g[x])));
                        g[x] = gx;
                        qh[x] = ePrevious[x] + gx * (previous[x] - ePrevious[x]);
                    }
                }
                // Eq. 5.9, 5.17: z_k = ||f(W_c^q q + key_k)||².
                float[] cq = rowScratch;
                Dense.fillRows(null, d, cq, d, 0, 0, n);
                Dense.multiplyAdd(qh, d, 0, wcqT, d, d, cq, d, 0, 0, n);
                float[] hid = hidden[h];
                addToSlots(cq, keys, hid, n);
                activate(hid, 0, n * s * d);
                if (random == null) {
                    for (int j = 0; j < n * s; j++) {
                        float sum = 0f;
                        int row = j * d;
                        for (int c = 0; c < d; c++) {
                            sum += hid[row + c] * hid[row + c];
                        }
                        z[j] = sum;
                    }
                } else {
                    // Dropout on the hidden, a fresh mask per hop: z_k = ||keep ⊙ hidden_k||²; hid keeps f's output.
                    float[] keep = keepHidden[h];
                    drawMask(keep, n * s * d);
                    for (int j = 0; j < n * s; j++) {
                        float sum = 0f;
                        int row = j * d;
                        for (int c = 0; c < d; c++) {
                            float y = hid[row + c] * keep[row + c];
                            sum += y * y;
                        }
                        z[j] = sum;
                    }
                }
                // Eq. 5.10, 5.16, 5.13, 5.19: masked softmin and the weighted output.
                float[] a = att[h];
                float[] eh = e[h];
                float[] out = this.out[outOf(h)];
                if (reluAggregation) {
                    for (int l = 0; l < n; l++) {
                        Softmin.weights(z, l * s, mask, (from + l) * s, s, a, l * s);
                    }
                    aggregate(h, a, out, mask, from, n, woT);
                    continue;
                }
                Arrays.fill(eh, 0, n * d, 0f);
                for (int l = 0; l < n; l++) {
                    Softmin.weights(z, l * s, mask, (from + l) * s, s, a, l * s);
                    Arrays.fill(rowSum, 0f);
                    for (int k = 0; k < s; k++) {
                        float w = a[l * s + k];
                        if (w == 0f) {
                            continue;
                        }
                        System.arraycopy(out, (l * s + k) * d, rowOf, 0, d);
                        for (int c = 0; c < d; c++) {
                            rowSum[c] += w * rowOf[c];
                        }
                    }
                    System.arraycopy(rowSum, 0, eh, l * d, d);
                }
            }
            // Eq. 5.12, 5.18: score = −(w_eᵀ e^(H) + b_e).
            float[] edge = params.values(SdmModel.EDGE);
            float bias = params.values(SdmModel.EDGE_BIAS)[0];
            float[] last = e[hops - 1];
            for (int l = 0; l < n; l++) {
                float sum = 0f;
                for (int c = 0; c < d; c++) {
                    sum += edge[c] * last[l * d + c];
                }
                scores[from + l] = -(sum + bias);
            }
            lastFrom = from;
            lastTo = to;
        }

        /** {@code e^(H)} (Eq. 5.19) of the last forward pass, which covered {@code [from, to)}. */
        @Override
        public void finalVectors(int from, int to, float[] vectors, int stride, int col0) {
            if (from < lastFrom || to > lastTo) {
                throw new IllegalStateException("rows [" + from + ", " + to + ") were not in the last forward pass ["
                        + lastFrom + ", " + lastTo + ")");
            }
            float[] last = e[hops - 1];
            for (int r = from; r < to; r++) {
                System.arraycopy(last, (r - lastFrom) * d, vectors, r * stride + col0, d);
            }
        }

        @Override
        public void backward(KernelBatch batch, int from, int to, float[] scoreGradients, KernelParameters gradients) {
            if (from != lastFrom || to != lastTo) {
                throw new IllegalStateException("backward over rows [" + from + ", " + to + ") after forward over ["
                        + lastFrom + ", " + lastTo + ")");
            }
            int n = to - from;
            int twoD = 2 * d;
            float[] wa = params.values(SdmModel.W_A);
            float[] wb = params.values(SdmModel.W_B);
            float[] wc = params.values(SdmModel.W_C);
            float[] wd = params.values(SdmModel.W_D);
            float[] gWc = gradients.values(SdmModel.W_C);
            float[] gWd = gradients.values(SdmModel.W_D);

            // Edge layer: dD = −dScore; de^(H) = dD · w_e.
            float[] edge = params.values(SdmModel.EDGE);
            float[] gEdge = gradients.values(SdmModel.EDGE);
            float[] last = e[hops - 1];
            float[] de = rowScratch;
            float biasGradient = 0f;
            for (int l = 0; l < n; l++) {
                float dD = -scoreGradients[from + l];
                biasGradient += dD;
                for (int c = 0; c < d; c++) {
                    gEdge[c] += dD * last[l * d + c];
                    de[l * d + c] = dD * edge[c];
                }
            }
            gradients.values(SdmModel.EDGE_BIAS)[0] += biasGradient;

            for (float[] x : dOut) {
                Arrays.fill(x, 0, n * s * d, 0f);
            }
            Arrays.fill(dKeys, 0, slots * d, 0f);
            Arrays.fill(dOutTerms, 0, slots * d, 0f);
            float[] dq = rowScratch2;
            float[] dcq = rowScratch3;
            Arrays.fill(dq, 0, n * d, 0f);
            float[] da = z;  // z is not needed any more: reuse it for the gradient of the attention weights
            float[] bcGradient = gradients.values(SdmModel.B_C);
            for (int h = hops - 1; h >= 0; h--) {
                float[] a = att[h];
                float[] hid = hidden[h];
                float[] out = this.out[outOf(h)];
                float[] dOut = this.dOut[outOf(h)];
                if (reluAggregation) {
                    // e = Σ_k m_k ReLU(W_o x_k + b_o), x_k = a_k out_k: the upstream gradient of slot k is dx_k.
                    aggregateBackward(h, de, batch.mask(), from, n, gradients);
                }
                // e = Σ_k a_k out_k (or x_k = a_k out_k): d out_k += a_k g_k, da_k = g_k · out_k, with g_k = de of
                // the row (sum) or dx_k of the slot (relu).
                for (int l = 0; l < n; l++) {
                    if (!reluAggregation) {
                        System.arraycopy(de, l * d, rowSum, 0, d);
                    }
                    for (int k = 0; k < s; k++) {
                        int j = l * s + k;
                        int row = j * d;
                        float w = a[j];
                        if (reluAggregation) {
                            System.arraycopy(dWeighted, row, rowSum, 0, d);
                        }
                        System.arraycopy(out, row, rowOf, 0, d);
                        float sum = 0f;
                        for (int c = 0; c < d; c++) {
                            sum += rowSum[c] * rowOf[c];
                        }
                        da[j] = sum;
                        if (w != 0f) {
                            System.arraycopy(dOut, row, rowOf, 0, d);
                            for (int c = 0; c < d; c++) {
                                rowOf[c] += w * rowSum[c];
                            }
                            System.arraycopy(rowOf, 0, dOut, row, d);
                        }
                    }
                    Softmin.backward(a, l * s, da, l * s, s, dz, l * s);
                }
                // z_k = ||hidden_k||², hidden_k = f(cq + key_k): d pre_k = 2 dz_k hidden_k f'(·), summed over k into
                // the query's part and per distinct item into the key's.
                for (int l = 0; l < n; l++) {
                    Arrays.fill(rowSum, 0f);
                    for (int k = 0; k < s; k++) {
                        int j = l * s + k;
                        float g2 = 2f * dz[j];
                        if (g2 == 0f) {
                            continue;
                        }
                        System.arraycopy(hid, j * d, rowOf, 0, d);
                        if (tanh) {
                            for (int c = 0; c < d; c++) {
                                float y = rowOf[c];
                                rowOf[c] = g2 * y * (1f - y * y);
                            }
                        } else {
                            for (int c = 0; c < d; c++) {
                                rowOf[c] *= g2;
                            }
                        }
                        if (random != null) {
                            // z_k = ||keep ⊙ hidden_k||²: the gradient reaching hidden_k is 2 dz_k keep² hidden_k.
                            System.arraycopy(keepHidden[h], j * d, rowKeep, 0, d);
                            for (int c = 0; c < d; c++) {
                                rowOf[c] *= rowKeep[c] * rowKeep[c];
                            }
                        }
                        for (int c = 0; c < d; c++) {
                            rowSum[c] += rowOf[c];
                        }
                        addInto(rowOf, dKeys, slot(j) * d);
                    }
                    System.arraycopy(rowSum, 0, dcq, l * d, d);
                }
                Dense.backwardWeights(dcq, d, 0, q[h], d, 0, d, d, gWc, twoD, 0, 0, n);
                Dense.backwardInput(dcq, d, 0, wc, twoD, 0, d, d, dq, d, 0, 0, n);
                if (h > 0) {
                    // q_h = e_{h−1} + g ⊙ (q_{h−1} − e_{h−1}), g = σ(W_g x + b_g), x = q_{h−1} (or e_{h−1}: then
                    // the gate's input gradient joins de, the gradient of e_{h−1}, instead of dq).
                    float[] g = gate[h];
                    float[] previous = q[h - 1];
                    float[] ePrevious = e[h - 1];
                    float[] dPre = dcq;  // reuse: the pre-activation gradient of the gate
                    for (int x = 0; x < n * d; x++) {
                        float gx = g[x];
                        float dqx = dq[x];
                        de[x] = dqx * (1f - gx);
                        dPre[x] = dqx * (previous[x] - ePrevious[x]) * gx * (1f - gx);
                        dq[x] = dqx * gx;
                    }
                    // This gate's block of W_g (offset gateAt(h)·d: row o of the block is at o·d + gateAt(h)·d)
                    // and of b_g (per-hop blocks through rowSum, free here, as backwardBias writes at offset 0;
                    // the global gate adds straight in, the order of additions of the default unchanged).
                    int at = gateAt(h);
                    Dense.backwardWeights(dPre, d, 0, outputGate ? ePrevious : previous, d, 0, d, d,
                            gradients.values(SdmModel.W_G), d, at * d, 0, n);
                    if (gatesPerHop) {
                        Arrays.fill(rowSum, 0f);
                        Dense.backwardBias(dPre, d, 0, d, rowSum, 0, n);
                        addInto(rowSum, gradients.values(SdmModel.B_G), at);
                    } else {
                        Dense.backwardBias(dPre, d, 0, d, gradients.values(SdmModel.B_G), 0, n);
                    }
                    Dense.backwardInput(dPre, d, 0, params.values(SdmModel.W_G), d, at * d, d, d,
                            outputGate ? de : dq, d, 0, 0, n);
                }
            }
            float[] gUsers = gradients.values(SdmModel.USER_MEMORY);
            float[] gItems = gradients.values(SdmModel.ITEM_MEMORY);
            // q_1 = keep ⊙ f(W_a [u_in; v_in] + b_a) (keep = 1 without dropout).
            if (random == null) {
                activationBackward(q[0], 0, dq, 0, n * d);
            } else {
                multiply(dq, keepQ, n * d);
                activationBackward(qActive, 0, dq, 0, n * d);
            }
            Dense.backwardWeights(dq, d, 0, xa, twoD, 0, twoD, d, gradients.values(SdmModel.W_A), twoD, 0, 0, n);
            Dense.backwardBias(dq, d, 0, d, gradients.values(SdmModel.B_A), 0, n);
            Arrays.fill(wide, 0, n * twoD, 0f);
            Dense.backwardInput(dq, d, 0, wa, twoD, 0, twoD, d, wide, twoD, 0, 0, n);
            scatter(batch, from, n, wide, gUsers, gItems, 0);

            // Per output set: out_k = square(keep ⊙ r_k) (keep = 1 without dropout), r_k = f(pd + outTerm_k),
            // pd = W_d^p p_o + b_d, p_o = keep_o ⊙ p; dp sums the sets' gradients, each through its own mask.
            float[] dpd = rowScratch3;
            float[] dp = rowScratch2;
            float[] dpSet = rowScratch; // de is not needed any more
            Arrays.fill(dp, 0, n * d, 0f);
            for (int o = 0; o < outs; o++) {
                float[] ro = r[o];
                float[] dOuto = dOut[o];
                if (random == null) {
                    for (int x = 0; x < n * s * d; x++) {
                        dOuto[x] *= 2f * ro[x];
                    }
                } else {
                    float[] keep = keepR[o];
                    for (int x = 0; x < n * s * d; x++) {
                        float k = keep[x];
                        dOuto[x] *= 2f * k * k * ro[x];
                    }
                }
                activationBackward(ro, 0, dOuto, 0, n * s * d);
                for (int l = 0; l < n; l++) {
                    Arrays.fill(rowSum, 0f);
                    for (int k = 0; k < s; k++) {
                        int j = l * s + k;
                        System.arraycopy(dOuto, j * d, rowOf, 0, d);
                        for (int c = 0; c < d; c++) {
                            rowSum[c] += rowOf[c];
                        }
                        addInto(rowOf, dOutTerms, slot(j) * d);
                    }
                    System.arraycopy(rowSum, 0, dpd, l * d, d);
                }
                Dense.backwardWeights(dpd, d, 0, random == null ? p : pKept[o], d, 0, d, d, gWd, twoD, 0, 0, n);
                Dense.backwardBias(dpd, d, 0, d, gradients.values(SdmModel.B_D), 0, n);
                if (outs == 1) {
                    Dense.backwardInput(dpd, d, 0, wd, twoD, 0, d, d, dp, d, 0, 0, n);
                    if (random != null) {
                        multiply(dp, keepP[0], n * d);
                    }
                } else {
                    Arrays.fill(dpSet, 0, n * d, 0f);
                    Dense.backwardInput(dpd, d, 0, wd, twoD, 0, d, d, dpSet, d, 0, 0, n);
                    float[] keep = keepP[o];
                    for (int x = 0; x < n * d; x++) {
                        dp[x] += dpSet[x] * keep[x];
                    }
                }
            }
            // p = f(W_b [u_out; v_out] + b_b); p holds f's output.
            activationBackward(p, 0, dp, 0, n * d);
            Dense.backwardWeights(dp, d, 0, xb, twoD, 0, twoD, d, gradients.values(SdmModel.W_B), twoD, 0, 0, n);
            Dense.backwardBias(dp, d, 0, d, gradients.values(SdmModel.B_B), 0, n);
            Arrays.fill(wide, 0, n * twoD, 0f);
            Dense.backwardInput(dp, d, 0, wb, twoD, 0, twoD, d, wide, twoD, 0, 0, n);
            scatter(batch, from, n, wide, gUsers, gItems, d);

            // Per distinct context item: keys = W_c^ctx v_in + b_c, outTerms = W_d^ctx v_out.
            Dense.backwardBias(dKeys, d, 0, d, bcGradient, 0, slots);
            Dense.backwardWeights(dKeys, d, 0, memory, twoD, 0, d, d, gWc, twoD, d, 0, slots);
            Dense.backwardWeights(dOutTerms, d, 0, memory, twoD, d, d, d, gWd, twoD, d, 0, slots);
            Arrays.fill(dMemory, 0, slots * twoD, 0f);
            Dense.backwardInput(dKeys, d, 0, wc, twoD, d, d, d, dMemory, twoD, 0, 0, slots);
            Dense.backwardInput(dOutTerms, d, 0, wd, twoD, d, d, d, dMemory, twoD, d, 0, slots);
            contextItems.scatterAdd(dMemory, gItems, twoD, 0, twoD);
        }

        /**
         * The authors' output layer for hop {@code h}: {@code e_l = Σ_k m_lk ReLU(W_o (a_lk out_lk) + b_o)}, slots
         * with mask 0 left out; keeps {@code a_k out_k} and the rectified terms for {@link #aggregateBackward}.
         */
        private void aggregate(int h, float[] a, float[] out, float[] mask, int from, int n, float[] woT) {
            float[] x = weighted[h];
            float[] y = rectified[h];
            int rows = n * s;
            for (int j = 0; j < rows; j++) {
                float w = a[j];
                System.arraycopy(out, j * d, rowOf, 0, d);
                for (int c = 0; c < d; c++) {
                    rowOf[c] *= w;
                }
                System.arraycopy(rowOf, 0, x, j * d, d);
            }
            Dense.fillRows(params.values(SdmModel.B_O), d, y, d, 0, 0, rows);
            Dense.multiplyAdd(x, d, 0, woT, d, d, y, d, 0, 0, rows);
            Relu.apply(y, 0, rows * d);
            float[] eh = e[h];
            for (int l = 0; l < n; l++) {
                Arrays.fill(rowSum, 0f);
                for (int k = 0; k < s; k++) {
                    if (mask[(from + l) * s + k] == 0f) {
                        continue;
                    }
                    System.arraycopy(y, (l * s + k) * d, rowOf, 0, d);
                    for (int c = 0; c < d; c++) {
                        rowSum[c] += rowOf[c];
                    }
                }
                System.arraycopy(rowSum, 0, eh, l * d, d);
            }
        }

        /**
         * Back through {@link #aggregate} of hop {@code h}: from {@code de} ({@code [n, d]}) to the gradients of
         * {@code W_o}, {@code b_o} and of each slot's {@code a_k out_k}, left in {@link #dWeighted}.
         */
        private void aggregateBackward(int h, float[] de, float[] mask, int from, int n,
                KernelParameters gradients) {
            int rows = n * s;
            for (int l = 0; l < n; l++) {
                for (int k = 0; k < s; k++) {
                    int j = l * s + k;
                    if (mask[(from + l) * s + k] == 0f) {
                        Arrays.fill(dRectified, j * d, j * d + d, 0f);
                    } else {
                        System.arraycopy(de, l * d, dRectified, j * d, d);
                    }
                }
            }
            Relu.backward(rectified[h], 0, dRectified, 0, rows * d);
            Dense.backwardWeights(dRectified, d, 0, weighted[h], d, 0, d, d, gradients.values(SdmModel.W_O), d, 0,
                    0, rows);
            Dense.backwardBias(dRectified, d, 0, d, gradients.values(SdmModel.B_O), 0, rows);
            Arrays.fill(dWeighted, 0, rows * d, 0f);
            Dense.backwardInput(dRectified, d, 0, params.values(SdmModel.W_O), d, 0, d, d, dWeighted, d, 0, 0, rows);
        }

        /**
         * @return the offset in {@code b_g} of the gate before hop {@code h} (0-based, {@code h ≥ 1}): 0 for the
         *         global gate, {@code (h − 1)·d} for per-hop gates; its {@code W_g} block starts at this times d
         */
        private int gateAt(int h) {
            return gatesPerHop ? (h - 1) * d : 0;
        }

        /** @return the slot (distinct context item) of context position {@code j} of the last forward pass's rows */
        private int slot(int j) {
            return contextItems.groupOf(slotBase + j);
        }

        /**
         * {@code target[l, k] = rows[l] + table[slot(l, k)]} for the {@code n} rows and their {@code s} context
         * positions: a row's query-side term plus the hop-invariant term of each of its context items.
         */
        private void addToSlots(float[] rows, float[] table, float[] target, int n) {
            for (int l = 0; l < n; l++) {
                System.arraycopy(rows, l * d, rowOf, 0, d);
                for (int k = 0; k < s; k++) {
                    addRows(rowOf, table, slot(l * s + k) * d, target, (l * s + k) * d);
                }
            }
        }

        /** {@code target[at .. at + d) = row + table[tableAt .. tableAt + d)}, through {@link #rowTerm}. */
        private void addRows(float[] row, float[] table, int tableAt, float[] target, int at) {
            System.arraycopy(table, tableAt, rowTerm, 0, d);
            for (int c = 0; c < d; c++) {
                rowTerm[c] += row[c];
            }
            System.arraycopy(rowTerm, 0, target, at, d);
        }

        /** {@code target[at .. at + d) += row}, through {@link #rowTerm}. */
        private void addInto(float[] row, float[] target, int at) {
            System.arraycopy(target, at, rowTerm, 0, d);
            for (int c = 0; c < d; c++) {
                rowTerm[c] += row[c];
            }
            System.arraycopy(rowTerm, 0, target, at, d);
        }

        /**
         * Adds the gradient of a concatenation {@code [user half; item half]} ({@code wide}, {@code [n, 2d]}) to the
         * user and item memory rows, at column {@code col0} (0: the input memories, d: the output memories).
         */
        private void scatter(KernelBatch batch, int from, int n, float[] wide, float[] gUsers, float[] gItems,
                int col0) {
            int twoD = 2 * d;
            for (int l = 0; l < n; l++) {
                int u = batch.users()[from + l] * twoD + col0;
                int i = batch.items()[from + l] * twoD + col0;
                int w = l * twoD;
                for (int c = 0; c < d; c++) {
                    gUsers[u + c] += wide[w + c];
                    gItems[i + c] += wide[w + d + c];
                }
            }
        }
    }
}
