package org.marketlens.delivery.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marketlens.api.delivery.DeliveryPredictor;
import org.marketlens.api.delivery.DeliveryWorkflow;
import org.marketlens.api.delivery.FeatureExtractor;
import org.marketlens.api.delivery.FeatureSelector;
import org.marketlens.api.delivery.ProjectSource;
import org.marketlens.api.delivery.TimePoint;
import org.marketlens.api.rec.PluginProperties;
import org.marketlens.delivery.baselines.KimFeatures;
import org.marketlens.delivery.baselines.MajorityClass;
import org.marketlens.delivery.baselines.OlsDuration;
import org.marketlens.delivery.data.SyntheticProjectSource;
import org.marketlens.delivery.elasticnet.ElasticNetRegressor;
import org.marketlens.delivery.features.CreatorFeatures;
import org.marketlens.delivery.features.ProjectFeatures;
import org.marketlens.delivery.selection.StepAicSelector;
import org.marketlens.delivery.selection.VifSelector;
import org.marketlens.delivery.xgboost.XgboostClassifier;

class Chapter3WorkflowTest {
    private static Map<String, Object> named(String name) {
        return Map.of(PluginProperties.NAME, name);
    }

    private static Chapter3Workflow workflow(DeliveryPredictor classifier) {
        Chapter3Workflow w = new Chapter3Workflow();
        w.addSource(new SyntheticProjectSource(), named("synthetic"));
        w.addExtractor(new ProjectFeatures(), named("project"));
        w.addExtractor(new CreatorFeatures(), named("creator"));
        w.addExtractor(new KimFeatures(), named("kim"));
        w.addSelector(new VifSelector(), named("vif"));
        w.addPredictor(classifier, named("xgboost"));
        w.addPredictor(new MajorityClass(), named("majority"));
        return w;
    }

    private static final Map<String, String> SETTINGS = Map.of(DeliveryWorkflow.EXTRACTORS, "project,creator",
            DeliveryWorkflow.SELECTION, "vif");

    @Test
    void trainWritesAModelThatPredictsEveryProjectOfAnotherSource(@TempDir Path dir) throws Exception {
        Chapter3Workflow w = workflow(new XgboostClassifier(3, 0.3, 20));
        Path model = dir.resolve("model.bin");
        String summary = w.train(new DeliveryWorkflow.Source("synthetic", Map.of("size", "120", "seed", "2")),
                TimePoint.TP3, SETTINGS, model);
        assertTrue(summary.contains("120 labeled projects"), summary);
        assertTrue(Files.list(dir).allMatch(p -> p.equals(model)), "no temporary file left behind");
        DeliveryWorkflow.Source fresh = new DeliveryWorkflow.Source("synthetic", Map.of("size", "15", "seed", "77"));
        List<DeliveryWorkflow.Prediction> p = w.predict(model, fresh);
        assertEquals(15, p.size());
        assertEquals("p0", p.get(0).projectId());
        for (DeliveryWorkflow.Prediction q : p) {
            assertTrue(q.probabilityLate() >= 0 && q.probabilityLate() <= 1, q.toString());
        }
        // the feature blocks are re-fitted deterministically: a second prediction is identical
        assertEquals(p, w.predict(model, fresh));
    }

