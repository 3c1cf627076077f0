package org.marketlens.api.delivery;

import java.util.List;
import java.util.Map;

/**
 * Result of a {@link FeatureSelector}.
 *
 * @param kept   names of the kept columns, in input order
 * @param scores a score per examined column (VIF value, Boruta z-score, AIC change), for reports
 */
public record Selection(List<String> kept, Map<String, Double> scores) {
    /** Copies the collections. */
    public Selection {
        kept = List.copyOf(kept);
        scores = Map.copyOf(scores);
    }
}
