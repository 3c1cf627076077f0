package org.marketlens.framework.nn;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.marketlens.api.nn.DifferentiableModel;
import org.marketlens.api.nn.Loss;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Finite-difference check of SameDiff gradients of a (model, loss) objective in double precision: central
 * differences on {@code probes} random entries of every parameter. Used by every model bundle's tests.
 */
public final class GradientCheck {
    private GradientCheck() {
    }

    /**
     * @return the largest relative error |analytic − numeric| / max(1e-8, |analytic| + |numeric|) over the probes
     */
    public static double maxRelativeError(DifferentiableModel model, Loss loss, int[] users, int[] positives,
            int[] negatives, long seed, int probes) {
        return check(model, loss, users, positives, negatives, null, null, seed, probes, 1e-8);
    }

    /**
     * The check for a model with a context size {@code s}.
     *
     * @param context {@code [batch][s]} context items, or {@code null} for a model without context
     * @param mask    {@code [batch][s]} 1 = real item, 0 = padding, or {@code null}
     * @return the largest relative error |analytic − numeric| / max(1e-6, |analytic| + |numeric|) over the probes:
     *         the larger floor keeps gradients of saturated tanh units (about 1e-8, where the central difference
     *         itself is only accurate to about 1e-10) from counting as failures
     */
    public static double maxRelativeError(DifferentiableModel model, Loss loss, int[] users, int[] positives,
            int[] negatives, int[][] context, float[][] mask, long seed, int probes) {
        return check(model, loss, users, positives, negatives, context, mask, seed, probes, 1e-6);
    }

    /**
     * The check for a model that uses groups ({@link DifferentiableModel#usesGroups()}), without context, at a
     * chosen scale of the initial parameters (the other checks use 10; distance models whose score is quartic in
     * the parameters, like MDR's metric times distance, saturate the pairwise loss there).
     *
     * @param groups the group of each triple, or {@code null} for a model that uses none
     * @param scale  factor on the model's initial parameters
     * @return the largest relative error |analytic − numeric| / max(1e-8, |analytic| + |numeric|) over the probes
     */
    public static double maxRelativeError(DifferentiableModel model, Loss loss, int[] users, int[] groups,
            int[] positives, int[] negatives, double scale, long seed, int probes) {
        return check(model, loss, users, positives, negatives, null, null, groups, scale, seed, probes, 1e-8);
    }

    private static double check(DifferentiableModel model, Loss loss, int[] users, int[] positives,
            int[] negatives, int[][] context, float[][] mask, long seed, int probes, double floor) {
        return check(model, loss, users, positives, negatives, context, mask, null, 10, seed, probes, floor);
    }

    private static double check(DifferentiableModel model, Loss loss, int[] users, int[] positives,
            int[] negatives, int[][] context, float[][] mask, int[] groups, double scale, long seed, int probes,
            double floor) {
        Nd4jRuntime.ensureLoaded();
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, INDArray> parameters = new LinkedHashMap<>();
        TrainingGraph.initialParameters(model, random.split())
                .forEach((k, v) -> parameters.put(k, v.castTo(DataType.DOUBLE).muli(scale)));
        TrainingGraph graph = new TrainingGraph(model, parameters, loss);
        graph.feed(users, positives, negatives, context == null ? null : Nd4j.createFromArray(context),
                mask == null ? null : Nd4j.createFromArray(mask), groups);
        loss.beforeStep(graph);
        List<String> names = List.copyOf(parameters.keySet());
        Map<String, INDArray> analytic = graph.gradients(names);
        double worst = 0;
        double h = 1e-5;
        for (String name : names) {
            INDArray p = parameters.get(name);
            INDArray flat = p.reshape(p.length());
            INDArray g = analytic.get(name).reshape(p.length());
            for (int probe = 0; probe < probes; probe++) {
                long at = random.nextLong(p.length());
                double original = flat.getDouble(at);
                flat.putScalar(at, original + h);
                double plus = objective(graph);
                flat.putScalar(at, original - h);
                double minus = objective(graph);
                flat.putScalar(at, original);
                double numeric = (plus - minus) / (2 * h);
                double a = g.getDouble(at);
                worst = Math.max(worst, Math.abs(a - numeric) / Math.max(floor, Math.abs(a) + Math.abs(numeric)));
            }
        }
        return worst;
    }

    private static double objective(TrainingGraph graph) {
        return graph.sameDiff().output(graph.currentFeed(), graph.objectiveName()).get(graph.objectiveName())
                .getDouble(0);
    }
}
