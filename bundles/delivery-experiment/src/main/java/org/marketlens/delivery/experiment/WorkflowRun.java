package org.marketlens.delivery.experiment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import org.marketlens.api.delivery.DeliveryPredictor;
import org.marketlens.api.delivery.DeliveryWorkflow;
import org.marketlens.api.delivery.FeatureBlock;
import org.marketlens.api.delivery.FeatureExtractor;
import org.marketlens.api.delivery.FeatureMatrix;
import org.marketlens.api.delivery.FeatureSelector;
import org.marketlens.api.delivery.FittedPredictor;
import org.marketlens.api.delivery.Project;
import org.marketlens.api.delivery.ProjectSource;
import org.marketlens.api.delivery.Selection;
import org.marketlens.api.delivery.TimePoint;
import org.marketlens.framework.delivery.DeliveryExperiment;
import org.marketlens.framework.delivery.DeliveryMetrics;
import org.marketlens.framework.delivery.DeliveryReport;
import org.marketlens.framework.delivery.FeaturePipeline;

/**
 * The three workflow operations of {@link DeliveryWorkflow} on services resolved by name through {@code lookup}
 * (type, name → service, or an {@link IllegalArgumentException} naming the known ones).
 */
final class WorkflowRun {
    /** Feature groups of our model when the settings name none (Table 3.1). */
    static final List<String> ALL_GROUPS = List.of("project", "creator", "backer", "temporal", "semantic",
            "linguistic");

    private final BiFunction<Class<?>, String, Object> lookup;

    WorkflowRun(BiFunction<Class<?>, String, Object> lookup) {
        this.lookup = lookup;
    }

    private <T> T require(Class<T> type, String name) {
        return type.cast(lookup.apply(type, name));
    }

    String evaluate(DeliveryWorkflow.Source source, Map<String, String> settings) throws IOException {
        List<Project> projects = load(source);
        boolean regression = Boolean.parseBoolean(settings.getOrDefault(DeliveryWorkflow.REGRESSION, "false"));
        DeliveryExperiment.Components c = new DeliveryExperiment.Components(extractors(settings),
                selectors(settings), regression ? regressionSelectors(settings) : List.of(),
                require(DeliveryPredictor.class, classifier(settings)),
                regression ? require(DeliveryPredictor.class, "elastic-net") : null,
                require(FeatureExtractor.class, "kim"), require(DeliveryPredictor.class, "majority"),
                regression ? require(DeliveryPredictor.class, "ols") : null);
        List<TimePoint> tps = timePoints(settings);
        DeliveryExperiment.Settings s = new DeliveryExperiment.Settings(
                Integer.parseInt(settings.getOrDefault(DeliveryWorkflow.FOLDS, "10")), seed(settings), tps,
                tps.contains(TimePoint.TP4), Runtime.getRuntime().availableProcessors(),
                Integer.parseInt(settings.getOrDefault(DeliveryWorkflow.REPEATS, "1")));
        return DeliveryReport.markdown("Reward-delivery prediction, source '" + source.name() + "' "
                + new TreeMap<>(source.options()) + (settings.isEmpty() ? "" : ", settings " + new TreeMap<>(settings)),
                DeliveryExperiment.run(projects, c, s));
    }

    String train(DeliveryWorkflow.Source source, TimePoint tp, Map<String, String> settings, Path model)
            throws IOException {
        List<Project> labeled = labeled(load(source));
        long seed = seed(settings);
        List<String> groups = groups(settings);
        Map<String, String> extractorSettings = extractorSettings(settings);
        List<FeatureBlock> blocks = FeaturePipeline.fit(extractors(groups, extractorSettings), labeled, tp, seed);
        FeatureMatrix x = FeaturePipeline.extract(blocks, labeled, tp);
        double[] y = new double[labeled.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = labeled.get(i).label().late() ? 1 : 0;
        }
        Selection sel = FeaturePipeline.select(selectors(settings), x, y, seed);
        String name = classifier(settings);
        FittedPredictor fitted = require(DeliveryPredictor.class, name).fit(x.select(sel.kept()), y, seed);
        double accuracy = DeliveryMetrics.accuracy(fitted.predict(x.select(fitted.featureNames())), y);
        new ModelFile(source, tp, seed, groups, extractorSettings, name, ModelFile.bytes(fitted)).write(model);
        return String.format(Locale.ROOT, "trained %s at %s on %d labeled projects: %d of %d features kept (%s), "
                + "training accuracy %.2f%%; wrote %s", name, tp, labeled.size(), sel.kept().size(),
                x.numColumns(), String.join(", ", sel.kept()), 100 * accuracy, model);
    }

