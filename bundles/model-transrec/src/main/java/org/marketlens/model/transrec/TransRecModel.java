package org.marketlens.model.transrec;

import java.util.List;
import org.marketlens.api.nn.ParameterSpec;
import org.marketlens.api.nn.ParameterView;
import org.marketlens.api.nn.ScoreInputs;
import org.marketlens.api.nn.TrainingInputs;
import org.nd4j.autodiff.samediff.SDIndex;
import org.marketlens.framework.nn.BatchRows;
import org.marketlens.framework.nn.kernel.KernelModel;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * TransRec (He et al. 2017; MODELS.md §4.7): {@code score(u, j | k) = β_j − ||t_u + v_k − v_j||₂} with k the user's
 * previous item and the L2 distance (reported better than L1). Item vectors and biases share one table
 * {@code [N, d + 1]} (last column β) so the target index is gathered once per call. The norm is
 * {@code sqrt(x + 1e-12)}, differentiable where the translation lands exactly on the item. The graph is the
 * definition; {@link TransRecKernel} is the same score and gradient by hand, which BPR training and serving take
 * (issue 6).
 */
final class TransRecModel implements KernelModel {
    static final String USERS = "user_translation";
    /** {@code [N, d + 1]}: columns {@code [0, d)} = v_j, column d = β_j. */
    static final String ITEMS = "item_embedding";
    private static final double EPSILON = 1e-12;
    private final int numUsers;
    private final int numItems;
    private final int dim;
    private final double lambda;

    TransRecModel(int numUsers, int numItems, int dim, double lambda) {
        this.numUsers = numUsers;
        this.numItems = numItems;
        this.dim = dim;
        this.lambda = lambda;
    }

    /** One previous item. */
    @Override
    public int contextSize() {
        return 1;
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(ParameterSpec.embedding(USERS, numUsers, dim, 0.01),
                ParameterSpec.embedding(ITEMS, numItems, dim + 1L, 0.01));
    }

    @Override
    public SDVariable score(SameDiff sd, ParameterView params, ScoreInputs in) {
        SDVariable t = sd.gather(params.get(USERS), in.users(), 0);
        SDVariable item = sd.gather(params.get(ITEMS), in.items(), 0);
        SDVariable v = item.get(SDIndex.all(), SDIndex.interval(0, dim));
        SDVariable bias = item.get(SDIndex.all(), SDIndex.point(dim));
        SDVariable previous = sd.gather(params.get(ITEMS), in.context().reshape(-1), 0)
                .get(SDIndex.all(), SDIndex.interval(0, dim));
        SDVariable mask = in.contextMask().dataType() == t.dataType() ? in.contextMask()
                : in.contextMask().castTo(t.dataType());
        // Without a previous item (masked) the translation starts from the origin.
        SDVariable from = t.add(previous.mul(mask));
        SDVariable distance = sd.math().sqrt(sd.math().square(from.sub(v)).sum(1).add(EPSILON));
        return bias.sub(distance);
    }

    @Override
    public SDVariable penalty(SameDiff sd, ParameterView params, TrainingInputs in) {
        return BatchRows.squaredNorms(sd, params.get(USERS), params.get(ITEMS), in).mean().mul(lambda);
    }

    /** @return the score and gradient on float arrays, equal to {@link #score} */
    @Override
    public TransRecKernel kernel() {
        return new TransRecKernel(dim, lambda);
    }
}
