package org.marketlens.api.nn;

import org.nd4j.autodiff.samediff.SDVariable;

/**
 * Index inputs of a score graph. {@code users} and {@code items} have shape {@code [batch]} (INT32). Models whose
 * {@link DifferentiableModel#contextSize()} is {@code s > 0} also get the context of each row: {@code context}
 * {@code [batch, s]} (INT32, item indices, oldest first, padded with any valid index) and {@code contextMask}
 * {@code [batch, s]} (FLOAT, 1 = real item, 0 = padding, MODELS.md §0.4); both are {@code null} otherwise. Models
 * whose {@link DifferentiableModel#usesGroups()} is true get the group (playlist, basket) of each row in
 * {@code groups} {@code [batch]} (INT32, MODELS.md §3.1); it is {@code null} otherwise.
 *
 * @param users       user indices
 * @param items       item indices to score for those users
 * @param context     context item indices, or {@code null}
 * @param contextMask 1 where {@code context} holds a real item, 0 at padding, or {@code null}
 * @param groups      group index of each row, or {@code null}
 */
public record ScoreInputs(SDVariable users, SDVariable items, SDVariable context, SDVariable contextMask,
        SDVariable groups) {
    /** Inputs without context (models whose {@link DifferentiableModel#contextSize()} is 0) and without groups. */
    public ScoreInputs(SDVariable users, SDVariable items) {
        this(users, items, null, null, null);
    }

    /** Inputs without groups (models whose {@link DifferentiableModel#usesGroups()} is false). */
    public ScoreInputs(SDVariable users, SDVariable items, SDVariable context, SDVariable contextMask) {
        this(users, items, context, contextMask, null);
    }
}
