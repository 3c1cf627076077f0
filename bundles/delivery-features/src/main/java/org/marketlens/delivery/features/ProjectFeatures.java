package org.marketlens.delivery.features;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.marketlens.api.delivery.Feature;
import org.marketlens.api.delivery.FeatureBlock;
import org.marketlens.api.delivery.FeatureExtractor;
import org.marketlens.api.delivery.Project;
import org.marketlens.api.delivery.Reward;
import org.marketlens.api.delivery.TimePoint;
import org.marketlens.api.rec.PluginProperties;
import org.marketlens.framework.delivery.TimePoints;
import org.marketlens.framework.delivery.text.TextStatistics;
import org.osgi.service.component.annotations.Component;

/**
 * Project-based features, MODELS.md §1.4.1 rows 1–15 (the semantic cluster block, row 16, is its own group).
 * The category is one-hot encoded over the categories seen in training ({@code category=<name>}, categorical,
 * kept out of VIF). Fundraising counts (backers, comments, updates) are as of TP2 or TP3 and stay at their TP3
 * values at TP4 (§1.3).
 */
@Component(service = FeatureExtractor.class, property = PluginProperties.NAME + "=" + ProjectFeatures.GROUP)
public final class ProjectFeatures implements FeatureExtractor {
    static final String GROUP = "project";

    @Override
    public String group() {
        return GROUP;
    }

    @Override
    public FeatureBlock fit(List<Project> training, TimePoint tp, long seed) {
        TreeSet<String> categories = new TreeSet<>();
        for (Project p : training) {
            categories.add(p.category());
        }
        Columns cols = new Columns(GROUP, tp).add("nImages", TimePoint.TP1).add("nFaqs", TimePoint.TP1)
                .add("goal", TimePoint.TP1);
        for (String c : categories) {
            cols.addCategorical("category=" + c, TimePoint.TP1);
        }
        cols.add("nRewards", TimePoint.TP1).add("nRewardSentences", TimePoint.TP1)
                .add("nBioSentences", TimePoint.TP1).add("fundraisingDuration", TimePoint.TP1)
                .add("LRDD", TimePoint.TP1).add("smogDescription", TimePoint.TP1)
                .add("smogRewards", TimePoint.TP1).add("smogBio", TimePoint.TP1)
                .add("nBackers", TimePoint.TP2).add("nProjectComments", TimePoint.TP2)
                .add("nProjectUpdates", TimePoint.TP2);
        List<Feature> features = cols.build();
        List<String> cats = new ArrayList<>(categories);
        return new FeatureBlock() {
            @Override
            public List<Feature> features() {
                return features;
            }

            @Override
            public double[] extract(Project p) {
                double[] v = new double[features.size()];
                int k = 0;
                v[k++] = p.nImages();
                v[k++] = p.nFaqs();
                v[k++] = p.goal();
                for (String c : cats) {
                    v[k++] = c.equals(p.category()) ? 1 : 0;
                }
                StringBuilder rewards = new StringBuilder();
                int rewardSentences = 0;
                for (Reward r : p.rewards()) {
                    rewards.append(r.description()).append(' ');
                    rewardSentences += TextStatistics.sentences(r.description());
                }
                v[k++] = p.rewards().size();
                v[k++] = rewardSentences;
                v[k++] = TextStatistics.sentences(p.bio());
                v[k++] = TimePoints.fundraisingDays(p);
                v[k++] = TimePoints.longestDeliveryDays(p);
                v[k++] = TextStatistics.smog(p.description());
                v[k++] = TextStatistics.smog(rewards.toString());
                v[k++] = TextStatistics.smog(p.bio());
                if (tp.includes(TimePoint.TP2)) {
                    Instant c = TimePoints.cutoff(p, tp == TimePoint.TP4 ? TimePoint.TP3 : tp);
                    v[k++] = p.backersAt(c);
                    v[k++] = Activity.comments(p, null, null, c);
                    v[k++] = Activity.updates(p, null, c);
                }
                return v;
            }
        };
    }
}
