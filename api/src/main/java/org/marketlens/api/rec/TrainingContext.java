package org.marketlens.api.rec;

import java.util.Optional;
import java.util.OptionalDouble;
import org.osgi.annotation.versioning.ProviderType;

/** What the framework hands a model while it trains. */
@ProviderType
public interface TrainingContext {
    /** @return the seed for this (model, split) run; models derive every random stream from it */
    long seed();

    /** @return maximum number of epochs (or ALS iterations) */
    int maxEpochs();

    /** @return epochs without a validation improvement before training stops */
    int patience();

    /**
     * Scores a candidate model on the validation cases.
     *
     * @param candidate the model after an epoch
     * @return the validation metric (higher is better), or empty when the split has no validation cases
     */
    OptionalDouble validate(Recommender candidate);

    /**
     * Items a user is known to have outside the training data, i.e. the positives of the user's validation cases.
     * Samplers that draw items the user "has not observed" exclude them too (MODELS.md A-25d).
     *
     * @param user the user index
     * @return the items, ascending and distinct; empty by default
     * @since 0.2.0
     */
    default int[] validationItems(int user) {
        return new int[0];
    }

    /**
     * Looks up the plugin the experiment configured for a role, e.g. {@code plugin(Loss.class)} or
     * {@code plugin(NegativeSampler.class)}.
     *
     * @param type the plugin interface
     * @param <T>  its type
     * @return the configured plugin, or empty when the experiment did not name one
     */
    <T> Optional<T> plugin(Class<T> type);

    /**
     * Looks up any registered plugin by type and name, e.g. the {@code BPR} loss APR pre-trains with.
     *
     * @param type the plugin interface
     * @param name its {@code marketlens.name}
     * @param <T>  its type
     * @return the plugin, or empty when none of that name is registered
     */
    <T> Optional<T> plugin(Class<T> type, String name);

    /**
     * Reports progress of long work.
     *
     * @param stage what is running, e.g. {@code epoch 3}
     * @param done  units done
     * @param total units in all
     */
    void progress(String stage, long done, long total);

    /** @return true when the user asked to stop; the model then returns its best checkpoint so far */
    boolean cancelled();

    /**
     * Records a fact for the provenance of this run (e.g. {@code bestEpoch}).
     *
     * @param key   fact name
     * @param value fact value
     */
    void record(String key, Object value);
}
