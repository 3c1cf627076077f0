package org.marketlens.framework.experiment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.marketlens.api.data.Split;
import org.marketlens.api.eval.Evaluator;
import org.marketlens.api.nn.Loss;
import org.marketlens.api.rec.ModelProvider;
import org.marketlens.api.rec.Recommender;
import org.marketlens.api.train.NegativeSampler;
import org.marketlens.framework.train.Seeds;

/**
 * Trains one model of an experiment on one split: every grid point (the cartesian product of the spec's grid) is
 * trained and scored on the validation cases; the best one is kept (MODELS.md: all hyper-parameters "tuned on the
 * development set").
 */
final class ModelRun {
    private final ExperimentSpec spec;
    private final ExperimentSpec.ModelSpec model;
    private final Split split;
    private final Evaluator evaluator;
    private final PluginRegistry plugins;
    private final Progress progress;
    private final int repetition;
    private final Map<String, Object> provenance = new LinkedHashMap<>();

    ModelRun(ExperimentSpec spec, ExperimentSpec.ModelSpec model, Split split, Evaluator evaluator,
            PluginRegistry plugins, Progress progress, int repetition) {
        this.spec = spec;
        this.model = model;
        this.split = split;
        this.evaluator = evaluator;
        this.plugins = plugins;
        this.progress = progress;
        this.repetition = repetition;
    }

    Recommender trainBestOnValidation() {
        ModelProvider provider = plugins.require(ModelProvider.class, model.model());
        if (model.snapshot() != null) {
            return loadSnapshot(provider);
        }
        Map<Class<?>, Object> configured = new LinkedHashMap<>();
        if (model.loss() != null) {
            configured.put(Loss.class, plugins.require(Loss.class, model.loss()).configure(model.lossParams()));
        }
        if (model.sampler() != null) {
            configured.put(NegativeSampler.class, plugins.require(NegativeSampler.class, model.sampler()));
        }
        ExperimentSpec.TrainingSpec training = model.training() == null ? spec.training()
                : model.training().orElse(spec.training());
        long seed = Seeds.derive(spec.seed(), model.label(), repetition);
        Recommender best = null;
        double bestValue = Double.NEGATIVE_INFINITY;
        List<Map<String, Object>> tried = new ArrayList<>();
        for (Map<String, Object> point : gridPoints()) {
            Map<String, Object> params = new LinkedHashMap<>(model.params());
            params.putAll(point);
            RunContext ctx = new RunContext(model.label(), seed, training, evaluator, spec.protocol().params(),
                    split.train(), split.validation(), configured, plugins, progress);
            long start = System.nanoTime();
            Recommender candidate = provider.train(split.train(), params, ctx);
            double seconds = (System.nanoTime() - start) / 1e9;
            double value = Double.NaN;
            if (!split.validation().isEmpty()) {
                var result = evaluator.evaluate(candidate, split.train(), split.validation(), spec.protocol().params());
                value = result.mean(result.primaryMetric());
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("params", params);
            entry.put("validation", value);
            entry.put("trainSeconds", seconds);
            entry.put("training", ctx.recorded());
            tried.add(entry);
            if (best == null || value > bestValue) { // NaN (no validation) keeps the first point
                best = candidate;
                bestValue = value;
                provenance.put("chosen", entry);
            }
        }
        provenance.put("model", model.model());
        provenance.put("origin", plugins.names(ModelProvider.class).get(model.model()));
        provenance.put("loss", model.loss() == null ? null : Map.of("name", model.loss(), "params", model.lossParams()));
        provenance.put("sampler", model.sampler());
        provenance.put("seed", seed);
        provenance.put("epochs", training.epochs());
        provenance.put("patience", training.patience());
        if (tried.size() > 1) {
            provenance.put("grid", tried);
        }
        return best;
    }

    /** Evaluates a model file of an earlier run instead of training (the spec's {@code snapshot}). */
    private Recommender loadSnapshot(ModelProvider provider) {
        Path file = Path.of(model.snapshot()).toAbsolutePath();
        progress.message(model.label() + ": loading " + file);
        Recommender loaded;
        try (InputStream in = Files.newInputStream(file)) {
            loaded = provider.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(model.label() + ": cannot load snapshot " + file + ": " + e.getMessage(), e);
        }
        provenance.put("model", model.model());
        provenance.put("origin", plugins.names(ModelProvider.class).get(model.model()));
        provenance.put("snapshot", file.toString());
        if (!split.validation().isEmpty()) {
            var result = evaluator.evaluate(loaded, split.train(), split.validation(), spec.protocol().params());
            provenance.put("chosen", Map.of("validation", result.mean(result.primaryMetric())));
        }
        return loaded;
    }

    Map<String, Object> provenance() {
        return provenance;
    }

    private List<Map<String, Object>> gridPoints() {
        List<Map<String, Object>> points = new ArrayList<>();
        points.add(new LinkedHashMap<>());
        for (Map.Entry<String, List<Object>> axis : model.grid().entrySet()) {
            List<Map<String, Object>> next = new ArrayList<>();
            for (Map<String, Object> p : points) {
                for (Object value : axis.getValue()) {
                    Map<String, Object> q = new LinkedHashMap<>(p);
                    q.put(axis.getKey(), value);
                    next.add(q);
                }
            }
            points = next;
        }
        return points;
    }
}
