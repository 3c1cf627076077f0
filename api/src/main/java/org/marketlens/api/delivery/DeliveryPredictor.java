package org.marketlens.api.delivery;

import java.io.IOException;
import java.io.InputStream;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A learner on feature matrices: the on-time/late classifier (MODELS.md §1.7) or the delivery-duration regressor
 * (§1.8). Registered as a service with {@code marketlens.name} (e.g. {@code xgboost}, {@code elastic-net},
 * {@code majority}, {@code ols}) and {@link #TARGET} = {@code LATE} or {@code DURATION}.
 */
@ConsumerType
public interface DeliveryPredictor {
    /** Service property naming the {@link DeliveryTarget}. */
    String TARGET = "marketlens.delivery.target";

    /** @return what this predictor predicts */
    DeliveryTarget target();

    /**
     * @param x    training features
     * @param y    targets: late = 1 / on time = 0, or duration in days (&gt; 0)
     * @param seed seed for any randomness
     * @return the fitted model
     */
    FittedPredictor fit(FeatureMatrix x, double[] y, long seed);

    /**
     * @param in a snapshot written by {@link FittedPredictor#save}
     * @return the model
     * @throws IOException when the snapshot is not one of this predictor
     */
    FittedPredictor load(InputStream in) throws IOException;
}
