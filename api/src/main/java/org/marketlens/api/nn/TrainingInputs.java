package org.marketlens.api.nn;

import org.nd4j.autodiff.samediff.SDVariable;

/**
 * Index inputs of one training batch of (user, positive, negative) triples, each of shape {@code [batch]}.
 *
 * @param users     user indices
 * @param positives positive item indices
 * @param negatives sampled negative item indices
 */
public record TrainingInputs(SDVariable users, SDVariable positives, SDVariable negatives) {
    /** @return the inputs that score the positives */
    public ScoreInputs positive() {
        return new ScoreInputs(users, positives);
    }

    /** @return the inputs that score the negatives */
    public ScoreInputs negative() {
        return new ScoreInputs(users, negatives);
    }
}
