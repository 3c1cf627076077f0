package org.marketlens.framework.nn;

import org.marketlens.api.nn.TrainingInputs;
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
        SDVariable u = sd.gather(userTable, in.users(), 0);
        SDVariable pos = sd.gather(itemTable, in.positives(), 0);
        SDVariable neg = sd.gather(itemTable, in.negatives(), 0);
        return u.mul(u).sum(1).add(pos.mul(pos).sum(1)).add(neg.mul(neg).sum(1));
    }
}