    @Test
    void aReplacedPredictorServesTheNextCallAndARemovedOneIsNamed(@TempDir Path dir) throws Exception {
        XgboostClassifier xgboost = new XgboostClassifier(3, 0.3, 20);
        Chapter3Workflow w = workflow(xgboost);
        DeliveryWorkflow.Source src = new DeliveryWorkflow.Source("synthetic", Map.of("size", "60", "seed", "3"));
        Path model = dir.resolve("m.bin");
        w.train(src, TimePoint.TP1, SETTINGS, model);
        List<DeliveryWorkflow.Prediction> boosted = w.predict(model, src);
        assertTrue(boosted.stream().map(DeliveryWorkflow.Prediction::probabilityLate).distinct().count() > 5);
        // hot swap: the bundle providing "xgboost" goes away and another one registers the name
        DeliveryPredictor majority = new MajorityClass();
        w.removePredictor(xgboost, named("xgboost"));
        w.addPredictor(majority, named("xgboost"));
        w.train(src, TimePoint.TP1, SETTINGS, model);
        double first = w.predict(model, src).get(0).probabilityLate();
        for (DeliveryWorkflow.Prediction q : w.predict(model, src)) {
            assertEquals(first, q.probabilityLate(), "the majority class predicts one value for everybody");
        }
        w.removePredictor(majority, named("xgboost"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> w.predict(model, src));
        assertTrue(e.getMessage().contains("known: majority"), e.getMessage());
    }

    @Test
    void regressionSelectsWithStepAicUnlessToldOtherwise() throws Exception {
        Chapter3Workflow w = workflow(new XgboostClassifier(3, 0.3, 20));
        w.addPredictor(new ElasticNetRegressor(), named("elastic-net"));
        w.addPredictor(new OlsDuration(), named("ols"));
        DeliveryWorkflow.Source src = new DeliveryWorkflow.Source("synthetic", Map.of("size", "80", "seed", "4"));
        Map<String, String> settings = new java.util.HashMap<>(Map.of(DeliveryWorkflow.EXTRACTORS, "project",
                DeliveryWorkflow.SELECTION, "", DeliveryWorkflow.FOLDS, "3", DeliveryWorkflow.TIME_POINTS, "TP1",
                DeliveryWorkflow.REGRESSION, "true"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> w.evaluate(src, settings));
        assertTrue(e.getMessage().contains("unknown FeatureSelector 'stepAIC'"), e.getMessage());
        w.addSelector(new StepAicSelector(), named("stepAIC"));
        assertTrue(w.evaluate(src, settings).contains("Table 3.5"));
    }

    @Test
    void repeatedCrossValidationReportsTheLargestPerRepetitionP() throws Exception {
        Chapter3Workflow w = workflow(new XgboostClassifier(3, 0.3, 20));
        Map<String, String> settings = Map.of(DeliveryWorkflow.EXTRACTORS, "project", DeliveryWorkflow.SELECTION, "",
                DeliveryWorkflow.FOLDS, "3", DeliveryWorkflow.TIME_POINTS, "TP1", DeliveryWorkflow.REPEATS, "2");
        String report = w.evaluate(new DeliveryWorkflow.Source("synthetic", Map.of("size", "60", "seed", "4")),
                settings);
        assertTrue(report.contains("2× repeated stratified k-fold CV"), report);
        assertTrue(report.contains("largest of 2 repetitions"), report);
    }

    @Test
    void theDemoRegistersEveryServiceTheFullPipelineNames() throws Exception {
        // the default chains (vif,boruta; stepAIC), all six groups, kim, the predictors: nothing unknown
        String report = DeliveryDemo.fullWorkflow().evaluate(
                new DeliveryWorkflow.Source("synthetic", Map.of("size", "40", "seed", "4")),
                Map.of(DeliveryWorkflow.FOLDS, "2", DeliveryWorkflow.TIME_POINTS, "TP1", DeliveryWorkflow.REGRESSION,
                        "true"));
        assertTrue(report.contains("Table 3.5"), report);
    }

    @Test
    void evaluateReportsTheAccuracyTableForTheRequestedTimePoints() throws Exception {
        Chapter3Workflow w = workflow(new XgboostClassifier(3, 0.3, 20));
        String report = w.evaluate(new DeliveryWorkflow.Source("synthetic", Map.of("size", "100", "seed", "4")),
                Map.of(DeliveryWorkflow.EXTRACTORS, "project", DeliveryWorkflow.SELECTION, "",
                        DeliveryWorkflow.FOLDS, "3", DeliveryWorkflow.TIME_POINTS, "tp1,tp3"));
        assertTrue(report.contains("Table 3.3"), report);
        assertTrue(report.contains("| TP1 | TP3 |"), report);
        assertTrue(!report.contains("Table 3.4"), "no ablation without TP4");
    }
}
