package org.marketlens.delivery.baselines;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.marketlens.api.delivery.Feature;
import org.marketlens.api.delivery.FeatureBlock;
import org.marketlens.api.delivery.FeatureExtractor;
import org.marketlens.api.delivery.Project;
import org.marketlens.api.delivery.TimePoint;
import org.marketlens.api.rec.PluginProperties;
import org.marketlens.framework.delivery.TimePoints;
import org.osgi.service.component.annotations.Component;

/**
 * The 8 features of Kim et al. (baseline 2, MODELS.md §1.7): number of rewards, goal, fundraising duration,
 * creator's backed and created projects, project category (one-hot) from TP1; number of backers and percent
 * raised (100·pledged/goal) only from TP3 (they exist only at the end of fundraising).
 */
@Component(service = FeatureExtractor.class, property = PluginProperties.NAME + "=" + KimFeatures.GROUP)
public final class KimFeatures implements FeatureExtractor {
    static final String GROUP = "kim";

    @Override
    public String group() {
        return GROUP;
    }

    @Override
    public FeatureBlock fit(List<Project> training, TimePoint tp, long seed) {
        TreeSet<String> cats = new TreeSet<>();
        training.forEach(p -> cats.add(p.category()));
        List<String> categories = new ArrayList<>(cats);
        List<Feature> f = new ArrayList<>();
        for (String n : List.of("kim.nRewards", "kim.goal", "kim.duration", "kim.creatorBacked", "kim.creatorCreated")) {
            f.add(new Feature(n, GROUP, TimePoint.TP1, false));
        }
        for (String c : categories) {
            f.add(new Feature("kim.category=" + c, GROUP, TimePoint.TP1, true));
        }
        boolean end = tp.includes(TimePoint.TP3);
        if (end) {
            f.add(new Feature("kim.backers", GROUP, TimePoint.TP3, false));
            f.add(new Feature("kim.percentRaised", GROUP, TimePoint.TP3, false));
        }
        List<Feature> features = List.copyOf(f);
        return new FeatureBlock() {
            @Override
            public List<Feature> features() {
                return features;
            }

            @Override
            public double[] extract(Project p) {
                double[] v = new double[features.size()];
                int k = 0;
                v[k++] = p.rewards().size();
                v[k++] = p.goal();
                v[k++] = TimePoints.fundraisingDays(p);
                v[k++] = p.creator().projectsBacked();
                v[k++] = p.creator().projectsCreated();
                for (String c : categories) {
                    v[k++] = c.equals(p.category()) ? 1 : 0;
                }
                if (end) {
                    v[k++] = p.backersAt(TimePoints.cutoff(p, TimePoint.TP3));
                    v[k++] = p.goal() > 0 ? 100 * p.pledged() / p.goal() : Double.NaN;
                }
                return v;
            }
        };
    }
}
