package org.marketlens.model.sdm;

import java.util.ArrayList;
import java.util.List;
import org.marketlens.api.nn.FinalLayerModel;
import org.marketlens.api.nn.ParameterSpec;
import org.marketlens.api.nn.ParameterView;
import org.marketlens.api.nn.ScoreInputs;
import org.marketlens.api.nn.TrainingInputs;
import org.marketlens.framework.nn.layers.Affine;
import org.marketlens.framework.nn.layers.InvertedDropout;
import org.marketlens.framework.nn.layers.MaskedSoftmin;
import org.marketlens.framework.nn.layers.RowLookup;
import org.marketlens.framework.nn.layers.SignedDistance;
import org.nd4j.autodiff.samediff.SDIndex;
import org.marketlens.framework.nn.BatchRows;
import org.marketlens.framework.nn.kernel.KernelModel;
import org.marketlens.framework.nn.kernel.FinalLayerKernel;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * SDM with H hops (Eq. 5.7–5.19; MODELS.md §4.3–4.4). Memories {@code U_in, V_in, U_out, V_out}; input query
 * {@code q = f(W_a[u_in; v_in] + b_a)}, output query {@code p = f(W_b[u_out; v_out] + b_b)}; per hop the attention
 * distance {@code z_k = ||f(W_c[q; v_in,k] + b_c)||²}, masked softmin weights {@code a_k}, output
 * {@code e = Σ_k a_k square(f(W_d[p; v_out,k] + b_d))}; between hops the global gate
 * {@code g = σ(W_g q + b_g)}, {@code q ← (1 − g) ⊙ e + g ⊙ q} (A-38: one gate, input q by default; see below). Every weight is shared
 * by all hops (the "global weight constraint"), so the output-side terms are computed once. {@code D = w_eᵀ e^(H)
 * + b_e}, score {@code −D}. {@code f = tanh}; the identity is available for the reductions of §4.3.
 * Initialisation as MODELS.md §4.8. This graph is the definition; {@link SdmKernel} computes the same score and
 * gradients on float arrays, the trainer's fast path (issue 6).
 * <p>
 * <b>Gate input</b> (A-38, {@link GateInput}): by default the gate reads the previous query,
 * {@code g^(h−1) = σ(W_g q^(h−1) + b_g)} (Eq. 5.14 as written); with {@code OUTPUT} it reads the previous hop's
 * output, {@code g^(h−1) = σ(W_g e^(h−1) + b_g)}, as the authors' code (SDMR {@code MemNet.py}, {@code SDM.forward},
 * gates on the previous hop's output vector). Eq. 5.15 stays {@code q^(h) = (1 − g) ⊙ e^(h−1) + g ⊙ q^(h−1)}: the
 * authors' code mixes {@code (1 − g) ⊙ q + g ⊙ o}, the roles of {@code g} and {@code 1 − g} swapped, which a learnable
 * gate makes equivalent ({@code 1 − σ(x) = σ(−x)}: negating {@code W_g} and {@code b_g} swaps them). Only the gate's
 * input changes: {@code e^(h−1)} is our non-negative Eq. 5.13/5.19 output, not the authors' negated, ReLU-transformed
 * aggregate. With one hop there is no gate and the setting changes nothing.
 * <p>
 * <b>Gate tying</b> (A-38, {@link GateTying}): by default one global {@code W_g, b_g} serves every gate (the
 * global weight constraint); with {@code HOP} each gate {@code g^(h−1)} has its own {@code W_g^(h−1), b_g^(h−1)}
 * (Eq. 5.14 as written), stacked as {@code W_g: [H − 1, d, d]}, {@code b_g: [H − 1, d]}, block {@code h − 2} serving
 * the gate before hop {@code h}; the penalty covers all blocks. With two hops both tyings are the same model.
 * <p>
 * <b>Output aggregation</b> ({@link OutputAggregation}; the authors' code, not in the dissertation): by default a hop's
 * output is Eq. 5.13/5.19's {@code e = Σ_k a_k square(r_k)}. With {@code RELU} each slot's weighted output
 * {@code a_k ⊙ square(r_k)} (a d-vector) goes through a learned layer before the sum,
 * {@code e = Σ_k m_k ReLU(T (a_k ⊙ square(r_k)) + t)}, {@code T = W_o [d, d]} (He-normal, penalised as the other
 * weight matrices) and {@code t = b_o [d]} (zero, unpenalised as the other biases), one layer for all hops, as the
 * authors' SDMR {@code MemNet.py} ({@code OutputModule.forward}, one module for all hops; its output is negated, which
 * the learned gate and final layer absorb). This {@code e} is what the gate reads with {@code gateInput = output}, what
 * Eq. 5.15 mixes into the next query and what the edge layer (Eq. 5.18) and SDMR's final-layer vectors see. It exists
 * to close the remaining gap to the authors' results (issue 6). The context mask {@code m_k} keeps padded slots out:
 * the authors apply the layer to padded slots too, where {@code a_k ≈ 0} still adds {@code ReLU(t)} (MODELS.md §0.4).
 * <p>
 * <b>Dropout</b> (A-8: off by default; the authors' code uses 0.2): a rate {@code p > 0} multiplies, in the training
 * graph only, four activations by a Bernoulli(1 − p) mask divided by {@code 1 − p} (inverted dropout), at the places
 * the authors' code drops: the query {@code q^(1)} (Eq. 5.7, before hop 1 uses it), {@code p} (Eq. 5.8), each hop's
 * attention hidden {@code f(W_c^q q + key_k)} before its squared norm (Eq. 5.9, 5.17; a fresh mask per hop) and the
 * output hidden {@code r_k} before its square (Eq. 5.11). Our weight sharing makes {@code p} and {@code r_k}
 * hop-invariant, so by default ({@link DropoutMasks#PASS}) they get one mask per row per forward pass; with
 * {@link DropoutMasks#HOP} they are redrawn in every hop, as in the authors' code (which recomputes the output query
 * {@code Dropout(W_b[u_out; v_out] + b_b)} and its output hiddens in every hop): each hop then computes its own
 * {@code r_k} from its own masked {@code p}, while the context part {@code W_d^ctx v_out,k} stays hop-invariant. As in
 * Caser, the mask is {@code floor(U + 1 − p)} with {@code U} uniform on {@code [0, 1)} (ND4J 1.0.0-M1.1's dropout ops
 * have no derivative); with {@code p = 0} the graph has no extra op. The recommender serves
 * {@link #withoutDropout()}, so inference is deterministic.
 */
final class SdmModel implements FinalLayerModel, KernelModel {
    /** {@code [M, 2d]}: columns {@code [0, d)} are the input memory U_in, {@code [d, 2d)} the output memory U_out. */
    static final String USER_MEMORY = "user_memory";
    /** {@code [N, 2d]}: columns {@code [0, d)} are V_in, {@code [d, 2d)} V_out. */
    static final String ITEM_MEMORY = "item_memory";
    static final String W_A = "W_a";
    static final String W_B = "W_b";
    static final String W_C = "W_c";
    static final String W_D = "W_d";
    static final String W_G = "W_g";
    static final String B_A = "b_a";
    static final String B_B = "b_b";
    static final String B_C = "b_c";
    static final String B_D = "b_d";
    static final String B_G = "b_g";
    /** {@code T} of the {@code relu} output aggregation, {@code [d, d]} (only with {@link OutputAggregation#RELU}). */
    static final String W_O = "W_o";
    /** {@code t} of the {@code relu} output aggregation, {@code [d]} (only with {@link OutputAggregation#RELU}). */
    static final String B_O = "b_o";
    static final String EDGE = "w_e";
    static final String EDGE_BIAS = "b_e";

    /** The non-linearity f of Eq. 5.7–5.9. */
    enum Activation { TANH, IDENTITY }

    /**
     * How often the hop-invariant activations {@code p} and {@code r_k} draw their dropout masks: {@code PASS} once
     * per forward pass (our weight sharing computes them once), {@code HOP} afresh in every hop, as the authors' code
     * (which recomputes the output query and its output hiddens in every hop, each with a new dropout mask).
     */
    enum DropoutMasks {
        PASS, HOP;

        /** @return the setting named {@code pass} or {@code hop} (any case) */
        static DropoutMasks parse(String name) {
            return setting(values(), name, "SDM's dropoutMasks must be 'pass' (one mask per forward pass for p and"
                    + " r_k) or 'hop' (a fresh mask in every hop)");
        }

        /** @return the name used in hyper-parameters and snapshots */
        String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * What the gate of Eq. 5.14 reads: {@code QUERY} the previous hop's query, {@code g = σ(W_g q^(h−1) + b_g)}
     * (Eq. 5.14 as written, the default), {@code OUTPUT} the previous hop's output, {@code g = σ(W_g e^(h−1) + b_g)}
     * (the authors' code). Eq. 5.15 is the same for both.
     */
    enum GateInput {
        QUERY, OUTPUT;

        /** @return the setting named {@code query} or {@code output} (any case) */
        static GateInput parse(String name) {
            return setting(values(), name, "SDM's gateInput must be 'query' (g = σ(W_g q + b_g), Eq. 5.14) or"
                    + " 'output' (g = σ(W_g e + b_g), the authors' code; A-38)");
        }
    }

    /**
     * Whether the gates between hops share their weights: {@code GLOBAL} one {@code W_g, b_g} for every gate
     * (the global weight constraint, the default), {@code HOP} each gate {@code g^(h−1)} its own
     * {@code W_g^(h−1), b_g^(h−1)} (Eq. 5.14 as written; the authors' {@code gate_hop_specific}).
     */
    enum GateTying {
        GLOBAL, HOP;

        /** @return the setting named {@code global} or {@code hop} (any case) */
        static GateTying parse(String name) {
            return setting(values(), name, "SDM's gateTying must be 'global' (one W_g, b_g for all hops) or 'hop'"
                    + " (W_g^(h), b_g^(h) per gate, Eq. 5.14; A-38)");
        }
    }

    /**
     * How a hop aggregates its slots into {@code e}: {@code SUM} {@code e = Σ_k a_k square(r_k)} (Eq. 5.13, 5.19, the
     * default), {@code RELU} {@code e = Σ_k unpadded ReLU(T (a_k ⊙ square(r_k)) + t)} with one learned {@code T, t}
     * for all hops (the authors' code, not in the dissertation).
     */
    enum OutputAggregation {
        SUM, RELU;

        /** @return the setting named {@code sum} or {@code relu} (any case) */
        static OutputAggregation parse(String name) {
            return setting(values(), name, "SDM's outputAggregation must be 'sum' (e = Σ_k a_k square(r_k), Eq. 5.13)"
                    + " or 'relu' (e = Σ_k ReLU(T (a_k ⊙ square(r_k)) + t), the authors' code)");
        }
    }

    /** @return the constant of {@code values} named {@code name} (any case, trimmed), else {@code error} */
    private static <E extends Enum<E>> E setting(E[] values, String name, String error) {
        for (E v : values) {
            if (v.name().equalsIgnoreCase(String.valueOf(name).trim())) {
                return v;
            }
        }
        throw new IllegalArgumentException(error + ", got '" + name + "'");
    }

    private final int numUsers;
    private final int numItems;
    private final int dim;
    private final int hops;
    private final int contextSize;
    private final double lambda;
    private final Activation activation;
    private final double dropout;
    private final DropoutMasks dropoutMasks;
    private final GateInput gateInput;
    private final GateTying gateTying;
    private final OutputAggregation outputAggregation;

    /** A model without dropout. */
    SdmModel(int numUsers, int numItems, int dim, int hops, int contextSize, double lambda, Activation activation) {
        this(numUsers, numItems, dim, hops, contextSize, lambda, activation, 0);
    }

    /**
     * @param dropout the training-time dropout rate p, in {@code [0, 1)} (A-8; 0: none)
     */
    SdmModel(int numUsers, int numItems, int dim, int hops, int contextSize, double lambda, Activation activation,
            double dropout) {
        this(numUsers, numItems, dim, hops, contextSize, lambda, activation, dropout, DropoutMasks.PASS);
    }

    /**
     * @param dropout      the training-time dropout rate p, in {@code [0, 1)} (A-8; 0: none)
     * @param dropoutMasks whether {@code p} and {@code r_k} draw their masks once per forward pass or in every hop
     */
    SdmModel(int numUsers, int numItems, int dim, int hops, int contextSize, double lambda, Activation activation,
            double dropout, DropoutMasks dropoutMasks) {
        this(numUsers, numItems, dim, hops, contextSize, lambda, activation, dropout, dropoutMasks, GateInput.QUERY);
    }

    /**
     * @param dropout      the training-time dropout rate p, in {@code [0, 1)} (A-8; 0: none)
     * @param dropoutMasks whether {@code p} and {@code r_k} draw their masks once per forward pass or in every hop
     * @param gateInput    what the gate between hops reads, {@code q^(h−1)} or {@code e^(h−1)}
     */
    SdmModel(int numUsers, int numItems, int dim, int hops, int contextSize, double lambda, Activation activation,
            double dropout, DropoutMasks dropoutMasks, GateInput gateInput) {
        this(numUsers, numItems, dim, hops, contextSize, lambda, activation, dropout, dropoutMasks, gateInput,
                GateTying.GLOBAL);
    }

    /**
     * @param dropout      the training-time dropout rate p, in {@code [0, 1)} (A-8; 0: none)
     * @param dropoutMasks whether {@code p} and {@code r_k} draw their masks once per forward pass or in every hop
     * @param gateInput    what the gate between hops reads, {@code q^(h−1)} or {@code e^(h−1)}
     * @param gateTying    one gate for all hops or one per hop
     */
    SdmModel(int numUsers, int numItems, int dim, int hops, int contextSize, double lambda, Activation activation,
            double dropout, DropoutMasks dropoutMasks, GateInput gateInput, GateTying gateTying) {
        this(numUsers, numItems, dim, hops, contextSize, lambda, activation, dropout, dropoutMasks, gateInput,
                gateTying, OutputAggregation.SUM);
    }

    /**
     * @param dropout           the training-time dropout rate p, in {@code [0, 1)} (A-8; 0: none)
     * @param dropoutMasks      whether {@code p} and {@code r_k} draw their masks once per forward pass or in every hop
     * @param gateInput         what the gate between hops reads, {@code q^(h−1)} or {@code e^(h−1)}
     * @param gateTying         one gate for all hops or one per hop
     * @param outputAggregation how a hop sums its slots into {@code e}: Eq. 5.13 or the authors' ReLU layer
     */
    SdmModel(int numUsers, int numItems, int dim, int hops, int contextSize, double lambda, Activation activation,
            double dropout, DropoutMasks dropoutMasks, GateInput gateInput, GateTying gateTying,
            OutputAggregation outputAggregation) {
        if (outputAggregation == null) {
            throw new IllegalArgumentException("SDM needs an outputAggregation setting, 'sum' or 'relu'");
        }
        this.outputAggregation = outputAggregation;
        if (dropoutMasks == null) {
            throw new IllegalArgumentException("SDM needs a dropoutMasks setting, 'pass' or 'hop'");
        }
        if (gateInput == null) {
            throw new IllegalArgumentException("SDM needs a gateInput setting, 'query' or 'output'");
        }
        this.dropoutMasks = dropoutMasks;
        if (gateTying == null) {
            throw new IllegalArgumentException("SDM needs a gateTying setting, 'global' or 'hop'");
        }
        this.gateInput = gateInput;
        this.gateTying = gateTying;
        if (dim < 1 || hops < 1 || contextSize < 1) {
            throw new IllegalArgumentException("SDM needs dim, hops and contextSize >= 1, got " + dim + ", " + hops
                    + ", " + contextSize);
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("SDM needs a dropout rate in [0, 1), got " + dropout);
        }
        this.dropout = dropout;
        this.numUsers = numUsers;
        this.numItems = numItems;
        this.dim = dim;
        this.hops = hops;
        this.contextSize = contextSize;
        this.lambda = lambda;
        this.activation = activation;
    }

    @Override
    public int contextSize() {
        return contextSize;
    }

    /** @return the training-time dropout rate p (0: none) */
    double dropout() {
        return dropout;
    }

    /** @return when {@code p} and {@code r_k} draw their dropout masks (no effect without dropout) */
    DropoutMasks dropoutMasks() {
        return dropoutMasks;
    }

    /** @return what the gate between hops reads (A-38; no effect with one hop) */
    GateInput gateInput() {
        return gateInput;
    }

    /** @return whether the gates share one {@code W_g, b_g} or have one each (A-38; no effect with one hop) */
    GateTying gateTying() {
        return gateTying;
    }

    /** @return how a hop aggregates its slots into {@code e}: Eq. 5.13's sum or the authors' ReLU layer */
    OutputAggregation outputAggregation() {
        return outputAggregation;
    }

    /** @return the same model without dropout: the inference graph and kernel */
    SdmModel withoutDropout() {
        return dropout == 0 ? this
                : new SdmModel(numUsers, numItems, dim, hops, contextSize, lambda, activation, 0, dropoutMasks,
                        gateInput, gateTying, outputAggregation);
    }

    /** @return the dense weights the penalty covers: W_a, W_b, W_c, W_d, W_g (H > 1), W_o ({@code relu}), w_e */
    List<String> penalisedWeights() {
        List<String> dense = new ArrayList<>(List.of(W_A, W_B, W_C, W_D));
        if (hops > 1) {
            dense.add(W_G);
        }
        if (outputAggregation == OutputAggregation.RELU) {
            dense.add(W_O);
        }
        dense.add(EDGE);
        return List.copyOf(dense);
    }

    /** @return the number of hops H */
    int hops() {
        return hops;
    }

    @Override
    public int finalVectorSize() {
        return dim;
    }

    @Override
    public List<ParameterSpec> parameters() {
        List<ParameterSpec> p = new ArrayList<>();
        // Input and output memories side by side, so each index input is gathered once per model call (the
        // ND4J 1.0.0-M1.1 gather-gradient naming clash) and one gather serves both memories.
        p.add(ParameterSpec.embedding(USER_MEMORY, numUsers, 2L * dim, 0.01));
        p.add(ParameterSpec.embedding(ITEM_MEMORY, numItems, 2L * dim, 0.01));
        for (String w : List.of(W_A, W_B, W_C, W_D)) {
            p.add(new ParameterSpec(w, new long[] {dim, 2L * dim}, ParameterSpec.Init.HE_NORMAL, 0));
        }
        for (String b : List.of(B_A, B_B, B_C, B_D)) {
            p.add(new ParameterSpec(b, new long[] {dim}, ParameterSpec.Init.CONSTANT, 0));
        }
        if (hops > 1) {
            // The gate exists only between hops (Eq. 5.14); a one-hop model has none to train. Per-hop gates stack
            // their W_g^(h) as [H − 1, d, d] (fan-in d, as the global one) and their b_g^(h) as [H − 1, d].
            boolean perHop = gateTying == GateTying.HOP;
            p.add(new ParameterSpec(W_G, perHop ? new long[] {hops - 1, dim, dim} : new long[] {dim, dim},
                    ParameterSpec.Init.HE_NORMAL, 0));
            p.add(new ParameterSpec(B_G, perHop ? new long[] {hops - 1, dim} : new long[] {dim},
                    ParameterSpec.Init.CONSTANT, 0));
        }
        if (outputAggregation == OutputAggregation.RELU) {
            // One aggregation layer shared by all hops, as the other weights (the authors' single OutputModule).
            p.add(new ParameterSpec(W_O, new long[] {dim, dim}, ParameterSpec.Init.HE_NORMAL, 0));
            p.add(new ParameterSpec(B_O, new long[] {dim}, ParameterSpec.Init.CONSTANT, 0));
        }
        p.add(new ParameterSpec(EDGE, new long[] {dim}, ParameterSpec.Init.HE_NORMAL, 0));
        p.add(new ParameterSpec(EDGE_BIAS, new long[] {1}, ParameterSpec.Init.CONSTANT, 0));
        return p;
    }

    /** The per-hop attention and the final vector of one graph. */
    record Forward(SDVariable finalVector, List<SDVariable> attention, List<SDVariable> distances) {
    }

    /** Builds Eq. 5.7–5.19 once: gathers each index input once and reuses the rows in every hop. */
    Forward forward(SameDiff sd, ParameterView params, ScoreInputs in) {
        if (in.context() == null || in.contextMask() == null) {
            throw new IllegalArgumentException("SDM scores need context items and their mask");
        }
        SDVariable user = RowLookup.rows(sd, params.get(USER_MEMORY), in.users());       // [b, 2d]
        SDVariable item = RowLookup.rows(sd, params.get(ITEM_MEMORY), in.items());       // [b, 2d]
        // Gather on flat indices: the gather gradient of ND4J 1.0.0-M1.1 fails for 2-d index arrays.
        SDVariable context = RowLookup.rows(sd, params.get(ITEM_MEMORY), in.context().reshape(-1))
                .reshape(-1, contextSize, 2L * dim);                                       // [b, s, 2d]
        SDVariable uIn = user.get(SDIndex.all(), SDIndex.interval(0, dim));
        SDVariable uOut = user.get(SDIndex.all(), SDIndex.interval(dim, 2 * dim));
        SDVariable vIn = item.get(SDIndex.all(), SDIndex.interval(0, dim));
        SDVariable vOut = item.get(SDIndex.all(), SDIndex.interval(dim, 2 * dim));
        SDVariable contextIn = context.get(SDIndex.all(), SDIndex.all(), SDIndex.interval(0, dim));
        SDVariable contextOut = context.get(SDIndex.all(), SDIndex.all(), SDIndex.interval(dim, 2 * dim));

        SDVariable q = InvertedDropout.apply(sd, f(sd, Affine.of(sd, params.get(W_A), params.get(B_A))
                .apply(sd.concat(1, uIn, vIn))), dropout);                                        // 5.7
        SDVariable pActive = f(sd, Affine.of(sd, params.get(W_B), params.get(B_B)).apply(sd.concat(1, uOut, vOut)));
        // With per-hop masks p and r_k are redrawn in every hop below; the context part stays hop-invariant.
        boolean perHop = dropoutMasks == DropoutMasks.HOP && dropout > 0;
        SDVariable p = perHop ? null : InvertedDropout.apply(sd, pActive, dropout);                // 5.8
        Affine[] c = Affine.of(sd, params.get(W_C), params.get(B_C)).split(dim, dim, 2 * dim);
        Affine[] d = Affine.of(sd, params.get(W_D), params.get(B_D)).split(dim, dim, 2 * dim);
        // Hop-invariant parts (weights and p are shared by all hops): W_c's context block with b_c, the output terms
        // and the mask's terms. Each op saved here is saved per hop: SameDiff's cost per op dominates (issue 6).
        SDVariable contextKeys = c[1].applyLinearToRows(contextIn, dim, dim, contextSize).add(c[0].bias());
        MaskedSoftmin.Mask mask = MaskedSoftmin.prepare(sd, in.contextMask(), contextKeys.dataType());
        SDVariable outputTerms = d[1].applyLinearToRows(contextOut, dim, dim, contextSize);
        SDVariable outputs = perHop ? null : outputs(sd, d[0], p, outputTerms);
        Affine aggregation = outputAggregation == OutputAggregation.RELU
                ? Affine.of(sd, params.get(W_O), params.get(B_O)) : null;
        Affine gate = hops > 1 && gateTying == GateTying.GLOBAL ? Affine.of(sd, params.get(W_G), params.get(B_G))
                : null;
        List<SDVariable> attention = new ArrayList<>();
        List<SDVariable> distances = new ArrayList<>();
        SDVariable e = null;
        for (int h = 1; h <= hops; h++) {
            if (h > 1) {
                // Per-hop gates: the gate before hop h is block h − 2 of W_g, b_g, taken as a row interval of
                // their [(H − 1)·d, d] and [(H − 1)·d] views (the interval slices the memories use too).
                Affine hopGate = gate != null ? gate : Affine.of(sd,
                        params.get(W_G).reshape(-1, dim).get(SDIndex.interval((h - 2) * dim, (h - 1) * dim),
                                SDIndex.all()),
                        params.get(B_G).reshape(-1).get(SDIndex.interval((h - 2) * dim, (h - 1) * dim)));
                SDVariable g = sd.nn().sigmoid(hopGate.apply(gateInput == GateInput.OUTPUT ? e : q));  // 5.14
                q = e.add(g.mul(q.sub(e)));                                   // 5.15: (1 − g) ⊙ e + g ⊙ q
            }
            SDVariable hidden = InvertedDropout.apply(sd,
                    f(sd, sd.expandDims(c[0].applyLinear(q), 1).add(contextKeys)), dropout);
            SDVariable z = sd.squaredNorm(hidden, false, 2);                                     // 5.9, 5.17
            SDVariable a = MaskedSoftmin.weights(sd, z, mask);                                    // 5.10, 5.16
            SDVariable hopOutputs = perHop
                    ? outputs(sd, d[0], InvertedDropout.apply(sd, pActive, dropout), outputTerms) : outputs;
            e = aggregation == null ? MaskedSoftmin.pool(sd, a, hopOutputs)                      // 5.13, 5.19
                    : aggregate(sd, aggregation, a, hopOutputs, mask);
            attention.add(a);
            distances.add(z);
        }
        return new Forward(e, List.copyOf(attention), List.copyOf(distances));
    }

    /**
     * The authors' output layer: {@code e = Σ_k m_k ReLU(T (a_k ⊙ out_k) + t)}, the mask {@code m_k} keeping padded
     * slots out (their {@code a_k = 0} would still add {@code ReLU(t)}; MODELS.md §0.4).
     */
    private SDVariable aggregate(SameDiff sd, Affine aggregation, SDVariable a, SDVariable outputs,
            MaskedSoftmin.Mask mask) {
        SDVariable weighted = outputs.mul(sd.expandDims(a, 2));                                  // [b, s, d]
        SDVariable pre = aggregation.applyLinearToRows(weighted, dim, dim, contextSize).add(aggregation.bias());
        return sd.nn().relu(pre, 0).mul(sd.expandDims(mask.valid(), 2)).sum(1);
    }

    /** {@code square(r_k)} with {@code r_k = dropout(f(W_d^p p + b_d + W_d^ctx v_out,k))} (Eq. 5.11, 5.13). */
    private SDVariable outputs(SameDiff sd, Affine outputQuery, SDVariable p, SDVariable outputTerms) {
        SDVariable r = InvertedDropout.apply(sd, f(sd, sd.expandDims(outputQuery.apply(p), 1).add(outputTerms)),
                dropout);
        return SignedDistance.perDimension(sd, r);                                                // square(r_k)
    }

    private SDVariable f(SameDiff sd, SDVariable x) {
        return activation == Activation.TANH ? sd.math().tanh(x) : x;
    }

    /** @return {@code e^(H)}, {@code [batch, d]} (Eq. 5.19) */
    @Override
    public SDVariable finalVectors(SameDiff sd, ParameterView params, ScoreInputs in) {
        return forward(sd, params, in).finalVector();
    }

    /** @return {@code −D_SDM-H}, {@code [batch]} (Eq. 5.12, 5.18) */
    @Override
    public SDVariable score(SameDiff sd, ParameterView params, ScoreInputs in) {
        return SignedDistance.edgeWeighted(finalVectors(sd, params, in), params.get(EDGE), params.get(EDGE_BIAS))
                .neg();
    }

    /** λ · (batch mean of the squared input and output memory rows of user, positive and negative + squared dense weights), A-6. */
    @Override
    public SDVariable penalty(SameDiff sd, ParameterView params, TrainingInputs in) {
        SDVariable rows = BatchRows.squaredNorms(sd, params.get(USER_MEMORY), params.get(ITEM_MEMORY), in);
        SDVariable dense = null;
        for (String w : penalisedWeights()) {
            SDVariable x = sd.squaredNorm(params.get(w));
            dense = dense == null ? x : dense.add(x);
        }
        return rows.mean().add(dense).mul(lambda);
    }

    /**
     * @return the hand-written forward pass and gradient of {@link #score}, with {@link #penalty}'s terms; its
     *         training workers drop out at this model's rate, its serving workers never
     */
    @Override
    public FinalLayerKernel kernel() {
        return new SdmKernel(numItems, dim, hops, contextSize, activation, lambda, dropout, dropoutMasks, gateInput,
                gateTying, outputAggregation, penalisedWeights());
    }
}
