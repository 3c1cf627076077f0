package org.marketlens.model.neumf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.marketlens.api.nn.ParameterSpec;
import org.marketlens.api.nn.ParameterView;
import org.marketlens.api.nn.ScoreInputs;
import org.marketlens.api.nn.TrainingInputs;
import org.marketlens.framework.nn.BatchRows;
import org.marketlens.framework.nn.kernel.KernelModel;
import org.marketlens.framework.nn.kernel.ScoreKernel;
import org.marketlens.framework.nn.layers.Affine;
import org.marketlens.framework.nn.layers.HalvingTower;
import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * NeuMF and its two towers (He et al., WWW 2017, Eq. 9–12; MODELS.md §4.7 "NeuMF++", layers ∈ {1, 2, 3}):
 * <ul>
 * <li>GMF: {@code φ_G = p_G ⊙ q_G}, {@code score = h_Gᵀ φ_G};</li>
 * <li>MLP: {@code z_0 = [p_M; q_M]}, {@code z_l = ReLU(W_l z_{l−1} + b_l)}, {@code score = h_Mᵀ z_L};</li>
 * <li>NeuMF: {@code score = hᵀ [φ_G; z_L]} with separate GMF and MLP embeddings.</li>
 * </ul>
 * The score is the output layer's logit: the paper's sigmoid is monotone and the pairwise loss (BPR, APR) applies
 * its own sigmoid to score differences, so it is left out, as is the output bias, which cancels in them. Tower widths:
 * {@code d} for the first layer, then halving (the paper's tower pattern; widths are not reported, as for SDP,
 * MODELS.md §4.2 [ASSUMPTION]). Embeddings start at N(0, 0.01²), dense weights and {@code h} He-normal, biases 0
 * (MODELS.md §4.8). Penalty: λ times the batch mean of the squared norms of the rows used plus the squared norms of
 * the dense weights.
 *
 * <p>In NeuMF the GMF and MLP embeddings of a user (item) are the two column halves of one table row
 * ({@code [p_G | p_M]}), so each index input is gathered once per model call (ND4J M1.1 fails on two gathers of one
 * index placeholder) and the A-6 row penalty covers both towers.
 * <p>
 * The graph is the definition; {@link NeuMfKernel} is the same score and gradient by hand, which BPR training (all
 * three parts, so NeuMF++'s pre-training too) and serving take (issue 6).
 */
final class NeuMfModel implements KernelModel {
    /** Which network the model is. */
    enum Part {
        /** the generalised matrix factorisation tower alone */
        GMF,
        /** the multi-layer perceptron tower alone */
        MLP,
        /** both towers fused by one output layer */
        NEUMF
    }

    static final String USERS = "user_embedding";
    static final String ITEMS = "item_embedding";
    static final String OUTPUT = "h";
    private final int numUsers;
    private final int numItems;
    private final int dim;
    private final int layers;
    private final double lambda;
    private final Part part;
    /** {@code widths[0] = 2d} (the MLP input), {@code widths[l]} the width of MLP layer l. */
    private final int[] widths;

    NeuMfModel(int numUsers, int numItems, int dim, int layers, double lambda, Part part) {
        this.numUsers = numUsers;
        this.numItems = numItems;
        this.dim = dim;
        this.layers = layers;
        this.lambda = lambda;
        this.part = part;
        this.widths = HalvingTower.widths("NeuMF", dim, layers);
    }

    static String weight(int layer) {
        return "W" + layer;
    }

    static String bias(int layer) {
        return "b" + layer;
    }

    Part part() {
        return part;
    }

    int layers() {
        return layers;
    }

    /** @return columns of an embedding row: d for one tower, 2d for NeuMF ({@code [GMF | MLP]}) */
    private int embeddingWidth() {
        return part == Part.NEUMF ? 2 * dim : dim;
    }

    /** @return length of {@code h}: d (GMF), the last tower width (MLP) or both (NeuMF) */
    private int outputWidth() {
        return switch (part) {
            case GMF -> dim;
            case MLP -> widths[layers];
            case NEUMF -> dim + widths[layers];
        };
    }

    private boolean hasTower() {
        return part != Part.GMF;
    }

    @Override
    public List<ParameterSpec> parameters() {
        List<ParameterSpec> p = new ArrayList<>();
        p.add(ParameterSpec.embedding(USERS, numUsers, embeddingWidth(), 0.01));
        p.add(ParameterSpec.embedding(ITEMS, numItems, embeddingWidth(), 0.01));
        if (hasTower()) {
            for (int l = 1; l <= layers; l++) {
                p.add(new ParameterSpec(weight(l), new long[] {widths[l], widths[l - 1]}, ParameterSpec.Init.HE_NORMAL,
                        0));
                p.add(new ParameterSpec(bias(l), new long[] {widths[l]}, ParameterSpec.Init.CONSTANT, 0));
            }
        }
        p.add(new ParameterSpec(OUTPUT, new long[] {outputWidth()}, ParameterSpec.Init.HE_NORMAL, 0));
        return p;
    }

    /** @return {@code hᵀ φ}, {@code [batch]}: the fused logit of NeuMF (He et al. Eq. 12) or a tower's own */
    @Override
    public SDVariable score(SameDiff sd, ParameterView params, ScoreInputs in) {
        SDVariable u = sd.gather(params.get(USERS), in.users(), 0);
        SDVariable v = sd.gather(params.get(ITEMS), in.items(), 0);
        SDVariable features = switch (part) {
            case GMF -> u.mul(v);
            case MLP -> tower(sd, params, sd.concat(1, u, v));
            case NEUMF -> sd.concat(1, columns(u, 0).mul(columns(v, 0)),
                    tower(sd, params, sd.concat(1, columns(u, dim), columns(v, dim))));
        };
        return features.mul(params.get(OUTPUT)).sum(1);
    }

    /** @return columns {@code [from, from + d)} of {@code [batch, 2d]} rows */
    private SDVariable columns(SDVariable rows, int from) {
        return rows.get(SDIndex.all(), SDIndex.interval(from, from + dim));
    }

    /** @return {@code z_L} of the ReLU tower on {@code z_0}, {@code [batch, widths[L]]} (He et al. Eq. 10) */
    private SDVariable tower(SameDiff sd, ParameterView params, SDVariable z) {
        for (int l = 1; l <= layers; l++) {
            z = sd.nn().relu(Affine.of(sd, params.get(weight(l)), params.get(bias(l))).apply(z), 0);
        }
        return z;
    }

    @Override
    public SDVariable penalty(SameDiff sd, ParameterView params, TrainingInputs in) {
        SDVariable rows = BatchRows.squaredNorms(sd, params.get(USERS), params.get(ITEMS), in).mean();
        SDVariable h = params.get(OUTPUT);
        SDVariable dense = h.mul(h).sum();
        if (hasTower()) {
            for (int l = 1; l <= layers; l++) {
                SDVariable w = params.get(weight(l));
                dense = dense.add(w.mul(w).sum());
            }
        }
        return rows.add(dense).mul(lambda);
    }

    /** @return the hand-written forward pass and gradient of {@link #score}, with {@link #penalty}'s terms */
    @Override
    public ScoreKernel kernel() {
        return new NeuMfKernel(dim, widths, part, lambda);
    }

    /**
     * NeuMF++'s starting point from its pre-trained towers (He et al. §3.4.1): each half of the embedding tables,
     * the MLP layers, and {@code h = [α h_G ; (1 − α) h_M]}.
     *
     * @param gmf   trained GMF parameters of the same d
     * @param mlp   trained MLP parameters of the same d and layers
     * @param alpha the trade-off α between the two pre-trained output layers (0.5 in the paper)
     * @return a value for every parameter of the NeuMF model
     */
    Map<String, INDArray> fuse(Map<String, INDArray> gmf, Map<String, INDArray> mlp, double alpha) {
        if (part != Part.NEUMF) {
            throw new IllegalStateException("only NeuMF starts from pre-trained towers, this is " + part);
        }
        Map<String, INDArray> out = new LinkedHashMap<>();
        out.put(USERS, Nd4j.hstack(gmf.get(USERS), mlp.get(USERS)));
        out.put(ITEMS, Nd4j.hstack(gmf.get(ITEMS), mlp.get(ITEMS)));
        for (int l = 1; l <= layers; l++) {
            out.put(weight(l), mlp.get(weight(l)).dup());
            out.put(bias(l), mlp.get(bias(l)).dup());
        }
        out.put(OUTPUT, Nd4j.concat(0, gmf.get(OUTPUT).mul(alpha), mlp.get(OUTPUT).mul(1 - alpha)));
        return out;
    }
}