    List<DeliveryWorkflow.Prediction> predict(Path modelPath, DeliveryWorkflow.Source source) throws IOException {
        ModelFile model = ModelFile.read(modelPath);
        List<Project> training = labeled(load(model.source()));
        List<FeatureBlock> blocks = FeaturePipeline.fit(extractors(model.extractors(), model.extractorSettings()),
                training,
                model.timePoint(), model.seed());
        FittedPredictor fitted = require(DeliveryPredictor.class, model.classifier())
                .load(new ByteArrayInputStream(model.snapshot()));
        List<Project> projects = load(source);
        FeatureMatrix x = FeaturePipeline.extract(blocks, projects, model.timePoint());
        double[] p = fitted.predict(x.select(fitted.featureNames()));
        List<DeliveryWorkflow.Prediction> out = new ArrayList<>();
        for (int i = 0; i < p.length; i++) {
            out.add(new DeliveryWorkflow.Prediction(projects.get(i).id(), p[i]));
        }
        return out;
    }

    private List<Project> load(DeliveryWorkflow.Source source) throws IOException {
        return require(ProjectSource.class, source.name()).load(source.options());
    }

    private static List<Project> labeled(List<Project> projects) {
        List<Project> out = new ArrayList<>();
        for (Project p : projects) {
            if (p.label().hasLateness()) {
                out.add(p);
            }
        }
        if (out.size() < 2) {
            throw new IllegalArgumentException("the source has " + out.size() + " labeled projects; training needs 2");
        }
        return out;
    }

    private List<FeatureExtractor> extractors(Map<String, String> settings) {
        return extractors(groups(settings), extractorSettings(settings));
    }

    /** The named groups, each configured for this call ({@link FeatureExtractor#withSettings}). */
    private List<FeatureExtractor> extractors(List<String> groups, Map<String, String> extractorSettings) {
        List<FeatureExtractor> out = new ArrayList<>();
        for (String g : groups) {
            out.add(require(FeatureExtractor.class, g).withSettings(extractorSettings));
        }
        return out;
    }

    /** @return the settings that change what feature groups compute (kept in model files for predict) */
    static Map<String, String> extractorSettings(Map<String, String> settings) {
        Map<String, String> out = new TreeMap<>();
        String backers = settings.get(DeliveryWorkflow.BACKER_COUNTS);
        if (backers != null) {
            out.put(DeliveryWorkflow.BACKER_COUNTS, backers);
        }
        return out;
    }

    private List<FeatureSelector> selectors(Map<String, String> settings) {
        List<FeatureSelector> out = new ArrayList<>();
        for (String s : list(settings.getOrDefault(DeliveryWorkflow.SELECTION, "vif,boruta"))) {
            out.add(require(FeatureSelector.class, s));
        }
        return out;
    }

    /** The regression's selection chain (MODELS.md §1.8: stepAIC on the log duration). */
    private List<FeatureSelector> regressionSelectors(Map<String, String> settings) {
        List<FeatureSelector> out = new ArrayList<>();
        for (String s : list(settings.getOrDefault(DeliveryWorkflow.REGRESSION_SELECTION, "stepAIC"))) {
            out.add(require(FeatureSelector.class, s));
        }
        return out;
    }

    private static List<String> groups(Map<String, String> settings) {
        String g = settings.get(DeliveryWorkflow.EXTRACTORS);
        return g == null ? ALL_GROUPS : list(g);
    }

    private static String classifier(Map<String, String> settings) {
        return settings.getOrDefault(DeliveryWorkflow.CLASSIFIER, "xgboost");
    }

    private static long seed(Map<String, String> settings) {
        return Long.parseLong(settings.getOrDefault(DeliveryWorkflow.SEED, "1"));
    }

    private static List<TimePoint> timePoints(Map<String, String> settings) {
        String v = settings.get(DeliveryWorkflow.TIME_POINTS);
        if (v == null) {
            return List.of(TimePoint.values());
        }
        List<TimePoint> out = new ArrayList<>();
        for (String s : list(v)) {
            try {
                out.add(TimePoint.valueOf(s.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown time point '" + s + "'; known: "
                        + Arrays.toString(TimePoint.values()));
            }
        }
        return out;
    }

    private static List<String> list(String csv) {
        List<String> out = new ArrayList<>();
        for (String s : csv.split(",")) {
            if (!s.isBlank()) {
                out.add(s.strip());
            }
        }
        return out;
    }
}
