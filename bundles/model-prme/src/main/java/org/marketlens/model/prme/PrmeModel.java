package org.marketlens.model.prme;

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
 * PRME (Feng et al. 2015; MODELS.md §4.7, A-42): {@code d = α ||u − v_j||² + (1 − α) mean_{k valid} ||w_k − w_j||²}
 * with a user–item space (U, V) and a separate item–item space (W), score {@code −d}. With {@code s = 1} the mean is
 * over the previous item (PRME); with {@code s > 1} over the previous s items (PRME_s). Item tables are stored
 * side by side ({@code [N, 2d]}: V then W) so the target index is gathered once per call. The graph is the
 * definition; {@link PrmeKernel} is the same score and gradient by hand, which BPR training and serving take
 * (issue 6).
 */
final class PrmeModel implements KernelModel {
    static final String USERS = "user_embedding";
    /** {@code [N, 2d]}: columns {@code [0, d)} = V (user–item space), {@code [d, 2d)} = W (item–item space). */
    static final String ITEMS = "item_embedding";
    private final int numUsers;
    private final int numItems;
    private final int dim;
    private final int contextSize;
    private final double alpha;
    private final double lambda;

    PrmeModel(int numUsers, int numItems, int dim, int contextSize, double alpha, double lambda) {
        if (contextSize < 1 || alpha < 0 || alpha > 1) {
            throw new IllegalArgumentException("PRME needs contextSize >= 1 and alpha in [0, 1], got " + contextSize
                    + ", " + alpha);
        }
        this.numUsers = numUsers;
        this.numItems = numItems;
        this.dim = dim;
        this.contextSize = contextSize;
        this.alpha = alpha;
        this.lambda = lambda;
    }

    @Override
    public int contextSize() {
        return contextSize;
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(ParameterSpec.embedding(USERS, numUsers, dim, 0.01),
                ParameterSpec.embedding(ITEMS, numItems, 2L * dim, 0.01));
    }

    @Override
    public SDVariable score(SameDiff sd, ParameterView params, ScoreInputs in) {
        SDVariable u = sd.gather(params.get(USERS), in.users(), 0);
        SDVariable item = sd.gather(params.get(ITEMS), in.items(), 0);
        SDVariable v = item.get(SDIndex.all(), SDIndex.interval(0, dim));
        SDVariable w = item.get(SDIndex.all(), SDIndex.interval(dim, 2 * dim));
        SDVariable context = sd.gather(params.get(ITEMS), in.context().reshape(-1), 0)
                .reshape(-1, contextSize, 2L * dim).get(SDIndex.all(), SDIndex.all(), SDIndex.interval(dim, 2 * dim));
        SDVariable userItem = sd.math().square(u.sub(v)).sum(1);
        SDVariable mask = in.contextMask().dataType() == u.dataType() ? in.contextMask()
                : in.contextMask().castTo(u.dataType());
        SDVariable itemItem = sd.math().square(context.sub(sd.expandDims(w, 1))).sum(2);      // [b, s]
        // Mean over valid context items; a row without any contributes 0 (MODELS.md §0.4).
        SDVariable count = overContext(mask, false).add(overContext(mask, true).rsub(1.0));
        SDVariable sequential = overContext(itemItem.mul(mask), false).div(count);
        return userItem.mul(alpha).add(sequential.mul(1 - alpha)).neg();
    }

    /**
     * Sum (or max) over the context axis of a {@code [b, s]} variable. With one context slot (PRME's s = 1) it is a
     * reshape: ND4J 1.0.0-M1.1 throws a NullPointerException reducing over an axis of length 1.
     */
    private SDVariable overContext(SDVariable x, boolean max) {
        if (contextSize == 1) {
            return x.reshape(-1);
        }
        return max ? x.max(1) : x.sum(1);
    }

    @Override
    public SDVariable penalty(SameDiff sd, ParameterView params, TrainingInputs in) {
        return BatchRows.squaredNorms(sd, params.get(USERS), params.get(ITEMS), in).mean().mul(lambda);
    }

    /** @return the score and gradient on float arrays, equal to {@link #score} */
    @Override
    public PrmeKernel kernel() {
        return new PrmeKernel(dim, contextSize, alpha, lambda);
    }
}
