package org.marketlens.model.caser;

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
import org.marketlens.framework.nn.layers.InvertedDropout;
import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * Caser (Tang and Wang 2018), the CNN baseline of MODELS.md §4.7 ("CNN with horizontal and vertical filters over the
 * embedded recent-item image"; Tables 5.3, 5.4). The context window (the {@code L} latest items, {@link #contextSize})
 * is embedded as an {@code L × d} image {@code E} with the input item table {@code Q}, then
 * <pre>
 * horizontal, height h = 1..L, n_h filters F_h ∈ R^{n_h × h·d}:  c_h[t] = ReLU(F_h · vec(E[t..t+h−1]) + b_h),
 *                                                               o_h = max_t c_h[t]            (max-pooling over time)
 * vertical, n_v filters F_v ∈ R^{n_v × L}:                       õ[v] = Σ_l F_v[v, l] E[l] + b_v[v]   (∈ R^d each)
 * z   = ReLU(W_fc [õ; o_1; ...; o_L] + b_fc)                      (dropout on [õ; o] in training only)
 * score(u, j) = W2_jᵀ [z; P_u] + b2_j
 * </pre>
 * with user table {@code P}, item output table {@code W2} and item bias {@code b2} (the original's activations:
 * ReLU for the convolutions and the fully connected layer). Higher score = more relevant; trained by the experiment's
 * pairwise loss (BPR, APR) like every model here, where the original used a cross-entropy on sampled negatives.
 * <p>
 * <b>Convolutions as matrix products.</b> Every horizontal filter of every height is one matrix product of the
 * {@code [b·L, d]} item rows with the stacked per-offset filter blocks {@code [Σ_h h·n_h, d]} followed by shifted
 * slices summed over the offsets, and the vertical filters are one product over the position axis. This keeps the
 * graph at one product for all horizontal filters (SameDiff's cost is per op), keeps the window mask exact, and does
 * not depend on the backward pass of libnd4j's {@code conv2d} in 1.0.0-M1.1, which the project has not checked.
 * <p>
 * <b>Padding</b> (MODELS.md §0.4): the window is filled oldest first from the left, so the valid positions are a
 * prefix {@code 0..n−1}. Padded rows of {@code E} are zeroed (they add nothing to the vertical filters), and a
 * horizontal window {@code [t, t+h−1]} counts only when its last position is valid. Because the convolutions are
 * ReLU-activated ({@code ≥ 0}), multiplying invalid windows by 0 before the max gives exactly the maximum over the
 * valid windows, and 0 for a height taller than the user's history. Scores therefore never depend on what the padded
 * slots hold. Training instances have at least one context item.
 * <p>
 * <b>Dropout</b> (A-8): a rate {@code p > 0} multiplies {@code [õ; o]} by a fresh Bernoulli(1 − p) mask divided by
 * {@code 1 − p} in the training graph only; the recommender serves {@link #withoutDropout()}, so inference is
 * deterministic. The mask is {@code floor(U + 1 − p)} with {@code U} uniform on {@code [0, 1)} of the runtime
 * shape (ND4J's dropout ops have no derivative in 1.0.0-M1.1; these ops have a zero one). Its stream is ND4J's
 * global random generator, so runs with dropout through the graph are not bit-reproducible from the experiment
 * seed; through the kernel they are (its training workers draw from the trainer's seed).
 * <p>
 * <b>Kernel</b> (issue 6): {@link CaserKernel} computes this graph and its gradient on float arrays, equal to it to
 * float precision, so BPR training and serving do not pay SameDiff's cost per op ({@code -Dmarketlens.kernels=false}
 * keeps the graph).
 */
final class CaserModel implements KernelModel {
    static final String USERS = "user_embedding";
    /** Input item table Q {@code [N, d]}: embeds the context image. */
    static final String ITEMS = "item_embedding";
    /** Output item table {@code [N, 2d + 1]}: columns {@code [0, 2d)} = W2, column {@code 2d} = b2. */
    static final String OUTPUT = "item_output";
    /** Horizontal filters of height h: {@code [n_h, h·d]}, name {@code F_h<h>}. */
    static final String HORIZONTAL = "F_h";
    /** Horizontal biases of height h: {@code [n_h]}, name {@code b_h<h>}. */
    static final String HORIZONTAL_BIAS = "b_h";
    static final String VERTICAL = "F_v";
    static final String VERTICAL_BIAS = "b_v";
    static final String FC = "W_fc";
    static final String FC_BIAS = "b_fc";

    private final int numUsers;
    private final int numItems;
    private final int dim;
    private final int length;
    private final int horizontal;
    private final int vertical;
    private final double dropout;
    private final double lambda;

    /**
     * @param length     L, the number of latest items in the image (the context size)
     * @param horizontal n_h, horizontal filters per height
     * @param vertical   n_v, vertical filters
     * @param dropout    dropout rate on the convolution outputs in training, in {@code [0, 1)}
     */
    CaserModel(int numUsers, int numItems, int dim, int length, int horizontal, int vertical, double dropout,
            double lambda) {
        if (dim < 1 || length < 1 || horizontal < 1 || vertical < 1 || dropout < 0 || dropout >= 1) {
            throw new IllegalArgumentException("Caser needs dim, L, n_h, n_v >= 1 and dropout in [0, 1), got " + dim
                    + ", " + length + ", " + horizontal + ", " + vertical + ", " + dropout);
        }
        this.numUsers = numUsers;
        this.numItems = numItems;
        this.dim = dim;
        this.length = length;
        this.horizontal = horizontal;
        this.vertical = vertical;
        this.dropout = dropout;
        this.lambda = lambda;
    }

    /** @return the same model without dropout: the inference graph */
    CaserModel withoutDropout() {
        return new CaserModel(numUsers, numItems, dim, length, horizontal, vertical, 0, lambda);
    }

    @Override
    public int contextSize() {
        return length;
    }

    private int concatWidth() {
        return vertical * dim + length * horizontal;
    }

    @Override
    public List<ParameterSpec> parameters() {
        List<ParameterSpec> p = new ArrayList<>();
        p.add(ParameterSpec.embedding(USERS, numUsers, dim, 0.01));
        p.add(ParameterSpec.embedding(ITEMS, numItems, dim, 0.01));
        p.add(ParameterSpec.embedding(OUTPUT, numItems, 2L * dim + 1, 0.01));
        for (int h = 1; h <= length; h++) {
            // He-normal over the filter's h·d inputs (MODELS.md §4.8 [ASSUMPTION]).
            p.add(new ParameterSpec(HORIZONTAL + h, new long[] {horizontal, (long) h * dim},
                    ParameterSpec.Init.HE_NORMAL, 0));
            // One bias vector per height: a point slice of a [L, n_h] table fails in strided_slice_bp (M1.1).
            p.add(new ParameterSpec(HORIZONTAL_BIAS + h, new long[] {horizontal}, ParameterSpec.Init.CONSTANT, 0));
        }
        p.add(new ParameterSpec(VERTICAL, new long[] {vertical, length}, ParameterSpec.Init.HE_NORMAL, 0));
        p.add(new ParameterSpec(VERTICAL_BIAS, new long[] {vertical}, ParameterSpec.Init.CONSTANT, 0));
        p.add(new ParameterSpec(FC, new long[] {dim, concatWidth()}, ParameterSpec.Init.HE_NORMAL, 0));
        p.add(new ParameterSpec(FC_BIAS, new long[] {dim}, ParameterSpec.Init.CONSTANT, 0));
        return p;
    }

    /** The parts of one forward graph that the tests inspect. */
    record Forward(SDVariable score, SDVariable verticalOut, SDVariable horizontalOut, SDVariable z) {
    }

    /** Builds the graph once per call: each index input is gathered once (ND4J 1.0.0-M1.1 gather naming). */
    Forward forward(SameDiff sd, ParameterView params, ScoreInputs in) {
        if (in.context() == null || in.contextMask() == null) {
            throw new IllegalArgumentException("Caser scores need the context items and their mask");
        }
        SDVariable user = sd.gather(params.get(USERS), in.users(), 0);                      // [b, d]
        SDVariable output = sd.gather(params.get(OUTPUT), in.items(), 0);                   // [b, 2d + 1]
        SDVariable rows = sd.gather(params.get(ITEMS), in.context().reshape(-1), 0);       // [b·L, d]
        SDVariable mask = in.contextMask().dataType() == user.dataType() ? in.contextMask()
                : in.contextMask().castTo(user.dataType());                                 // [b, L]
        SDVariable image = rows.reshape(-1, length, dim).mul(sd.expandDims(mask, 2));     // [b, L, d], padding = 0

        // Vertical filters: õ[v] = Σ_l F_v[v, l] E[l] + b_v[v], as one product over the position axis.
        SDVariable byColumn = sd.permute(image, 0, 2, 1).reshape(-1, length);               // [b·d, L]
        SDVariable verticalOut = Affine.of(sd, params.get(VERTICAL), params.get(VERTICAL_BIAS)).apply(byColumn)
                .reshape(-1, dim * vertical);                                                // [b, d·n_v]

        // Horizontal filters: the block of offset o of every filter of height h, stacked as rows of one matrix.
        List<SDVariable> blocks = new ArrayList<>();
        for (int h = 1; h <= length; h++) {
            // F_h [n_h, h·d] -> [h, n_h, d] -> [h·n_h, d]: row (o, f) = the part of filter f that sees offset o.
            blocks.add(sd.permute(params.get(HORIZONTAL + h).reshape(horizontal, h, dim), 1, 0, 2)
                    .reshape((long) h * horizontal, dim));
        }
        SDVariable stacked = blocks.size() == 1 ? blocks.get(0) : sd.concat(0, blocks.toArray(new SDVariable[0]));
        int width = horizontal * length * (length + 1) / 2;
        SDVariable responses = sd.mmul(image.reshape(-1, dim), stacked, false, true, false)
                .reshape(-1, length, width);                                                 // [b, L, Σ h·n_h]
        List<SDVariable> pooled = new ArrayList<>();
        int column = 0;
        for (int h = 1; h <= length; h++) {
            int windows = length - h + 1;
            SDVariable conv = null;
            for (int o = 0; o < h; o++) {
                SDVariable part = responses.get(SDIndex.all(), SDIndex.interval(o, o + windows),
                        SDIndex.interval(column, column + horizontal));                     // [b, windows, n_h]
                conv = conv == null ? part : conv.add(part);
                column += horizontal;
            }
            SDVariable activated = sd.nn().relu(conv.add(params.get(HORIZONTAL_BIAS + h)), 0);
            // Window t is valid iff its last position t + h − 1 is (valid positions are a prefix).
            SDVariable windowMask = mask.get(SDIndex.all(), SDIndex.interval(h - 1, length));  // [b, windows]
            pooled.add(activated.mul(sd.expandDims(windowMask, 2)).max(1));                 // [b, n_h]
        }
        SDVariable horizontalOut = pooled.size() == 1 ? pooled.get(0)
                : sd.concat(1, pooled.toArray(new SDVariable[0]));                          // [b, L·n_h]

        SDVariable features = sd.concat(1, verticalOut, horizontalOut);
        features = InvertedDropout.apply(sd, features, dropout);
        SDVariable z = sd.nn().relu(Affine.of(sd, params.get(FC), params.get(FC_BIAS)).apply(features), 0); // [b, d]
        SDVariable x = sd.concat(1, z, user);                                                // [b, 2d]
        SDVariable w2 = output.get(SDIndex.all(), SDIndex.interval(0, 2 * dim));
        SDVariable b2 = output.get(SDIndex.all(), SDIndex.interval(2 * dim, 2 * dim + 1)).reshape(-1);
        SDVariable score = x.mul(w2).sum(1).add(b2);
        return new Forward(score, verticalOut, horizontalOut, z);
    }

    /**
     * @return the hand-written forward pass and gradient of {@link #forward} ({@link CaserKernel}, issue 6), which
     *         BPR training and serving take instead of the graph; with this model's dropout rate in training
     */
    @Override
    public ScoreKernel kernel() {
        return new CaserKernel(dim, length, horizontal, vertical, dropout, lambda);
    }

    /** @return {@code W2_jᵀ [z; P_u] + b2_j}, {@code [batch]} */
    @Override
    public SDVariable score(SameDiff sd, ParameterView params, ScoreInputs in) {
        return forward(sd, params, in).score();
    }

    /**
     * λ · (batch mean of the squared user and output-item rows of user, positive and negative + squared dense
     * weights), A-6.
     */
    @Override
    public SDVariable penalty(SameDiff sd, ParameterView params, TrainingInputs in) {
        SDVariable rows = BatchRows.squaredNorms(sd, params.get(USERS), params.get(OUTPUT), in);
        SDVariable dense = null;
        List<String> weights = new ArrayList<>(List.of(VERTICAL, FC));
        for (int h = 1; h <= length; h++) {
            weights.add(HORIZONTAL + h);
        }
        for (String w : weights) {
            SDVariable x = params.get(w);
            dense = dense == null ? x.mul(x).sum() : dense.add(x.mul(x).sum());
        }
        return rows.mean().add(dense).mul(lambda);
    }
}
