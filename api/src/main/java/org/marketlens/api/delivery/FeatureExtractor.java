package org.marketlens.api.delivery;

import java.util.List;
import java.util.Map;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A feature group (MODELS.md §1.4), registered as a service with {@code marketlens.name} = its group name.
 * Extractors that learn from data (word clusters, lexicon-category t-tests) learn in {@link #fit}, from the
 * training projects only.
 */
@ConsumerType
public interface FeatureExtractor {
    /** @return the group name, equal to {@link Feature#group()} of every column it makes */
    String group();

    /**
     * @param training training projects (with labels, for extractors that select by label)
     * @param timePoint the time point whose features are wanted
     * @param seed     seed for any randomness
     * @return the fitted block; its columns are exactly the columns available at {@code timePoint}
     *         (possibly none)
     */
    FeatureBlock fit(List<Project> training, TimePoint timePoint, long seed);

    /**
     * The extractor to use for one workflow call: groups with per-call settings (the semantic group's
     * {@link DeliveryWorkflow#BACKER_COUNTS}, A-9) return a variant that applies them, every other group itself.
     *
     * @param settings the call's workflow settings; keys a group does not know are ignored
     * @return the extractor for this call
     * @throws IllegalArgumentException when a known key has a value the group does not accept
     * @since 0.3.0
     */
    default FeatureExtractor withSettings(Map<String, String> settings) {
        return this;
    }
}
