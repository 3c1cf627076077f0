package org.marketlens.delivery.features;

import java.util.List;
import org.marketlens.api.delivery.Comment;
import org.marketlens.api.delivery.Feature;
import org.marketlens.api.delivery.FeatureBlock;
import org.marketlens.api.delivery.FeatureExtractor;
import org.marketlens.api.delivery.Project;
import org.marketlens.api.delivery.TimePoint;
import org.marketlens.api.rec.PluginProperties;
import org.marketlens.framework.delivery.TimePoints;
import org.osgi.service.component.annotations.Component;

/**
 * Temporal features, MODELS.md §1.4.4: the fundraising period split into 20 equal slots, {@code commentsSlot[k]}
 * = comments (creator and backers) in slot k = [launch + (k−1)Δ, launch + kΔ), the last slot closed. Slots 1–10
 * are available from TP2 (they end at TP2), slots 11–20 from TP3.
 */
@Component(service = FeatureExtractor.class, property = PluginProperties.NAME + "=" + TemporalFeatures.GROUP)
public final class TemporalFeatures implements FeatureExtractor {
    static final String GROUP = "temporal";
    static final int SLOTS = 20;

    @Override
    public String group() {
        return GROUP;
    }

    @Override
    public FeatureBlock fit(List<Project> training, TimePoint tp, long seed) {
        Columns cols = new Columns(GROUP, tp);
        for (int k = 1; k <= SLOTS; k++) {
            cols.add("commentsSlot" + k, k <= SLOTS / 2 ? TimePoint.TP2 : TimePoint.TP3);
        }
        List<Feature> features = cols.build();
        return new FeatureBlock() {
            @Override
            public List<Feature> features() {
                return features;
            }

            @Override
            public double[] extract(Project p) {
                double[] v = new double[features.size()];
                double total = TimePoints.fundraisingDays(p);
                if (v.length == 0 || total <= 0) {
                    return v;
                }
                for (Comment c : p.comments()) {
                    double d = TimePoints.days(p.launchTime(), c.time());
                    if (d < 0 || d > total || !TimePoints.visible(p, tp, c.time())) {
                        continue;
                    }
                    int slot = Math.min(SLOTS - 1, (int) Math.floor(d / total * SLOTS));
                    if (slot < v.length) {
                        v[slot]++;
                    }
                }
                return v;
            }
        };
    }
}
