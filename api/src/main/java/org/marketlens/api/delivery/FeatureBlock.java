package org.marketlens.api.delivery;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/** The columns of one feature group at one time point, ready to extract values. */
@ConsumerType
public interface FeatureBlock {
    /** @return the columns, each with {@link Feature#availableFrom()} at or before the block's time point */
    List<Feature> features();

    /**
     * @param project a project (its label is never read)
     * @return values in the order of {@link #features()}; {@code NaN} = missing. Only data timestamped at or
     *         before the block's time point is read.
     */
    double[] extract(Project project);
}
