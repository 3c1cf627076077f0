package org.marketlens.api.nn;

import org.nd4j.autodiff.samediff.SDVariable;

/**
 * Index inputs of one training batch of (user, positive, negative) triples, each of shape {@code [batch]}, and, for
 * models with {@link DifferentiableModel#contextSize()} {@code s > 0}, the triple's context {@code [batch, s]} with
 * its padding mask (MODELS.md §0.4, §4.1: a negative keeps its positive's context); {@code null} otherwise. Models
 * whose {@link DifferentiableModel#usesGroups()} is true get the group of each triple's interaction in
 * {@code groups} {@code [batch]} (a negative shares its positive's group, MODELS.md §3.7); {@code null} otherwise.
 *
 * @param users       user indices
 * @param positives   positive item indices
 * @param negatives   sampled negative item indices
 * @param context     context item indices {@code [batch, s]}, or {@code null}
 * @param contextMask 1 at real context items, 0 at padding {@code [batch, s]}, or {@code null}
 * @param groups      group indices {@code [batch]}, or {@code null}
 */
public record TrainingInputs(SDVariable users, SDVariable positives, SDVariable negatives, SDVariable context,
        SDVariable contextMask, SDVariable groups) {
    /** Inputs without context and groups. */
    public TrainingInputs(SDVariable users, SDVariable positives, SDVariable negatives) {
        this(users, positives, negatives, null, null, null);
    }

    /** Inputs without groups. */
    public TrainingInputs(SDVariable users, SDVariable positives, SDVariable negatives, SDVariable context,
            SDVariable contextMask) {
        this(users, positives, negatives, context, contextMask, null);
    }

    /** @return the inputs that score the positives */
    public ScoreInputs positive() {
        return new ScoreInputs(users, positives, context, contextMask, groups);
    }

    /** @return the inputs that score the negatives */
    public ScoreInputs negative() {
        return new ScoreInputs(users, negatives, context, contextMask, groups);
    }
}
