package org.marketlens.delivery.experiment.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.marketlens.api.delivery.FeatureBlock;
import org.marketlens.api.delivery.FeatureExtractor;
import org.marketlens.api.delivery.FeatureMatrix;
import org.marketlens.api.delivery.Project;
import org.marketlens.api.delivery.Selection;
import org.marketlens.api.delivery.TimePoint;
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
import org.marketlens.framework.delivery.FeaturePipeline;
import org.marketlens.framework.delivery.Folds;

/**
 * Where the time of one cross-validation cell of the full pipeline goes (the components at their OSGi defaults):
 * {@code FullPipelineProfile [projects] [seed]} times, on one training fold (9/10 of the projects), the semantic
 * clustering (GloVe + BIC searches), the other feature groups, VIF, Boruta, the XGBoost fit and stepAIC on the
 * regression variants, at each time point. Single-threaded; run with {@code nice -n 5}.
 */
public final class FullPipelineProfile {
    private FullPipelineProfile() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 600;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 1;
        List<Project> all = SyntheticProjectSource.generate(n, seed);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = all.get(i).label().late() ? 1 : 0;
        }
        int[] fold = Folds.stratified(y, 10, seed);
        List<Project> train = new ArrayList<>();
        List<Double> ytrL = new ArrayList<>();
        for (int r : Folds.rows(fold, 0, false)) {
            train.add(all.get(r));
            ytrL.add(y[r]);
        }
        double[] ytr = ytrL.stream().mapToDouble(Double::doubleValue).toArray();
        SemanticRewardClusters semantic = new SemanticRewardClusters();
        List<FeatureExtractor> others = List.of(new ProjectFeatures(), new CreatorFeatures(), new BackerFeatures(),
                new TemporalFeatures(), new LinguisticFeatures());
        long t = System.nanoTime();
        semantic.fit(train, TimePoint.TP1, seed);
        t = lap("semantic clustering (GloVe, BIC K1, BIC K2), once per fold", t);
        for (TimePoint tp : TimePoint.values()) {
            List<FeatureExtractor> ex = new ArrayList<>(others);
            ex.add(semantic);
            List<FeatureBlock> blocks = FeaturePipeline.fit(ex, train, tp, seed);
            FeatureMatrix x = FeaturePipeline.extract(blocks, train, tp);
            t = lap(tp + " other groups fit + extract (" + x.numColumns() + " columns)", t);
            Selection vif = new VifSelector().select(x, ytr, seed);
            t = lap(tp + " VIF (" + vif.kept().size() + " kept)", t);
            FeatureMatrix xv = x.select(vif.kept());
            Selection b = new BorutaSelector().select(xv, ytr, seed);
            t = lap(tp + " Boruta 100x100 (" + b.kept().size() + " kept)", t);
            new XgboostClassifier().fit(x.select(b.kept()), ytr, seed);
            t = lap(tp + " XGBoost fit", t);
            List<Integer> dur = new ArrayList<>();
            for (int i = 0; i < train.size(); i++) {
                if (train.get(i).label().hasDuration()) {
                    dur.add(i);
                }
            }
            int[] rows = dur.stream().mapToInt(Integer::intValue).toArray();
            double[] logY = new double[rows.length];
            double[] yd = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                yd[i] = train.get(rows[i]).label().actualDurationDays();
                logY[i] = Math.log(yd[i]);
            }
            FeatureMatrix reg = FeaturePipeline.drop(x, Set.of(), Set.of(DeliveryExperiment.LRDD)).rows(rows);
            Selection aic = new StepAicSelector().select(reg, logY, seed);
            t = lap(tp + " stepAIC on 'All features' (" + reg.numColumns() + " -> " + aic.kept().size() + ")", t);
            new ElasticNetRegressor().fit(reg.select(aic.kept()), yd, seed);
            t = lap(tp + " elastic net fit", t);
        }
    }

    private static long lap(String what, long t0) {
        long t1 = System.nanoTime();
        System.out.printf("%8.2f s  %s%n", (t1 - t0) / 1e9, what);
        return t1;
    }
}
