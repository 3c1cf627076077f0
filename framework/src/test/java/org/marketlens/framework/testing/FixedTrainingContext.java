package org.marketlens.framework.testing;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.marketlens.api.rec.Recommender;
import org.marketlens.api.rec.TrainingContext;

/**
 * A {@link TrainingContext} for unit tests and benchmark mains: fixed plugins, an optional validation function, recorded
 * facts, and optionally a progress listener and a cancellation condition (e.g. {@link StepTimer}).
 */
public final class FixedTrainingContext implements TrainingContext {
    /** Receives {@link TrainingContext#progress} calls. */
    @FunctionalInterface
    public interface ProgressListener {
        void progress(String stage, long done, long total);
    }

    private final long seed;
    private final int maxEpochs;
    private final int patience;
    private final Map<Class<?>, Object> configured = new HashMap<>();
    private final Map<String, Object> named = new HashMap<>();
    private Function<Recommender, OptionalDouble> validation = r -> OptionalDouble.empty();
    private ProgressListener listener = (stage, done, total) -> {
    };
    private BooleanSupplier cancellation = () -> false;
    /** Facts the model recorded. */
    public final Map<String, Object> recorded = new LinkedHashMap<>();

    public FixedTrainingContext(long seed, int maxEpochs, int patience) {
        this.seed = seed;
        this.maxEpochs = maxEpochs;
        this.patience = patience;
    }

    /** Configures the plugin for a role and registers it under {@code name}. */
    public <T> FixedTrainingContext with(Class<T> type, String name, T plugin) {
        configured.put(type, plugin);
        named.put(type.getName() + "/" + name, plugin);
        return this;
    }

    /** Registers a plugin by name only (e.g. the loss APR pre-trains with). */
    public <T> FixedTrainingContext register(Class<T> type, String name, T plugin) {
        named.put(type.getName() + "/" + name, plugin);
        return this;
    }

    public FixedTrainingContext validation(Function<Recommender, OptionalDouble> v) {
        this.validation = v;
        return this;
    }

    /** Passes every progress report to {@code l} (replacing an earlier listener). */
    public FixedTrainingContext onProgress(ProgressListener l) {
        this.listener = l;
        return this;
    }

    /** Reports the training as cancelled whenever {@code c} says so (e.g. after a step budget). */
    public FixedTrainingContext cancelWhen(BooleanSupplier c) {
        this.cancellation = c;
        return this;
    }

    @Override
    public long seed() {
        return seed;
    }

    @Override
    public int maxEpochs() {
        return maxEpochs;
    }

    @Override
    public int patience() {
        return patience;
    }

    @Override
    public OptionalDouble validate(Recommender candidate) {
        return validation.apply(candidate);
    }

    @Override
    public <T> Optional<T> plugin(Class<T> type) {
        return Optional.ofNullable(type.cast(configured.get(type)));
    }

    @Override
    public <T> Optional<T> plugin(Class<T> type, String name) {
        return Optional.ofNullable(type.cast(named.get(type.getName() + "/" + name)));
    }

    @Override
    public void progress(String stage, long done, long total) {
        listener.progress(stage, done, total);
    }

    @Override
    public boolean cancelled() {
        return cancellation.getAsBoolean();
    }

    @Override
    public void record(String key, Object value) {
        recorded.put(key, value);
    }
}
