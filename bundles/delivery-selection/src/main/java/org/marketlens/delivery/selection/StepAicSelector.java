package org.marketlens.delivery.selection;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.marketlens.api.delivery.FeatureMatrix;
import org.marketlens.api.delivery.FeatureSelector;
import org.marketlens.api.delivery.Selection;
import org.marketlens.api.rec.PluginProperties;
import org.marketlens.framework.delivery.stats.LeastSquares;
import org.osgi.service.component.annotations.Component;

/**
 * stepAIC (MODELS.md §1.8): stepwise OLS selection minimising {@code AIC = N ln(RSS/N) + 2k} (k counts the
 * intercept), direction "both", starting from the full model (R {@code MASS::stepAIC} behaviour). Features are
 * transformed {@code ln(1 + x)} first (negative values keep their sign: {@code sign(x) ln(1 + |x|)}), missing
 * values imputed with 0; {@code y} is used as given (the caller passes the transformed duration).
 */
@Component(service = FeatureSelector.class, property = PluginProperties.NAME + "=" + StepAicSelector.NAME)
public final class StepAicSelector implements FeatureSelector {
    static final String NAME = "stepAIC";

    @Override
    public Selection select(FeatureMatrix x, double[] y, long seed) {
        int p = x.numColumns();
        double[][] z = new double[x.numRows()][p];
        for (int i = 0; i < z.length; i++) {
            for (int j = 0; j < p; j++) {
                double v = x.rows()[i][j];
                z[i][j] = Double.isNaN(v) ? 0 : Math.signum(v) * Math.log1p(Math.abs(v));
            }
        }
        boolean[] in = new boolean[p];
        java.util.Arrays.fill(in, true);
        double current = aic(z, y, in);
        Map<String, Double> scores = new HashMap<>();
        while (true) {
            int bestJ = -1;
            double best = current;
            for (int j = 0; j < p; j++) {
                in[j] = !in[j];
                double a = aic(z, y, in);
                in[j] = !in[j];
                if (a < best - 1e-9) {
                    best = a;
                    bestJ = j;
                }
            }
            if (bestJ < 0) {
                break;
            }
            in[bestJ] = !in[bestJ];
            current = best;
        }
        List<String> kept = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            if (in[j]) {
                kept.add(x.features().get(j).name());
                in[j] = false;
                scores.put(x.features().get(j).name(), aic(z, y, in) - current);
                in[j] = true;
            }
        }
        return new Selection(kept, scores);
    }

    /** AIC of the OLS on the columns marked {@code in}; k = rank + 1 (intercept). */
    static double aic(double[][] z, double[] y, boolean[] in) {
        int cols = 0;
        for (boolean b : in) {
            cols += b ? 1 : 0;
        }
        double[][] sub = new double[z.length][cols];
        for (int i = 0; i < z.length; i++) {
            int c = 0;
            for (int j = 0; j < in.length; j++) {
                if (in[j]) {
                    sub[i][c++] = z[i][j];
                }
            }
        }
        LeastSquares.Fit fit = LeastSquares.fit(sub, y);
        int n = y.length;
        return n * Math.log(Math.max(fit.rss(), 1e-300) / n) + 2.0 * (fit.rank() + 1);
    }
}
