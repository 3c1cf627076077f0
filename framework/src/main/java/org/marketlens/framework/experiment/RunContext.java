package org.marketlens.framework.experiment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.IntStream;
import org.marketlens.api.data.EvalCase;
import org.marketlens.api.data.InteractionData;
import org.marketlens.api.eval.Evaluator;
import org.marketlens.api.rec.Recommender;
import org.marketlens.api.rec.TrainingContext;

/** The {@link TrainingContext} of one (model, grid point, repetition) run of an experiment. */
final class RunContext implements TrainingContext {
    private final String label;
    private final long seed;
    private final ExperimentSpec.TrainingSpec training;
    private final Evaluator evaluator;
    private final Map<String, Object> protocolParams;
    private final InteractionData train;
    private final List<EvalCase> validation;
    private final Map<Class<?>, Object> configured;
    private final PluginRegistry plugins;
    private final Progress progress;
    private final Map<String, Object> recorded = new LinkedHashMap<>();
    /** Per user, the sorted positives of its validation cases; built on first use. */
    private int[][] validationItems;

    RunContext(String label, long seed, ExperimentSpec.TrainingSpec training, Evaluator evaluator,
            Map<String, Object> protocolParams, InteractionData train, List<EvalCase> validation,
            Map<Class<?>, Object> configured, PluginRegistry plugins, Progress progress) {
        this.label = label;
        this.seed = seed;
        this.training = training;
        this.evaluator = evaluator;
        this.protocolParams = protocolParams;
        this.train = train;
        this.validation = validation;
        this.configured = configured;
        this.plugins = plugins;
        this.progress = progress;
    }

    @Override
    public long seed() {
        return seed;
    }

    @Override
    public int maxEpochs() {
        return training.epochs();
    }

    @Override
    public int patience() {
        return training.patience();
    }

    @Override
    public OptionalDouble validate(Recommender candidate) {
        if (validation.isEmpty()) {
            return OptionalDouble.empty();
        }
        var result = evaluator.evaluate(candidate, train, validation, protocolParams);
        double value = result.mean(result.primaryMetric());
        progress.message(label + ": validation " + result.primaryMetric() + " = " + String.format("%.4f", value));
        return OptionalDouble.of(value);
    }

    @Override
    public synchronized int[] validationItems(int user) {
        if (validationItems == null) {
            validationItems = new int[train.numUsers()][];
            for (EvalCase c : validation) {
                int[] before = validationItems[c.user()] == null ? new int[0] : validationItems[c.user()];
                validationItems[c.user()] = IntStream.concat(IntStream.of(before), IntStream.of(c.positives()))
                        .sorted().distinct().toArray();
            }
        }
        int[] items = user < validationItems.length ? validationItems[user] : null;
        return items == null ? new int[0] : items.clone();
    }

    @Override
    public <T> Optional<T> plugin(Class<T> type) {
        return Optional.ofNullable(type.cast(configured.get(type)));
    }

    @Override
    public <T> Optional<T> plugin(Class<T> type, String name) {
        return plugins.find(type, name);
    }

    @Override
    public void progress(String stage, long done, long total) {
        progress.update(label + " " + stage, done, total);
    }

    @Override
    public boolean cancelled() {
        return Thread.currentThread().isInterrupted();
    }

    @Override
    public void record(String key, Object value) {
        recorded.put(key, value);
    }

    Map<String, Object> recorded() {
        return recorded;
    }
}
