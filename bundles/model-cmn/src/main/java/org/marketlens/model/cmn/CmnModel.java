package org.marketlens.model.cmn;

import java.util.ArrayList;
import java.util.List;
import org.marketlens.api.nn.ParameterSpec;
import org.marketlens.api.nn.ParameterView;
import org.marketlens.api.nn.ScoreInputs;
import org.marketlens.api.nn.TrainingInputs;
import org.marketlens.framework.nn.BatchRows;
import org.marketlens.framework.nn.kernel.KernelModel;
import org.marketlens.framework.nn.kernel.ScoreKernel;
import org.marketlens.framework.nn.layers.Affine;
import org.marketlens.framework.nn.layers.MaskedSoftmin;
import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * CMN, the collaborative memory network of Ebesu et al. (2018), the CMN++ baseline of MODELS.md §4.7 (hops in
 * {1, 2, 3, 4}, §4.8). User memory {@code M}, external user memory {@code C}, item memory {@code E}; for user u and
 * item i the neighbourhood {@code N(i)} is the training users who consumed i ({@link Neighbourhoods}), without u:
 * <pre>
 * z^0       = m_u + e_i
 * q^h_v     = z^(h−1)ᵀ m_v                      v ∈ N(i)     (hop 1: m_uᵀ m_v + e_iᵀ m_v, the paper's Eq. 2)
 * p^h_v     = softmax_v(q^h_v)                 over the valid neighbours only (MODELS.md §0.4)
 * o^h       = Σ_v p^h_v c_v
 * z^h       = ReLU(W^h z^(h−1) + o^h)          between hops, one W^h per hop (h < H)
 * score     = vᵀ ReLU(U (m_u ⊙ e_i) + W o^H + b)
 * </pre>
 * With one hop this is the paper's single-hop model exactly; with more hops the last hop's neighbourhood vector
 * {@code o^H} enters the output layer, and the queries between hops are refined as in the paper's multi-hop
 * update. An item without valid neighbours gives {@code o = 0} (the zero aggregate of §0.4). Higher score = more
 * relevant; trained by the experiment's pairwise loss (BPR or APR; the paper also uses BPR).
 * <p>
 * <b>Why the neighbourhood is a table inside the model, not a context input.</b> The framework's context inputs are
 * the user's items, and a negative keeps its positive's context (§4.1), whereas {@code N(i)} depends on the scored
 * item: the negative needs its own neighbourhood. So each score call gathers the rows of the scored items from a
 * constant table {@code [numItems, 2·cap]} (ids and mask side by side, so the item index is gathered from it once)
 * built from the training data. The query user is removed from the mask: every training positive has u in N(i) by
 * construction and no test item does, so attending to oneself would be a training-only shortcut.
 * <p>
 * No dropout, so inference is deterministic. The table is not a trained parameter; the provider saves it
 * with the parameters so that a loaded model scores the same.
 * <p>
 * The graph is the definition; {@link CmnKernel} is the same score and gradient by hand, which BPR training and
 * serving take (issue 6): the graph's many small ops per hop cost about 890 s per ml-100k-loo epoch.
 */
final class CmnModel implements KernelModel {
    /** {@code [M, 2d]}: columns {@code [0, d)} the user memory M, {@code [d, 2d)} the external memory C. */
    static final String USER_MEMORY = "user_memory";
    /** {@code [N, d]}: the item memory E. */
    static final String ITEM_MEMORY = "item_memory";
    static final String U = "U";
    static final String W = "W";
    static final String B = "b";
    static final String V = "v";
    /** Hop weights {@code W^h [d, d]}, names {@code W_hop<h>} for h = 1..H−1. */
    static final String HOP = "W_hop";
    /** The graph constant holding the neighbourhood table (not a trained parameter). */
    static final String NEIGHBOURHOOD = "cmn_neighbourhood";

    private final int numUsers;
    private final int numItems;
    private final int dim;
    private final int hops;
    private final int cap;
    private final double lambda;
    private final INDArray neighbourhood;

    /**
     * @param neighbourhood the table of {@link Neighbourhoods#build} ({@code [numItems, 2·cap]}), or {@code null} when
     *                      every graph that scores with this model holds it as the constant {@link #NEIGHBOURHOOD}
     */
    CmnModel(int numUsers, int numItems, int dim, int hops, int cap, double lambda, INDArray neighbourhood) {
        if (dim < 1 || hops < 1 || cap < 1) {
            throw new IllegalArgumentException("CMN needs dim, hops and the neighbourhood cap >= 1, got " + dim + ", "
                    + hops + ", " + cap);
        }
        if (neighbourhood != null && (neighbourhood.rank() != 2 || neighbourhood.size(0) != numItems
                || neighbourhood.size(1) != 2L * cap)) {
            throw new IllegalArgumentException("CMN neighbourhood table must be [" + numItems + ", " + 2 * cap
                    + "], got " + java.util.Arrays.toString(neighbourhood.shape()));
        }
        this.numUsers = numUsers;
        this.numItems = numItems;
        this.dim = dim;
        this.hops = hops;
        this.cap = cap;
        this.lambda = lambda;
        this.neighbourhood = neighbourhood;
    }

    /** @return the neighbourhood table, or {@code null} */
    INDArray neighbourhood() {
        return neighbourhood;
    }

    @Override
    public List<ParameterSpec> parameters() {
        List<ParameterSpec> p = new ArrayList<>();
        p.add(ParameterSpec.embedding(USER_MEMORY, numUsers, 2L * dim, 0.01));
        p.add(ParameterSpec.embedding(ITEM_MEMORY, numItems, dim, 0.01));
        p.add(new ParameterSpec(U, new long[] {dim, dim}, ParameterSpec.Init.HE_NORMAL, 0));
        p.add(new ParameterSpec(W, new long[] {dim, dim}, ParameterSpec.Init.HE_NORMAL, 0));
        p.add(new ParameterSpec(B, new long[] {dim}, ParameterSpec.Init.CONSTANT, 0));
        p.add(new ParameterSpec(V, new long[] {dim}, ParameterSpec.Init.HE_NORMAL, 0));
        for (int h = 1; h < hops; h++) {
            p.add(new ParameterSpec(HOP + h, new long[] {dim, dim}, ParameterSpec.Init.HE_NORMAL, 0));
        }
        return p;
    }

    /**
     * @return the hand-written forward pass and gradient of {@link #score}, with {@link #penalty}'s terms; without a
     *         table of its own it reads the one a served model holds among its parameters ({@link #NEIGHBOURHOOD})
     */
    @Override
    public ScoreKernel kernel() {
        return new CmnKernel(dim, hops, cap, lambda,
                neighbourhood == null ? null : neighbourhood.castTo(DataType.FLOAT).dup('c').data().asFloat());
    }

    /** The parts of one forward graph that the tests inspect: the attention of every hop and the score. */
    record Forward(SDVariable score, List<SDVariable> attention) {
    }

    Forward forward(SameDiff sd, ParameterView params, ScoreInputs in) {
        SDVariable table;
        if (sd.hasVariable(NEIGHBOURHOOD)) {
            table = sd.getVariable(NEIGHBOURHOOD);
        } else if (neighbourhood != null) {
            table = sd.constant(NEIGHBOURHOOD, neighbourhood);
        } else {
            throw new IllegalStateException("CMN scores need the neighbourhood table");
        }
        SDVariable user = sd.gather(params.get(USER_MEMORY), in.users(), 0);               // [b, 2d]
        SDVariable item = sd.gather(params.get(ITEM_MEMORY), in.items(), 0);               // [b, d]
        SDVariable mu = user.get(SDIndex.all(), SDIndex.interval(0, dim));
        SDVariable hood = sd.gather(table, in.items(), 0);                                 // [b, 2·cap]
        if (hood.dataType() != mu.dataType()) {
            hood = hood.castTo(mu.dataType());
        }
        SDVariable ids = hood.get(SDIndex.all(), SDIndex.interval(0, cap));                // [b, cap]
        // The query user is not its own neighbour: sign(id − u)² is 0 exactly there and 1 elsewhere.
        SDVariable self = sd.expandDims(in.users().castTo(mu.dataType()), 1);
        SDVariable valid = hood.get(SDIndex.all(), SDIndex.interval(cap, 2 * cap))
                .mul(sd.math().square(sd.math().sign(ids.sub(self))));
        SDVariable neighbours = sd.gather(params.get(USER_MEMORY), ids.castTo(DataType.INT).reshape(-1), 0)
                .reshape(-1, cap, 2L * dim);                                                // [b, cap, 2d]
        SDVariable mv = neighbours.get(SDIndex.all(), SDIndex.all(), SDIndex.interval(0, dim));
        SDVariable cv = neighbours.get(SDIndex.all(), SDIndex.all(), SDIndex.interval(dim, 2 * dim));

        SDVariable z = mu.add(item);
        SDVariable o = null;
        List<SDVariable> attention = new ArrayList<>();
        for (int h = 1; h <= hops; h++) {
            if (h > 1) {
                z = sd.nn().relu(Affine.of(sd, params.get(HOP + (h - 1)), null).apply(z).add(o), 0);
            }
            SDVariable q = mv.mul(sd.expandDims(z, 1)).sum(2);                             // [b, cap]
            SDVariable p = MaskedSoftmin.weights(sd, q.neg(), valid);                      // softmax of q
            o = MaskedSoftmin.pool(sd, p, cv);                                              // [b, d]
            attention.add(p);
        }
        SDVariable hidden = sd.nn().relu(Affine.of(sd, params.get(U), params.get(B)).apply(mu.mul(item))
                .add(Affine.of(sd, params.get(W), null).apply(o)), 0);
        SDVariable score = hidden.mul(params.get(V)).sum(1);
        return new Forward(score, List.copyOf(attention));
    }

    /** @return {@code vᵀ ReLU(U(m_u ⊙ e_i) + W o^H + b)}, {@code [batch]} */
    @Override
    public SDVariable score(SameDiff sd, ParameterView params, ScoreInputs in) {
        return forward(sd, params, in).score();
    }

    /**
     * λ · (batch mean of the squared user-memory and item-memory rows of user, positive and negative + squared
     * dense weights), A-6.
     */
    @Override
    public SDVariable penalty(SameDiff sd, ParameterView params, TrainingInputs in) {
        SDVariable rows = BatchRows.squaredNorms(sd, params.get(USER_MEMORY), params.get(ITEM_MEMORY), in);
        List<String> dense = new ArrayList<>(List.of(U, W, V));
        for (int h = 1; h < hops; h++) {
            dense.add(HOP + h);
        }
        SDVariable sum = null;
        for (String w : dense) {
            SDVariable x = params.get(w);
            sum = sum == null ? x.mul(x).sum() : sum.add(x.mul(x).sum());
        }
        return rows.mean().add(sum).mul(lambda);
    }
}
