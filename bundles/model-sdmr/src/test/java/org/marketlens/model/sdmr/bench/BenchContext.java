package org.marketlens.model.sdmr.bench;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;
import org.marketlens.api.rec.Recommender;
import org.marketlens.api.rec.TrainingContext;

/** The benchmark's training context: fixed plugins, validation NDCG@10 per epoch printed with its time. */
final class BenchContext implements TrainingContext {
    private final long seed;
    private final int maxEpochs;
    private final int patience;
    private final Map<String, Object> plugins = new HashMap<>();
    private final Function<Recommender, Double> validation;
    final Map<String, Object> recorded = new LinkedHashMap<>();
    private final String label;
    private long epochStart = System.nanoTime();
    private int epoch;
    private double best = Double.NEGATIVE_INFINITY;
    private java.util.function.BiConsumer<Integer, Recommender> onImprovement = (e, r) -> { };

    BenchContext(String label, long seed, int maxEpochs, int patience, Function<Recommender, Double> validation) {
        this.label = label;
        this.seed = seed;
        this.maxEpochs = maxEpochs;
        this.patience = patience;
        this.validation = validation;
    }

    /** Runs on every epoch whose validation improves, e.g. to print test metrics and save a snapshot. */
    BenchContext onImprovement(java.util.function.BiConsumer<Integer, Recommender> action) {
        this.onImprovement = action;
        return this;
    }

    <T> BenchContext with(Class<T> type, String name, T plugin) {
        plugins.put(type.getName(), plugin);
        plugins.put(type.getName() + "/" + name, plugin);
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
        long t0 = System.nanoTime();
        double v = validation.apply(candidate);
        epoch++;
        System.out.printf("%s epoch %d: train+validate %.1f s (validation %.1f s), validation NDCG@10 %.4f%n", label,
                epoch, (System.nanoTime() - epochStart) / 1e9, (System.nanoTime() - t0) / 1e9, v);
        if (v > best) {
            best = v;
            onImprovement.accept(epoch, candidate);
        }
        epochStart = System.nanoTime();
        return OptionalDouble.of(v);
    }

    @Override
    public <T> Optional<T> plugin(Class<T> type) {
        return Optional.ofNullable(type.cast(plugins.get(type.getName())));
    }

    @Override
    public <T> Optional<T> plugin(Class<T> type, String name) {
        return Optional.ofNullable(type.cast(plugins.get(type.getName() + "/" + name)));
    }

    @Override
    public void progress(String stage, long done, long total) {
    }

    @Override
    public boolean cancelled() {
        return false;
    }

    @Override
    public void record(String key, Object value) {
        recorded.put(key, value);
    }
}
