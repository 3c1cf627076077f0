package org.marketlens.api.delivery;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A feature-selection step (MODELS.md §1.6, §1.8: VIF, Boruta, stepAIC), registered with {@code marketlens.name}.
 */
@ConsumerType
public interface FeatureSelector {
    /**
     * @param x    training features
     * @param y    training targets (late = 1 / on time = 0, or a transformed duration)
     * @param seed seed for any randomness
     * @return the kept columns and per-column scores
     */
    Selection select(FeatureMatrix x, double[] y, long seed);
}
