package org.marketlens.model.cml;

import java.util.List;
import org.marketlens.api.nn.ParameterSpec;
import org.marketlens.api.nn.ParameterView;
import org.marketlens.api.nn.ScoreInputs;
import org.marketlens.api.nn.TrainingInputs;
import org.marketlens.framework.nn.BatchRows;
import org.marketlens.framework.nn.kernel.KernelModel;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * CML with BPR (Hsieh et al. 2017, as compared in Chapter 5.2; MODELS.md §4.7): {@code score(u, j) = −||u − v_j||²},
 * trained by the experiment's pairwise loss, i.e. {@code −ln σ(||u − v_{j−}||² − ||u − v_{j+}||²)} with BPR.
 * Embeddings N(0, 0.01²) (MODELS.md §4.8); penalty {@code λ} times the batch mean of the squared rows used.
 * The original CML's hinge loss and unit-ball clipping are not part of the dissertation's variant. The graph is the
 * definition; {@link CmlKernel} is the same score and gradient by hand, which BPR training and serving take (issue 6).
 */
final class CmlModel implements KernelModel {
    static final String USERS = "user_embedding";
    static final String ITEMS = "item_embedding";
    private final int numUsers;
    private final int numItems;
    private final int dim;
    private final double lambda;

    CmlModel(int numUsers, int numItems, int dim, double lambda) {
        this.numUsers = numUsers;
        this.numItems = numItems;
        this.dim = dim;
        this.lambda = lambda;
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(ParameterSpec.embedding(USERS, numUsers, dim, 0.01),
                ParameterSpec.embedding(ITEMS, numItems, dim, 0.01));
    }

    /** @return {@code −||U[u] − V[j]||²}, {@code [batch]} */
    @Override
    public SDVariable score(SameDiff sd, ParameterView params, ScoreInputs in) {
        SDVariable diff = sd.gather(params.get(USERS), in.users(), 0).sub(sd.gather(params.get(ITEMS), in.items(), 0));
        return sd.math().square(diff).sum(1).neg();
    }

    @Override
    public SDVariable penalty(SameDiff sd, ParameterView params, TrainingInputs in) {
        return BatchRows.squaredNorms(sd, params.get(USERS), params.get(ITEMS), in).mean().mul(lambda);
    }

    /** @return the score and gradient on float arrays, equal to {@link #score} */
    @Override
    public CmlKernel kernel() {
        return new CmlKernel(dim, lambda);
    }
}
