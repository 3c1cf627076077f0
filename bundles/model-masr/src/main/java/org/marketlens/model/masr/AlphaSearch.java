package org.marketlens.model.masr;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.DoubleFunction;

/**
 * The optional α choice of A-28: every α of the grid {0, 0.1, ..., 1} is scored on the validation cases and the best
 * kept. Equal validation values go to the α closest to the paper's 0.5, then to the smaller α, so the choice never
 * depends on the grid's order.
 */
final class AlphaSearch {
    /** Number of steps of the grid: α = k / STEPS for k = 0..STEPS. */
    static final int STEPS = 10;

    private AlphaSearch() {
    }

    /**
     * @param validation the validation metric (higher is better) of the fusion with a given α
     * @return every α of the grid with its validation value, in grid order
     * @throws IllegalStateException when the split has no validation cases
     */
    static Map<Double, Double> scan(DoubleFunction<OptionalDouble> validation) {
        Map<Double, Double> values = new LinkedHashMap<>();
        for (int k = 0; k <= STEPS; k++) {
            double alpha = k / (double) STEPS;
            OptionalDouble v = validation.apply(alpha);
            if (v.isEmpty()) {
                throw new IllegalStateException("MASR tuneAlpha needs validation cases, and the split has none");
            }
            values.put(alpha, v.getAsDouble());
        }
        return values;
    }

    /**
     * @param values α → validation value, as {@link #scan} returns
     * @return the best α
     */
    static double best(Map<Double, Double> values) {
        double best = Double.NaN;
        double bestValue = Double.NEGATIVE_INFINITY;
        for (Map.Entry<Double, Double> e : values.entrySet()) {
            double alpha = e.getKey();
            double v = e.getValue();
            boolean better = v > bestValue || Double.isNaN(best)
                    || v == bestValue && closer(alpha, best);
            if (better && !Double.isNaN(v)) {
                best = alpha;
                bestValue = v;
            }
        }
        if (Double.isNaN(best)) {
            throw new IllegalStateException("MASR tuneAlpha: no α has a validation value, got " + values);
        }
        return best;
    }

    private static boolean closer(double alpha, double than) {
        // distances in grid steps, rounded, so that 0.4 and 0.6 are equally close despite binary fractions
        long a = Math.round(Math.abs(alpha - MasrFusion.DEFAULT_ALPHA) * STEPS);
        long b = Math.round(Math.abs(than - MasrFusion.DEFAULT_ALPHA) * STEPS);
        return a < b || a == b && alpha < than;
    }
}
