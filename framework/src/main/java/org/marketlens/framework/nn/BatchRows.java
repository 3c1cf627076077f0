package org.marketlens.framework.nn;

import org.marketlens.api.nn.TrainingInputs;
import org.marketlens.framework.nn.layers.RowLookup;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/** The regularisation term models share: squared L2 of the embedding rows a batch uses (MODELS.md A-6). */
public final class BatchRows {
    private BatchRows() {
    }

    /**
     * @param userTable user embedding table {@code [numUsers, d]}
     * @param itemTable item embedding table {@code [numItems, d]}
     * @param in        the batch
     * @return per triple {@code ||U[u]||² + ||V[i+]||² + ||V[i−]||²}, shape {@code [batch]}
     */
    public static SDVariable squaredNorms(SameDiff sd, SDVariable userTable, SDVariable itemTable, TrainingInputs in) {
        SDVariable u = RowLookup.rows(sd, userTable, in.users());
        SDVariable pos = RowLookup.rows(sd, itemTable, in.positives());
        SDVariable neg = RowLookup.rows(sd, itemTable, in.negatives());
        // squared_norm and its one-op gradient instead of multiply + reduce_sum (two ops each way): SameDiff's cost
        // per op dominates a step (issue 6).
        return sd.squaredNorm(u, false, 1).add(sd.squaredNorm(pos, false, 1)).add(sd.squaredNorm(neg, false, 1));
    }
}
