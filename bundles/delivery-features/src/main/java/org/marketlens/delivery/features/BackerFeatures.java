package org.marketlens.delivery.features;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.marketlens.api.delivery.AuthorRole;
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
 * Backer-activeness features, MODELS.md §1.4.3, available at TP4: backer comments up to TP4, distinct commenting
 * backers, and backer questions (comments containing '?').
 */
@Component(service = FeatureExtractor.class, property = PluginProperties.NAME + "=" + BackerFeatures.GROUP)
public final class BackerFeatures implements FeatureExtractor {
    static final String GROUP = "backer";

    @Override
    public String group() {
        return GROUP;
    }

    @Override
    public FeatureBlock fit(List<Project> training, TimePoint tp, long seed) {
        List<Feature> features = new Columns(GROUP, tp).add("nBackerComments", TimePoint.TP4)
                .add("nCommentingBackers", TimePoint.TP4).add("nBackerQuestions", TimePoint.TP4).build();
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
                Instant c4 = TimePoints.cutoff(p, TimePoint.TP4);
                Set<String> authors = new HashSet<>();
                for (Comment c : p.comments()) {
                    if (c.role() == AuthorRole.BACKER && !c.time().isAfter(c4)) {
                        v[0]++;
                        authors.add(c.authorId());
                        v[2] += Activity.isQuestion(c) ? 1 : 0;
                    }
                }
                v[1] = authors.size();
                return v;
            }
        };
    }
}
