package org.marketlens.delivery.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.marketlens.api.delivery.FeatureExtractor;
import org.marketlens.api.delivery.FeatureSelector;
import org.marketlens.api.delivery.Project;
import org.marketlens.delivery.baselines.KimFeatures;
import org.marketlens.delivery.baselines.MajorityClass;
import org.marketlens.delivery.baselines.OlsDuration;
import org.marketlens.delivery.data.SyntheticProjectSource;
import org.marketlens.delivery.features.BackerFeatures;
import org.marketlens.delivery.features.CreatorFeatures;
import org.marketlens.delivery.features.ProjectFeatures;
import org.marketlens.delivery.elasticnet.ElasticNetRegressor;
import org.marketlens.delivery.features.TemporalFeatures;
import org.marketlens.delivery.linguistic.LinguisticFeatures;
import org.marketlens.delivery.semantic.SemanticRewardClusters;
import org.marketlens.delivery.selection.BorutaSelector;
import org.marketlens.delivery.selection.VifSelector;
import org.marketlens.delivery.xgboost.XgboostClassifier;
import org.marketlens.framework.delivery.DeliveryExperiment;
import org.marketlens.framework.delivery.DeliveryReport;

/**
 * Plain-Java entry point: {@code DeliveryDemo [projects] [seed] [report.md]} generates synthetic projects, runs the
 * Chapter 3 protocol with every delivery component and prints (and optionally writes) the Markdown report.
 */
public final class DeliveryDemo {
    private DeliveryDemo() {
    }

    /**
     * @return the default components, constructed without OSGi
     */
    public static DeliveryExperiment.Components components() {
        // Eq. 3.1 as written picks K1 = 1 on the synthetic ~60-word vocabulary (its penalty ln(n)·50 per cluster
        // dwarfs the distances of small-corpus GloVe vectors), so the demo fixes K1 = 3 and keeps the BIC search for
        // K2 (up to 20 clusters, 3 restarts per K instead of 100 and 10)
        List<FeatureExtractor> extractors = List.of(new ProjectFeatures(), new CreatorFeatures(),
                new BackerFeatures(), new TemporalFeatures(), new SemanticRewardClusters(100, 20, 3, 3, 0),
                new LinguisticFeatures());
        // VIF then Boruta (§1.6); Boruta lightened to 20 runs of 50 trees for a 2-core demo (defaults: 100 / 100)
        List<FeatureSelector> clsSel = List.of(new VifSelector(), new BorutaSelector(20, 50));
        // stepAIC (StepAicSelector) is left out of the demo: its O(p) OLS refits per step are too slow here
        List<FeatureSelector> regSel = List.of();
        return new DeliveryExperiment.Components(extractors, clsSel, regSel, new XgboostClassifier(3, 0.1, 100),
                new ElasticNetRegressor(), new KimFeatures(), new MajorityClass(), new OlsDuration());
    }

    /**
     * @param projects projects to evaluate
     * @param settings protocol settings
     * @param title    report title
     * @return the Markdown report
     */
    public static String run(List<Project> projects, DeliveryExperiment.Settings settings, String title) {
        return DeliveryReport.markdown(title, DeliveryExperiment.run(projects, components(), settings));
    }

    /**
     * @param args projects (default 600), seed (default 1), optional output file
     * @throws IOException when the report cannot be written
     */
    public static void main(String[] args) throws IOException {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 600;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 1;
        long t0 = System.nanoTime();
        String report = run(SyntheticProjectSource.generate(n, seed), DeliveryExperiment.Settings.defaults(seed),
                "Reward-delivery prediction on " + n + " synthetic projects (seed " + seed + ")");
        report += String.format("%nWall time: %.1f s%n", (System.nanoTime() - t0) / 1e9);
        System.out.println(report);
        if (args.length > 2) {
            Path out = Path.of(args[2]).toAbsolutePath();
            Path tmp = Files.createTempFile(out.getParent(), "report", ".tmp");
            Files.writeString(tmp, report);
            Files.move(tmp, out, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
