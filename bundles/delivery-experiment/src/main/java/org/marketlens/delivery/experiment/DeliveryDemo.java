package org.marketlens.delivery.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.marketlens.api.delivery.DeliveryPredictor;
import org.marketlens.api.delivery.DeliveryWorkflow;
import org.marketlens.api.delivery.FeatureExtractor;
import org.marketlens.api.delivery.FeatureSelector;
import org.marketlens.api.delivery.Project;
import org.marketlens.api.rec.PluginProperties;
import org.marketlens.delivery.baselines.KimFeatures;
import org.marketlens.delivery.baselines.MajorityClass;
import org.marketlens.delivery.baselines.OlsDuration;
import org.marketlens.delivery.data.SyntheticProjectSource;
import org.marketlens.delivery.elasticnet.ElasticNetRegressor;
import org.marketlens.delivery.features.BackerFeatures;
import org.marketlens.delivery.features.CreatorFeatures;
import org.marketlens.delivery.features.ProjectFeatures;
import org.marketlens.delivery.features.TemporalFeatures;
import org.marketlens.delivery.linguistic.LinguisticFeatures;
import org.marketlens.delivery.selection.BorutaSelector;
import org.marketlens.delivery.selection.StepAicSelector;
import org.marketlens.delivery.selection.VifSelector;
import org.marketlens.delivery.semantic.SemanticRewardClusters;
import org.marketlens.delivery.xgboost.XgboostClassifier;
import org.marketlens.framework.delivery.DeliveryExperiment;
import org.marketlens.framework.delivery.DeliveryReport;

/**
 * Plain-Java entry point for the synthetic Tables 3.2–3.5:
 * <pre>  DeliveryDemo [--repeats R] [--light] [--set key=value ...] [projects (600)] [seed (1)] [report.md]</pre>
 *
 * <p>By default it runs the <b>full pipeline</b>, exactly what {@code marketlens delivery evaluate -s synthetic -o
 * size=N -o seed=S --set seed=S --set regression=true [--repeats R]} runs: the {@code chapter3} workflow
 * ({@link WorkflowRun}) on the delivery services at their OSGi defaults, registered by name without OSGi —
 * all six feature groups (semantic clusters with K1 and K2 chosen by the BIC of Eq. 3.1 up to 100, 10 restarts),
 * VIF then Boruta (100 runs of 100 trees), XGBoost at its A-18 defaults (depth 6, eta 0.3, 100 rounds), and for
 * Table 3.5 stepAIC then the elastic net; 10 stratified folds, A-9 {@code final}.
 *
 * <p>{@code --light} is the earlier lightened setup, kept as an explicit option for a quick look: K1 fixed at 3 and
 * K2 searched up to 20 with 3 restarts, Boruta 20 runs of 50 trees, XGBoost depth 3 / eta 0.1, no stepAIC. (K1 is
 * fixed there because Eq. 3.1 as written, A-10, picks K1 = 1 on the synthetic ~60-word vocabulary: its penalty
 * ln(n)·50 per cluster dwarfs the distances of small-corpus GloVe vectors, so the full pipeline's reward clusters
 * barely see the difficulty words.)
 * {@code --repeats R} repeats the 10-fold cross-validation on R stratified fold assignments
 * ({@link DeliveryExperiment.Settings#repeats()}, {@link DeliveryReport} for how the tables read then).
 * {@code --set key=value} passes a workflow setting as {@code delivery evaluate --set} does (full pipeline only),
 * e.g. {@code --set selection=vif --set regression=false} is the delivery section of {@code marketlens demo}.
 *
 * <p>Run from the repository root after {@code mvn -o -q install -pl bundles/delivery-experiment}:
 * <pre>
 * mvn -o -q dependency:build-classpath -pl bundles/delivery-experiment -Dmdep.includeScope=test \
 *     -Dmdep.outputFile=/tmp/cp.txt
 * nice -n 5 java -cp "$(cat /tmp/cp.txt):bundles/delivery-experiment/target/classes" \
 *     org.marketlens.delivery.experiment.DeliveryDemo 1000 1 /tmp/delivery-1000-s1.md
 * </pre>
 * On 2 shared cores the full pipeline on 1000 projects takes several minutes per repetition, most of it Boruta
 * (about 6 s per cell on 540 training projects) and stepAIC at TP3/TP4 (about 2 s per regression variant);
 * {@code bench/FullPipelineProfile} in the tests times each stage of one cell.
 */
public final class DeliveryDemo {
    private DeliveryDemo() {
    }

    /**
     * @return the lightened components of {@code --light}, constructed without OSGi
     */
    public static DeliveryExperiment.Components components() {
        List<FeatureExtractor> extractors = List.of(new ProjectFeatures(), new CreatorFeatures(),
                new BackerFeatures(), new TemporalFeatures(), new SemanticRewardClusters(100, 20, 3, 3, 0),
                new LinguisticFeatures());
        List<FeatureSelector> clsSel = List.of(new VifSelector(), new BorutaSelector(20, 50));
        return new DeliveryExperiment.Components(extractors, clsSel, List.of(), new XgboostClassifier(3, 0.1, 100),
                new ElasticNetRegressor(), new KimFeatures(), new MajorityClass(), new OlsDuration());
    }

