package org.marketlens.delivery.features;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.marketlens.api.delivery.AuthorRole;
import org.marketlens.api.delivery.Comment;
import org.marketlens.api.delivery.Feature;
import org.marketlens.api.delivery.FeatureBlock;
import org.marketlens.api.delivery.FeatureExtractor;
import org.marketlens.api.delivery.Project;
import org.marketlens.api.delivery.TimePoint;
import org.marketlens.api.delivery.Update;
import org.marketlens.api.rec.PluginProperties;
import org.marketlens.framework.delivery.TimePoints;
import org.osgi.service.component.annotations.Component;

/**
 * Creator-activeness features, MODELS.md §1.4.2: creator comments and updates as of TP2/TP3 (kept at TP3 values
 * at TP4), plus at TP4 the counts in (TP3, TP4] only, the mean days between consecutive updates up to TP4
 * (NaN with fewer than 2) and the mean days from a backer question to the first later creator comment (NaN when
 * no question was answered).
 */
@Component(service = FeatureExtractor.class, property = PluginProperties.NAME + "=" + CreatorFeatures.GROUP)
public final class CreatorFeatures implements FeatureExtractor {
    static final String GROUP = "creator";

    @Override
    public String group() {
        return GROUP;
    }

    @Override
    public FeatureBlock fit(List<Project> training, TimePoint tp, long seed) {
        List<Feature> features = new Columns(GROUP, tp).add("nCreatorComments", TimePoint.TP2)
                .add("nCreatorUpdates", TimePoint.TP2).add("nCreatorComments@TP4", TimePoint.TP4)
                .add("nCreatorUpdates@TP4", TimePoint.TP4).add("avgUpdateInterval", TimePoint.TP4)
                .add("avgResponseTime", TimePoint.TP4).build();
        return new FeatureBlock() {
            @Override
            public List<Feature> features() {
                return features;
            }

            @Override
            public double[] extract(Project p) {
                double[] v = new double[features.size()];
                if (features.isEmpty()) {
                    return v;
                }
                Instant fund = TimePoints.cutoff(p, tp == TimePoint.TP4 ? TimePoint.TP3 : tp);
                v[0] = Activity.comments(p, AuthorRole.CREATOR, null, fund);
                v[1] = Activity.updates(p, null, fund);
                if (tp == TimePoint.TP4) {
                    Instant c4 = TimePoints.cutoff(p, TimePoint.TP4);
                    v[2] = Activity.comments(p, AuthorRole.CREATOR, fund, c4);
                    v[3] = Activity.updates(p, fund, c4);
                    v[4] = avgUpdateInterval(p, c4);
                    v[5] = avgResponseTime(p, c4);
                }
                return v;
            }
        };
    }

    static double avgUpdateInterval(Project p, Instant until) {
        List<Instant> times = new ArrayList<>();
        for (Update u : p.updates()) {
            if (!u.time().isAfter(until)) {
                times.add(u.time());
            }
        }
        if (times.size() < 2) {
            return Double.NaN;
        }
        times.sort(null);
        return TimePoints.days(times.get(0), times.get(times.size() - 1)) / (times.size() - 1);
    }

    static double avgResponseTime(Project p, Instant until) {
        List<Comment> sorted = new ArrayList<>();
        for (Comment c : p.comments()) {
            if (!c.time().isAfter(until)) {
                sorted.add(c);
            }
        }
        sorted.sort((a, b) -> a.time().compareTo(b.time()));
        double sum = 0;
        int n = 0;
        for (int i = 0; i < sorted.size(); i++) {
            if (!Activity.isQuestion(sorted.get(i))) {
                continue;
            }
            for (int j = i + 1; j < sorted.size(); j++) {
                if (sorted.get(j).role() == AuthorRole.CREATOR) {
                    sum += TimePoints.days(sorted.get(i).time(), sorted.get(j).time());
                    n++;
                    break;
                }
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }
}
