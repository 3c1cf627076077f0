package org.marketlens.delivery.experiment.bench;

import java.util.ArrayList;
import java.util.List;
import org.marketlens.api.delivery.FeatureExtractor;
import org.marketlens.api.delivery.TimePoint;
import org.marketlens.delivery.baselines.KimFeatures;
import org.marketlens.delivery.baselines.MajorityClass;
import org.marketlens.delivery.data.SyntheticProjectSource;
import org.marketlens.delivery.features.BackerFeatures;
import org.marketlens.delivery.features.CreatorFeatures;
import org.marketlens.delivery.features.ProjectFeatures;
import org.marketlens.delivery.features.TemporalFeatures;
import org.marketlens.delivery.linguistic.LinguisticFeatures;
import org.marketlens.delivery.selection.VifSelector;
import org.marketlens.delivery.semantic.SemanticRewardClusters;
import org.marketlens.delivery.xgboost.XgboostClassifier;
import org.marketlens.framework.delivery.DeliveryExperiment;

/**
 * How much each time point adds on the synthetic projects, cheaply: {@code TimePointGain projects seeds
 * timePoints [groups]} (e.g. {@code 2000 1,2 TP1,TP2,TP3 all} or {@code project,creator}) prints our model's
 * 10-fold accuracy per time point with VIF selection only and XGBoost depth 3 / eta 0.1 / 100 rounds, no ablation,
 * no regression: a probe of the generator's information per time point on many projects, not the full pipeline
 * (that is {@code DeliveryDemo}). It measured the TP2 → TP3 gap before and after the generator's revision of
 * issue 5 (see {@code ProjectGenerator}).
 */
public final class TimePointGain {
    private TimePointGain() {
    }

    public static void main(String[] a) {
        int n = Integer.parseInt(a[0]);
        List<TimePoint> tps = new ArrayList<>();
        for (String s : a[2].split(",")) {
            tps.add(TimePoint.valueOf(s));
        }
        String groups = a.length > 3 ? a[3] : "all";
        for (String ss : a[1].split(",")) {
            long seed = Long.parseLong(ss);
            List<FeatureExtractor> ex = new ArrayList<>();
            add(ex, groups, "project", new ProjectFeatures());
            add(ex, groups, "creator", new CreatorFeatures());
            add(ex, groups, "backer", new BackerFeatures());
            add(ex, groups, "temporal", new TemporalFeatures());
            add(ex, groups, "semantic", new SemanticRewardClusters());
            add(ex, groups, "linguistic", new LinguisticFeatures());
            DeliveryExperiment.Components c = new DeliveryExperiment.Components(ex, List.of(new VifSelector()),
                    List.of(), new XgboostClassifier(3, 0.1, 100), null, new KimFeatures(), new MajorityClass(), null);
            DeliveryExperiment.Results r = DeliveryExperiment.run(SyntheticProjectSource.generate(n, seed), c,
                    new DeliveryExperiment.Settings(10, seed, tps, false, 2));
            StringBuilder sb = new StringBuilder("seed " + seed + " " + groups + ":");
            for (TimePoint tp : tps) {
                sb.append(String.format(" %s %.2f", tp,
                        100 * r.accuracy().get(DeliveryExperiment.OURS).get(tp).mean()));
            }
            System.out.println(sb);
        }
    }

    private static void add(List<FeatureExtractor> ex, String groups, String group, FeatureExtractor e) {
        if (groups.equals("all") || List.of(groups.split(",")).contains(group)) {
            ex.add(e);
        }
    }
}
