package org.marketlens.framework.nn;

import java.util.Optional;
import java.util.OptionalDouble;
import org.marketlens.api.rec.Recommender;
import org.marketlens.api.rec.TrainingContext;

/**
 * The context a pre-trained part of a composed model trains in (GMF and MLP of NeuMF++, MODELS.md §4.7): the outer
 * context's loss, sampler and validation, its own seed derived from the part's name, recorded facts and progress
 * prefixed by the part, and optionally fewer epochs than the outer run.
 *
 * @since 0.2.0
 */
public final class PartTrainingContext implements TrainingContext {
    private final String part;
    private final TrainingContext outer;
    private final int maxEpochs;

    /**
     * @param part      the part's name, e.g. {@code GMF}
     * @param outer     the composed model's context
     * @param maxEpochs epoch cap of the part; 0 keeps the outer cap
     */
    public PartTrainingContext(String part, TrainingContext outer, int maxEpochs) {
        if (maxEpochs < 0) {
            throw new IllegalArgumentException("epoch cap of " + part + " must be >= 0, got " + maxEpochs);
        }
        this.part = part;
        this.outer = outer;
        this.maxEpochs = maxEpochs == 0 ? outer.maxEpochs() : Math.min(maxEpochs, outer.maxEpochs());
    }

    @Override
    public long seed() {
        return outer.seed() * 31 + part.hashCode();
    }

    @Override
    public int maxEpochs() {
        return maxEpochs;
    }

    @Override
    public int patience() {
        return outer.patience();
    }

    @Override
    public OptionalDouble validate(Recommender candidate) {
        return outer.validate(candidate);
    }

    @Override
    public int[] validationItems(int user) {
        return outer.validationItems(user);
    }

    @Override
    public <T> Optional<T> plugin(Class<T> type) {
        return outer.plugin(type);
    }

    @Override
    public <T> Optional<T> plugin(Class<T> type, String name) {
        return outer.plugin(type, name);
    }

    @Override
    public void progress(String stage, long done, long total) {
        outer.progress(part + " " + stage, done, total);
    }

    @Override
    public boolean cancelled() {
        return outer.cancelled();
    }

    @Override
    public void record(String key, Object value) {
        outer.record(part + "." + key, value);
    }
}
