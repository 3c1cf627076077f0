package org.marketlens.model.rme.bench;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.marketlens.api.data.DatasetLoader;
import org.marketlens.api.eval.Evaluator;
import org.marketlens.api.rec.ModelProvider;
import org.marketlens.api.train.DislikeSampler;
import org.marketlens.data.movielens.MovieLensLoader;
import org.marketlens.eval.holdout.HoldoutEvaluator;
import org.marketlens.framework.experiment.ExperimentReport;
import org.marketlens.framework.experiment.ExperimentRunner;
import org.marketlens.framework.experiment.ExperimentSpec;
import org.marketlens.framework.experiment.PluginRegistry;
import org.marketlens.framework.experiment.Progress;
import org.marketlens.model.cofactor.CofactorProvider;
import org.marketlens.model.item2vec.Item2VecProvider;
import org.marketlens.model.itemknn.ItemKnnProvider;
import org.marketlens.model.rme.RmeProvider;
import org.marketlens.model.wmf.WmfProvider;
import org.marketlens.sampler.em.EmDislikeSampler;

/**
 * Runs an experiment spec such as {@code config/experiments/ml100k-rme.json} (Table 4.2, protocol 1 through the
 * {@code holdout} evaluator, 5 repetitions, grid search on validation) on the framework's experiment runner with a
 * map-backed {@link PluginRegistry} holding the RME family and its baselines, without the OSGi launcher. Not a unit
 * test. Run from the repository root:
 * {@code java -cp <model-rme test classpath> org.marketlens.model.rme.bench.Protocol1Experiment
 * config/experiments/ml100k-rme.json reports/ml100k-rme}.
 */
public final class Protocol1Experiment {
    private Protocol1Experiment() {
    }

    public static void main(String[] args) throws Exception {
        Path specFile = Path.of(args.length > 0 ? args[0] : "config/experiments/ml100k-rme.json");
        Path out = Path.of(args.length > 1 ? args[1] : "reports/ml100k-rme");
        Map<String, Object> plugins = new LinkedHashMap<>();
        put(plugins, DatasetLoader.class, "movielens", new MovieLensLoader());
        put(plugins, Evaluator.class, "holdout", new HoldoutEvaluator());
        put(plugins, DislikeSampler.class, "em", new EmDislikeSampler());
        put(plugins, ModelProvider.class, "ItemKNN", new ItemKnnProvider());
        put(plugins, ModelProvider.class, "Item2Vec", new Item2VecProvider());
        put(plugins, ModelProvider.class, "WMF", new WmfProvider());
        put(plugins, ModelProvider.class, "Cofactor", new CofactorProvider());
        put(plugins, ModelProvider.class, "RME", new RmeProvider());
        PluginRegistry registry = new PluginRegistry() {
            @Override
            public <T> Optional<T> find(Class<T> type, String name) {
                return Optional.ofNullable(type.cast(plugins.get(type.getName() + "/" + name)));
            }

            @Override
            public SortedMap<String, String> names(Class<?> type) {
                SortedMap<String, String> names = new TreeMap<>();
                plugins.forEach((key, plugin) -> {
                    if (key.startsWith(type.getName() + "/")) {
                        names.put(key.substring(type.getName().length() + 1), plugin.getClass().getName() + " (class path)");
                    }
                });
                return names;
            }
        };
        Progress progress = new Progress() {
            @Override
            public void update(String task, long done, long total) {
            }

            @Override
            public void message(String line) {
                System.out.println(java.time.LocalTime.now().withNano(0) + " " + line);
            }
        };
        long start = System.nanoTime();
        ExperimentReport report = new ExperimentRunner(registry, progress).run(ExperimentSpec.read(specFile), out);
        System.out.println(report.markdown());
        System.out.printf("wall time %.0f s; files %s%n", (System.nanoTime() - start) / 1e9, report.files());
    }

    private static <T> void put(Map<String, Object> plugins, Class<T> type, String name, T plugin) {
        plugins.put(type.getName() + "/" + name, plugin);
    }
}
