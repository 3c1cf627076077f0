package org.marketlens.delivery.selection;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.marketlens.api.delivery.Feature;
import org.marketlens.api.delivery.FeatureMatrix;
import org.marketlens.api.delivery.FeatureSelector;
import org.marketlens.api.delivery.Selection;
import org.marketlens.api.rec.PluginProperties;
import org.marketlens.framework.delivery.stats.LeastSquares;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Iterative VIF elimination (MODELS.md §1.6): {@code VIF_i = 1/(1 − R_i²)} from an OLS of feature i on all other
 * remaining numeric features; while the largest VIF is at least the threshold (10), drop that one feature and
 * recompute. Categorical (one-hot) columns are kept and take no part. Missing values are imputed with 0. Constant
 * columns (VIF = +inf) are all dropped before the first round.
 */
@Component(service = FeatureSelector.class, property = PluginProperties.NAME + "=" + VifSelector.NAME)
@Designate(ocd = VifSelector.Config.class)
public final class VifSelector implements FeatureSelector {
    static final String NAME = "vif";

    /** Configuration. */
    @ObjectClassDefinition(name = "VIF feature elimination")
    public @interface Config {
        /** @return threshold */
        @AttributeDefinition(description = "drop while max VIF >= threshold (MODELS.md §1.6: 10)")
        double threshold() default 10.0;
    }

    private double threshold = 10.0;

    @Activate
    void activate(Config c) {
        threshold = c.threshold();
    }

    @Override
    public Selection select(FeatureMatrix x, double[] y, long seed) {
        List<Integer> numeric = new ArrayList<>();
        for (int j = 0; j < x.numColumns(); j++) {
            if (!x.features().get(j).categorical()) {
                numeric.add(j);
            }
        }
        Map<String, Double> scores = new HashMap<>();
        // a constant column has VIF = +inf whatever the others (R² = 1 by LeastSquares' convention): drop all of
        // them at once instead of one per iteration, each iteration refitting every remaining column (groups without
        // data in a source, e.g. comments in kickstarter-15k, give tens of such columns)
        for (Iterator<Integer> it = numeric.iterator(); it.hasNext();) {
            int j = it.next();
            if (constant(x, j)) {
                scores.put(x.features().get(j).name(), Double.POSITIVE_INFINITY);
                it.remove();
            }
        }
        while (numeric.size() > 1) {
            double[] vif = vifs(x, numeric);
            int worst = 0;
            for (int k = 1; k < vif.length; k++) {
                if (vif[k] > vif[worst]) {
                    worst = k;
                }
            }
            for (int k = 0; k < vif.length; k++) {
                scores.put(x.features().get(numeric.get(k)).name(), vif[k]);
            }
            if (vif[worst] < threshold) {
                break;
            }
            numeric.remove(worst);
        }
        List<String> kept = new ArrayList<>();
        for (int j = 0; j < x.numColumns(); j++) {
            Feature f = x.features().get(j);
            if (f.categorical() || numeric.contains(j)) {
                kept.add(f.name());
            }
        }
        return new Selection(kept, scores);
    }

    /** @return whether column j takes one value on every row (missing values read as 0, as below) */
    private static boolean constant(FeatureMatrix x, int j) {
        double first = Double.NaN;
        for (double[] row : x.rows()) {
            double v = Double.isNaN(row[j]) ? 0 : row[j];
            if (Double.isNaN(first)) {
                first = v;
            } else if (v != first) {
                return false;
            }
        }
        return true;
    }

    /** @return VIF of each listed column against the other listed columns */
    static double[] vifs(FeatureMatrix x, List<Integer> cols) {
        int n = x.numRows();
        double[] out = new double[cols.size()];
        for (int k = 0; k < cols.size(); k++) {
            double[][] others = new double[n][cols.size() - 1];
            double[] target = new double[n];
            for (int i = 0; i < n; i++) {
                int c = 0;
                for (int o = 0; o < cols.size(); o++) {
                    double v = x.rows()[i][cols.get(o)];
                    v = Double.isNaN(v) ? 0 : v;
                    if (o == k) {
                        target[i] = v;
                    } else {
                        others[i][c++] = v;
                    }
                }
            }
            double r2 = LeastSquares.fit(others, target).r2();
            out[k] = r2 >= 1.0 - 1e-12 ? Double.POSITIVE_INFINITY : 1.0 / (1.0 - r2);
        }
        return out;
    }
}
