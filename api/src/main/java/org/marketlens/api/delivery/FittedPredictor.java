package org.marketlens.api.delivery;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/** A trained {@link DeliveryPredictor}. */
@ConsumerType
public interface FittedPredictor {
    /** @return the names of the columns the model was trained on, in order */
    List<String> featureNames();

    /**
     * @param x features with (at least) the columns of {@link #featureNames()}
     * @return one prediction per row: probability of late, or duration in days
     */
    double[] predict(FeatureMatrix x);

    /**
     * @param out where to write a snapshot that {@link DeliveryPredictor#load} reads back
     * @throws IOException on write failure
     */
    void save(OutputStream out) throws IOException;
}
