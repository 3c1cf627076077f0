package org.marketlens.model.sdp;

import java.util.ArrayList;
import java.util.List;
import org.marketlens.api.nn.FinalLayerModel;
import org.marketlens.api.nn.ParameterSpec;
import org.marketlens.api.nn.ParameterView;
import org.marketlens.api.nn.ScoreInputs;
import org.marketlens.api.nn.TrainingInputs;
import org.marketlens.framework.nn.layers.Affine;
import org.marketlens.framework.nn.layers.InvertedDropout;
import org.marketlens.framework.nn.layers.HalvingTower;
import org.marketlens.framework.nn.layers.RowLookup;
import org.marketlens.framework.nn.layers.SignedDistance;
import org.marketlens.framework.nn.BatchRows;
import org.marketlens.framework.nn.kernel.KernelModel;
import org.marketlens.framework.nn.kernel.FinalLayerKernel;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * SDP (Eq. 5.1–5.6; MODELS.md §4.2): {@code e^(1) = tanh(W^(1)[u_i; v_j] + b^(1))}, further tanh layers of halving
 * width, {@code e^(ℓ+1) = square(e^(ℓ))}, {@code D = w_oᵀ e^(ℓ+1) + b_o}, score {@code −D}. Embeddings start at
 * N(0, 0.01²), weight matrices and the edge weights He-normal, biases 0 (MODELS.md §4.8). Penalty: {@code λ} times
 * the batch mean of the squared norms of the rows used plus the squared norm of the dense weights. The graph
 * is the definition; {@link SdpKernel} is the same score and gradient by hand, which BPR training takes (issue 6).
 * <p>
 * <b>Dropout</b> (A-8: off by default, a per-model option): a rate {@code p > 0} multiplies the output {@code x_ℓ} of
 * every layer (Eq. 5.1–5.4) by a fresh Bernoulli(1 − p) mask divided by {@code 1 − p} ({@code floor(U + 1 − p)}, as
 * {@code CaserModel} does) in the training graph only; the recommender serves {@link #withoutDropout()}, so inference
 * is deterministic, and with {@code p = 0} the graph is exactly the dropout-free one. The graph's masks come from
 * ND4J's global generator; the kernel's training workers draw theirs from the trainer's seed.
 */
final class SdpModel implements FinalLayerModel, KernelModel {
    static final String USERS = "user_embedding";
    static final String ITEMS = "item_embedding";
    static final String EDGE = "w_o";
    static final String EDGE_BIAS = "b_o";
    private final int numUsers;
    private final int numItems;
    private final int dim;
    private final int layers;
    private final double lambda;
    /** {@code widths[0] = 2d} (the input), {@code widths[l] = d_l}: {@code d_1 = d}, then halving (MODELS.md §4.2). */
    private final int[] widths;
    /** f = tanh (the model); false = identity (only for the reduction to the squared Euclidean distance). */
    private final boolean tanh;
    /** The dropout rate on every layer's output in training, in {@code [0, 1)}. */
    private final double dropout;

    SdpModel(int numUsers, int numItems, int dim, int layers, double lambda) {
        this(numUsers, numItems, dim, layers, lambda, true, 0);
    }

    SdpModel(int numUsers, int numItems, int dim, int layers, double lambda, boolean tanh) {
        this(numUsers, numItems, dim, layers, lambda, tanh, 0);
    }

    /** @param dropout the dropout rate on every layer's output {@code x_ℓ} in training, in {@code [0, 1)} */
    SdpModel(int numUsers, int numItems, int dim, int layers, double lambda, boolean tanh, double dropout) {
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("SDP needs dropout in [0, 1), got " + dropout);
        }
        this.dropout = dropout;
        this.numUsers = numUsers;
        this.numItems = numItems;
        this.dim = dim;
        this.layers = layers;
        this.lambda = lambda;
        this.tanh = tanh;
        this.widths = HalvingTower.widths("SDP", dim, layers);
    }

    /** @return the same model without dropout: the inference graph */
    SdpModel withoutDropout() {
        return new SdpModel(numUsers, numItems, dim, layers, lambda, tanh, 0);
    }

    /** @return the dropout rate in training */
    double dropout() {
        return dropout;
    }

    static String weight(int layer) {
        return "W" + layer;
    }

    static String bias(int layer) {
        return "b" + layer;
    }

    @Override
    public List<ParameterSpec> parameters() {
        List<ParameterSpec> p = new ArrayList<>();
        p.add(ParameterSpec.embedding(USERS, numUsers, dim, 0.01));
        p.add(ParameterSpec.embedding(ITEMS, numItems, dim, 0.01));
        for (int l = 1; l <= layers; l++) {
            p.add(new ParameterSpec(weight(l), new long[] {widths[l], widths[l - 1]}, ParameterSpec.Init.HE_NORMAL, 0));
            p.add(new ParameterSpec(bias(l), new long[] {widths[l]}, ParameterSpec.Init.CONSTANT, 0));
        }
        p.add(new ParameterSpec(EDGE, new long[] {widths[layers]}, ParameterSpec.Init.HE_NORMAL, 0));
        p.add(new ParameterSpec(EDGE_BIAS, new long[] {1}, ParameterSpec.Init.CONSTANT, 0));
        return p;
    }

    @Override
    public int finalVectorSize() {
        return widths[layers];
    }

    /** @return {@code e^(ℓ+1)}, {@code [batch, d_ℓ]} (Eq. 5.1–5.5) */
    @Override
    public SDVariable finalVectors(SameDiff sd, ParameterView params, ScoreInputs in) {
        SDVariable u = RowLookup.rows(sd, params.get(USERS), in.users());
        SDVariable v = RowLookup.rows(sd, params.get(ITEMS), in.items());
        SDVariable e = sd.concat(1, u, v);
        for (int l = 1; l <= layers; l++) {
            e = Affine.of(sd, params.get(weight(l)), params.get(bias(l))).apply(e);
            e = tanh ? sd.math().tanh(e) : e;
            e = InvertedDropout.apply(sd, e, dropout);
        }
        return SignedDistance.perDimension(sd, e);
    }

    /** @return {@code −D_SDP}, {@code [batch]} (Eq. 5.6) */
    @Override
    public SDVariable score(SameDiff sd, ParameterView params, ScoreInputs in) {
        return SignedDistance.edgeWeighted(finalVectors(sd, params, in), params.get(EDGE), params.get(EDGE_BIAS))
                .neg();
    }

    @Override
    public SDVariable penalty(SameDiff sd, ParameterView params, TrainingInputs in) {
        SDVariable rows = BatchRows.squaredNorms(sd, params.get(USERS), params.get(ITEMS), in).mean();
        SDVariable dense = sd.squaredNorm(params.get(EDGE));
        for (int l = 1; l <= layers; l++) {
            dense = dense.add(sd.squaredNorm(params.get(weight(l))));
        }
        return rows.add(dense).mul(lambda);
    }

    /**
     * @return the hand-written forward pass and gradient of {@link #score}, with {@link #penalty}'s terms; with this
     *         model's dropout rate in its seeded training workers
     */
    @Override
    public FinalLayerKernel kernel() {
        return new SdpKernel(dim, widths, tanh, dropout, lambda);
    }
}
