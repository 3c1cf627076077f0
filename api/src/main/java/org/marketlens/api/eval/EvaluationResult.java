package org.marketlens.api.eval;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Per-case metric values of one model on one set of cases, so that paired significance tests are possible.
 *
 * @param protocol      protocol name
 * @param metrics       metric names in display order; the first is the one model selection uses
 * @param users         user of each case
 * @param values        metric name to one value per case (same order as {@code users})
 */
public record EvaluationResult(String protocol, List<String> metrics, int[] users, Map<String, double[]> values) {
    public EvaluationResult {
        metrics = List.copyOf(metrics);
        values = Map.copyOf(values);
        for (String m : metrics) {
            double[] v = values.get(m);
            if (v == null || v.length != users.length) {
                throw new IllegalArgumentException("metric " + m + " needs one value per case");
            }
        }
    }

    /** @return mean of a metric over the cases (NaN when there are none) */
    public double mean(String metric) {
        double[] v = values.get(metric);
        if (v == null) {
            throw new IllegalArgumentException("no metric " + metric + " in " + metrics);
        }
        return Arrays.stream(v).average().orElse(Double.NaN);
    }

    /** @return name of the metric used for model selection */
    public String primaryMetric() {
        return metrics.get(0);
    }
}
