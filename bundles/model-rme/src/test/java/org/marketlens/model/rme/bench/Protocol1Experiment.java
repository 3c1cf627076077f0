package org.marketlens.model.rme.bench;

import java.nio.file.Path;
import org.marketlens.api.data.DatasetLoader;
import org.marketlens.api.eval.Evaluator;
import org.marketlens.api.rec.ModelProvider;
import org.marketlens.api.train.DislikeSampler;
import org.marketlens.data.movielens.MovieLensLoader;
import org.marketlens.eval.holdout.HoldoutEvaluator;
import org.marketlens.framework.experiment.ExperimentSpec;
import org.marketlens.framework.testing.ClassPathExperiment;
import org.marketlens.model.cofactor.CofactorProvider;
import org.marketlens.model.item2vec.Item2VecProvider;
import org.marketlens.model.itemknn.ItemKnnProvider;
import org.marketlens.model.rme.RmeProvider;
import org.marketlens.model.wmf.WmfProvider;
import org.marketlens.sampler.em.EmDislikeSampler;

/**
 * Runs an experiment spec such as {@code config/experiments/ml100k-rme.json} (Table 4.2, protocol 1 through the
 * {@code holdout} evaluator, 5 repetitions, grid search on validation) on the framework's experiment runner with a
 * {@link ClassPathExperiment} registry holding the RME family and its baselines, without the OSGi launcher. Not a unit
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
        new ClassPathExperiment()
                .with(DatasetLoader.class, "movielens", new MovieLensLoader())
                .with(Evaluator.class, "holdout", new HoldoutEvaluator())
                .with(DislikeSampler.class, "em", new EmDislikeSampler())
                .with(ModelProvider.class, "ItemKNN", new ItemKnnProvider())
                .with(ModelProvider.class, "Item2Vec", new Item2VecProvider())
                .with(ModelProvider.class, "WMF", new WmfProvider())
                .with(ModelProvider.class, "Cofactor", new CofactorProvider())
                .with(ModelProvider.class, "RME", new RmeProvider())
                .run(ExperimentSpec.read(specFile), out);
    }

}
