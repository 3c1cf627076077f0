package org.marketlens.framework.delivery;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.marketlens.api.delivery.Feature;
import org.marketlens.api.delivery.FeatureBlock;
import org.marketlens.api.delivery.FeatureExtractor;
import org.marketlens.api.delivery.FeatureMatrix;
import org.marketlens.api.delivery.FeatureSelector;
import org.marketlens.api.delivery.Project;
import org.marketlens.api.delivery.Selection;
import org.marketlens.api.delivery.TimePoint;

/**
 * Assembles feature matrices at a time point (MODELS.md §1.4.7) and runs selection chains (§1.6). Extraction
 * always goes through {@link TimePoints#visibleAt}, so no block sees data after the time point or any label.
 */
public final class FeaturePipeline {
    private FeaturePipeline() {
    }

    /**
     * @param extractors feature groups
     * @param training   training projects (labels visible: some groups select categories by label, A-12)
     * @param tp         time point
     * @param seed       seed
     * @return one fitted block per extractor
     */
    public static List<FeatureBlock> fit(List<FeatureExtractor> extractors, List<Project> training, TimePoint tp,
            long seed) {
        List<FeatureBlock> out = new ArrayList<>();
        for (FeatureExtractor e : extractors) {
            FeatureBlock b = e.fit(training, tp, seed);
            for (Feature f : b.features()) {
                if (!tp.includes(f.availableFrom())) {
                    throw new IllegalStateException(e.group() + " made " + f.name() + " (from " + f.availableFrom()
                            + ") at " + tp);
                }
            }
            out.add(b);
        }
        return out;
    }

    /**
     * @param blocks   fitted blocks
     * @param projects projects to featurise
     * @param tp       the time point the blocks were fitted for
     * @return one row per project, columns of all blocks in order
     */
    public static FeatureMatrix extract(List<FeatureBlock> blocks, List<Project> projects, TimePoint tp) {
        List<Feature> features = new ArrayList<>();
        for (FeatureBlock b : blocks) {
            features.addAll(b.features());
        }
        double[][] rows = new double[projects.size()][features.size()];
        for (int i = 0; i < projects.size(); i++) {
            Project view = TimePoints.visibleAt(projects.get(i), tp);
            int c = 0;
            for (FeatureBlock b : blocks) {
                double[] v = b.extract(view);
                System.arraycopy(v, 0, rows[i], c, v.length);
                c += v.length;
            }
        }
        return new FeatureMatrix(features, rows);
    }

    /**
     * Runs selectors one after another, each on the columns the previous one kept.
     *
     * @return the final kept columns; scores merged over all steps (later steps win)
     */
    public static Selection select(List<FeatureSelector> selectors, FeatureMatrix x, double[] y, long seed) {
        FeatureMatrix cur = x;
        Map<String, Double> scores = new HashMap<>();
        Selection last = new Selection(x.names(), Map.of());
        for (FeatureSelector s : selectors) {
            last = s.select(cur, y, seed);
            scores.putAll(last.scores());
            cur = cur.select(last.kept());
        }
        return new Selection(last.kept(), scores);
    }

    /**
     * @return the matrix without columns whose group is in {@code groups} or whose name is in {@code names}
     */
    public static FeatureMatrix drop(FeatureMatrix x, Set<String> groups, Set<String> names) {
        List<String> keep = new ArrayList<>();
        for (Feature f : x.features()) {
            if (!groups.contains(f.group()) && !names.contains(f.name())) {
                keep.add(f.name());
            }
        }
        return x.select(keep);
    }

    /** @return the matrix with only the columns whose group is in {@code groups} */
    public static FeatureMatrix only(FeatureMatrix x, Set<String> groups) {
        List<String> keep = new ArrayList<>();
        for (Feature f : x.features()) {
            if (groups.contains(f.group())) {
                keep.add(f.name());
            }
        }
        return x.select(keep);
    }
}
