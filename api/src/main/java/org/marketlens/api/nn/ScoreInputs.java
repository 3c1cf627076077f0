package org.marketlens.api.nn;

import org.nd4j.autodiff.samediff.SDVariable;

/**
 * Index inputs of a score graph, each of shape {@code [batch]} (INT32).
 *
 * @param users user indices
 * @param items item indices to score for those users
 */
public record ScoreInputs(SDVariable users, SDVariable items) {
}
