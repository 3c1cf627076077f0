package org.marketlens.model.mfbpr;

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
 * MF-BPR's score {@code score(u, i) = dot(U[u], V[i])} with penalty
 * {@code λ · mean_batch(||U[u]||² + ||V[i+]||² + ||V[i−]||²)} (MODELS.md §4.7; A-6: rows used in the batch).
 * Embeddings start at N(0, 0.01²) (MODELS.md §4.8). The graph is the definition; {@link MfBprKernel} is the same
 * score and gradient by hand, which BPR training and serving take (issue 6).
 */
final class MfBprModel implements KernelModel {
    static final String USERS = "user_embedding";
    static final String ITEMS = "item_embedding";
    private final int numUsers;
    private final int numItems;
    private final int dim;
    private final double lambda;

    MfBprModel(int numUsers, int numItems, int dim, double lambda) {
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

    /** @return {@code [batch]} dot products of the gathered user and item rows */
    @Override
    public SDVariable score(SameDiff sd, ParameterView params, ScoreInputs in) {
        SDVariable u = sd.gather(params.get(USERS), in.users(), 0);
        SDVariable v = sd.gather(params.get(ITEMS), in.items(), 0);
        return u.mul(v).sum(1);
    }

    @Override
    public SDVariable penalty(SameDiff sd, ParameterView params, TrainingInputs in) {
        SDVariable squares = BatchRows.squaredNorms(sd, params.get(USERS), params.get(ITEMS), in);
        return squares.mean().mul(lambda);
    }

    /** @return the score and gradient on float arrays, equal to {@link #score} */
    @Override
    public MfBprKernel kernel() {
        return new MfBprKernel(dim, lambda);
    }
}