    /**
     * @param projects projects to evaluate
     * @param settings protocol settings
     * @param title    report title
     * @return the Markdown report of the lightened setup ({@code --light})
     */
    public static String run(List<Project> projects, DeliveryExperiment.Settings settings, String title) {
        return DeliveryReport.markdown(title, DeliveryExperiment.run(projects, components(), settings));
    }

    /**
     * @return the {@code chapter3} workflow on every delivery service at its OSGi defaults, registered under the
     *         names the bundles register (what the launcher resolves)
     */
    static Chapter3Workflow fullWorkflow() {
        Chapter3Workflow w = new Chapter3Workflow();
        w.add(org.marketlens.api.delivery.ProjectSource.class, new SyntheticProjectSource(), named("synthetic"));
        Map<String, FeatureExtractor> groups = new LinkedHashMap<>();
        groups.put("project", new ProjectFeatures());
        groups.put("creator", new CreatorFeatures());
        groups.put("backer", new BackerFeatures());
        groups.put("temporal", new TemporalFeatures());
        groups.put("semantic", new SemanticRewardClusters());
        groups.put("linguistic", new LinguisticFeatures());
        groups.put("kim", new KimFeatures());
        groups.forEach((name, e) -> w.add(FeatureExtractor.class, e, named(name)));
        w.add(FeatureSelector.class, new VifSelector(), named("vif"));
        w.add(FeatureSelector.class, new BorutaSelector(), named("boruta"));
        w.add(FeatureSelector.class, new StepAicSelector(), named("stepAIC"));
        w.add(DeliveryPredictor.class, new XgboostClassifier(), named("xgboost"));
        w.add(DeliveryPredictor.class, new MajorityClass(), named("majority"));
        w.add(DeliveryPredictor.class, new ElasticNetRegressor(), named("elastic-net"));
        w.add(DeliveryPredictor.class, new OlsDuration(), named("ols"));
        return w;
    }

    private static Map<String, Object> named(String name) {
        return Map.of(PluginProperties.NAME, name);
    }

    /**
     * @param args {@code [--repeats R] [--light] [projects] [seed] [report.md]}
     * @throws IOException when the report cannot be written
     */
    public static void main(String[] args) throws IOException {
        int repeats = 1;
        boolean light = false;
        Map<String, String> extra = new LinkedHashMap<>();
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--repeats" -> repeats = Integer.parseInt(args[++i]);
                case "--light" -> light = true;
                case "--set" -> {
                    String kv = args[++i];
                    int eq = kv.indexOf('=');
                    if (eq <= 0) {
                        throw new IllegalArgumentException("--set needs key=value, got '" + kv + "'");
                    }
                    extra.put(kv.substring(0, eq), kv.substring(eq + 1));
                }
                case "--help", "-h" -> {
                    System.out.println("DeliveryDemo [--repeats R] [--light] [--set key=value ...] [projects (600)] "
                            + "[seed (1)] [report.md]");
                    return;
                }
                default -> positional.add(args[i]);
            }
        }
        int n = positional.size() > 0 ? Integer.parseInt(positional.get(0)) : 600;
        long seed = positional.size() > 1 ? Long.parseLong(positional.get(1)) : 1;
        long t0 = System.nanoTime();
        String report;
        if (light) {
            report = run(SyntheticProjectSource.generate(n, seed),
                    DeliveryExperiment.Settings.defaults(seed).withRepeats(repeats),
                    "Reward-delivery prediction on " + n + " synthetic projects (seed " + seed
                            + ", lightened pipeline, " + repeats + " repetition(s))");
        } else {
            Map<String, String> settings = new LinkedHashMap<>();
            settings.put(DeliveryWorkflow.SEED, Long.toString(seed));
            settings.put(DeliveryWorkflow.REGRESSION, "true");
            settings.put(DeliveryWorkflow.REPEATS, Integer.toString(repeats));
            settings.putAll(extra);
            report = fullWorkflow().evaluate(new DeliveryWorkflow.Source("synthetic",
                    Map.of("size", Integer.toString(n), "seed", Long.toString(seed))), settings);
        }
        report += String.format("%nWall time: %.1f s (%d processors)%n", (System.nanoTime() - t0) / 1e9,
                Runtime.getRuntime().availableProcessors());
        System.out.println(report);
        if (positional.size() > 2) {
            Path out = Path.of(positional.get(2)).toAbsolutePath();
            Path tmp = Files.createTempFile(out.getParent(), "report", ".tmp");
            Files.writeString(tmp, report);
            Files.move(tmp, out, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
