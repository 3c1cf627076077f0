package org.marketlens.framework.nn;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.marketlens.api.data.InteractionData;
import org.marketlens.api.nn.ScoreInputs;
import org.marketlens.framework.nn.kernel.KernelBatch;
import org.marketlens.framework.nn.kernel.KernelModel;
import org.marketlens.framework.nn.kernel.KernelParameters;
import org.marketlens.framework.nn.kernel.KernelTraining;
import org.marketlens.framework.nn.kernel.ScoreKernel;
import org.marketlens.framework.testing.FixedTrainingContext;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Compares a model's {@link ScoreKernel} with its SameDiff score graph, the reference: scores, and the gradient of
 * {@code Σ_r w_r · score_r} for random weights {@code w} with respect to every parameter. Used by every kernel's
 * tests; the rows are scored by two workers on two halves, as the trainer's threads do.
 */
public final class KernelCheck {
    private KernelCheck() {
    }

    /**
     * @param scores    the largest |kernel − graph| / max(1, |graph|) over the scores
     * @param gradients per parameter, the largest |kernel − graph| / max(floor, max |graph|) over its entries
     */
    public record Result(double scores, Map<String, Double> gradients) {
        /** @return the worst of all differences */
        public double worst() {
            return Math.max(scores, gradients.values().stream().mapToDouble(Double::doubleValue).max().orElse(0));
        }
    }

    /**
     * @param model   the model (its graph is the reference)
     * @param batch   the rows to score
     * @param seed    seeds the parameters (the model's initialisation times {@code scale}) and the weights {@code w}
     * @param scale   factor on the initial parameters, so tanh units leave their linear range
     * @return the differences
     */
    public static Result compare(KernelModel model, KernelBatch batch, long seed, double scale) {
        Nd4jRuntime.ensureLoaded();
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, INDArray> parameters = new LinkedHashMap<>();
        TrainingGraph.initialParameters(model, random.split()).forEach((k, v) -> parameters.put(k, v.muli(scale)));
        float[] weights = new float[batch.rows()];
        for (int r = 0; r < weights.length; r++) {
            weights[r] = (float) (random.nextDouble() * 2 - 1);
        }

        SameDiff sd = SameDiff.create();
        Map<String, SDVariable> variables = new LinkedHashMap<>();
        parameters.forEach((k, v) -> variables.put(k, sd.var(k, v.dup())));
        int s = batch.contextSize();
        // Context and mask are placeholders, as in the training graph: ND4J M1.1 names a gradient for a constant the
        // mask feeds twice ("<name>-grad" already exists), e.g. SDM's prepared mask terms.
        Map<String, INDArray> feed = new LinkedHashMap<>();
        if (s > 0) {
            feed.put("context", Nd4j.createFromArray(batch.context()).reshape(batch.rows(), s));
            feed.put("contextMask", Nd4j.createFromArray(batch.mask()).reshape(batch.rows(), s));
        }
        ScoreInputs in = new ScoreInputs(sd.constant("users", Nd4j.createFromArray(batch.users())),
                sd.constant("items", Nd4j.createFromArray(batch.items())),
                s > 0 ? sd.placeHolder("context", DataType.INT, -1, s) : null,
                s > 0 ? sd.placeHolder("contextMask", DataType.FLOAT, -1, s) : null);
        SDVariable score = model.score(sd, variables::get, in);
        SDVariable objective = score.mul(sd.constant("w", Nd4j.createFromArray(weights))).sum();
        objective.markAsLoss();
        INDArray graphScores = score.eval(feed).castTo(DataType.FLOAT);
        Map<String, INDArray> graphGradients = sd.calculateGradients(feed, List.copyOf(variables.keySet()));

        KernelParameters kernelParameters = KernelParameters.copyOf(parameters);
        KernelParameters kernelGradients = kernelParameters.zerosLike();
        ScoreKernel kernel = model.kernel();
        int half = batch.rows() / 2;
        ScoreKernel.Worker first = kernel.worker(kernelParameters, batch.rows());
        ScoreKernel.Worker second = kernel.worker(kernelParameters, batch.rows());
        float[] scores = new float[batch.rows()];
        first.forward(batch, 0, half, scores);
        second.forward(batch, half, batch.rows(), scores);
        first.backward(batch, 0, half, weights, kernelGradients);
        second.backward(batch, half, batch.rows(), weights, kernelGradients);

        double scoreDiff = 0;
        for (int r = 0; r < scores.length; r++) {
            double g = graphScores.getDouble(r);
            scoreDiff = Math.max(scoreDiff, Math.abs(scores[r] - g) / Math.max(1, Math.abs(g)));
        }
        Map<String, Double> gradientDiffs = new LinkedHashMap<>();
        for (String name : parameters.keySet()) {
            float[] expected = graphGradients.get(name).castTo(DataType.FLOAT).dup('c').data().asFloat();
            float[] actual = kernelGradients.values(name);
            double largest = 1e-3;
            for (float e : expected) {
                largest = Math.max(largest, Math.abs(e));
            }
            double worst = 0;
            for (int i = 0; i < expected.length; i++) {
                worst = Math.max(worst, Math.abs(actual[i] - expected[i]) / largest);
            }
            gradientDiffs.put(name, worst);
        }
        return new Result(scoreDiff, gradientDiffs);
    }

    /**
     * Rows without context for a model of at least 5 users and 7 items: repeated users and items (scatter-adds of
     * one row from several rows), then a spread of other rows.
     */
    public static final List<KernelBatch> PAIR_BATCHES = List.of(
            new KernelBatch(new int[] {0, 0, 3, 0, 3, 1}, new int[] {2, 2, 5, 6, 2, 0}),
            new KernelBatch(new int[] {4, 1, 2, 0, 3, 4, 2, 1, 0, 3, 4}, new int[] {6, 0, 1, 3, 4, 5, 2, 6, 1, 0, 3}));

    /**
     * Fails unless the kernel equals the graph ({@link #compare}, worst below 1e-4) on every batch at every scale;
     * prints each worst difference so the margins show in the build log.
     *
     * @param seed the first seed; each (batch, scale) pair takes the next
     */
    public static void assertEqualsGraph(String label, KernelModel model, List<KernelBatch> batches, long seed,
            double... scales) {
        for (KernelBatch batch : batches) {
            for (double scale : scales) {
                Result r = compare(model, batch, seed++, scale);
                if (!(r.worst() < 1e-4)) {
                    throw new AssertionError(batch.rows() + " rows, scale " + scale + ": " + r);
                }
                System.out.printf("%s kernel vs graph, %d rows, scale %.0f: worst %.2e%n", label, batch.rows(), scale,
                        r.worst());
            }
        }
    }

    /**
     * Training a model through its kernel and through its graph, from the same initial parameters and batches.
     *
     * @param kernelLoss  the kernel run's mean objective of its last epoch
     * @param graphLoss   the graph run's
     * @param paths       the {@code train.kernels} records of the two runs (expected {@code [true, false]})
     * @param parameters  per parameter, the largest |kernel − graph| over its entries after training
     */
    public record Training(double kernelLoss, double graphLoss, List<Object> paths, Map<String, Double> parameters) {
        /**
         * Fails unless the kernel run took the kernel path and the graph run the graph, the last epochs' objectives
         * agree to {@code relativeLoss} and every parameter but {@code skip} to {@code absolute}.
         *
         * @param skip parameters the objective does not depend on (e.g. an output bias that cancels in
         *             {@code score_neg − score_pos}): their gradient is rounding residue, which Adam amplifies
         */
        /** @return the largest parameter difference over every parameter */
        public double largest() {
            return parameters.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        }

        public void assertEquivalent(double relativeLoss, double absolute, String... skip) {
            if (!paths.equals(List.of(true, false))) {
                throw new AssertionError("expected the kernel path then the graph path, recorded " + paths);
            }
            if (Math.abs(kernelLoss - graphLoss) > relativeLoss * Math.abs(graphLoss)) {
                throw new AssertionError("last epoch's objective: kernel " + kernelLoss + ", graph " + graphLoss);
            }
            Set<String> skipped = Set.of(skip);
            parameters.forEach((name, worst) -> {
                if (!skipped.contains(name) && !(worst < absolute)) {
                    throw new AssertionError(name + ": largest difference " + worst + " (all: " + parameters + ")");
                }
            });
        }
    }

    /**
     * Trains {@code model} twice with {@link SameDiffTraining}, once with kernels on and once off
     * ({@value KernelTraining#ENABLED}), restoring the property afterwards.
     *
     * @param context a fresh context per run (same seed, loss, sampler and epochs for both)
     */
    public static Training compareTraining(String name, KernelModel model, InteractionData data,
            NeuralSettings settings, Supplier<FixedTrainingContext> context) {
        FixedTrainingContext kernelContext = context.get();
        FixedTrainingContext graphContext = context.get();
        Map<String, INDArray> kernel = trainWithKernels(true, name, model, data, settings, kernelContext);
        Map<String, INDArray> graph = trainWithKernels(false, name, model, data, settings, graphContext);
        Map<String, Double> differences = new LinkedHashMap<>();
        graph.forEach((parameter, expectedArray) -> {
            float[] expected = expectedArray.castTo(DataType.FLOAT).dup('c').data().asFloat();
            float[] actual = kernel.get(parameter).castTo(DataType.FLOAT).dup('c').data().asFloat();
            double worst = 0;
            for (int i = 0; i < expected.length; i++) {
                worst = Math.max(worst, Math.abs(expected[i] - actual[i]));
            }
            differences.put(parameter, worst);
        });
        return new Training((Double) kernelContext.recorded.get("train.lastEpochLoss"),
                (Double) graphContext.recorded.get("train.lastEpochLoss"),
                Arrays.asList(kernelContext.recorded.get("train.kernels"), graphContext.recorded.get("train.kernels")),
                differences);
    }

    private static Map<String, INDArray> trainWithKernels(boolean kernels, String name, KernelModel model,
            InteractionData data, NeuralSettings settings, FixedTrainingContext context) {
        String previous = System.getProperty(KernelTraining.ENABLED);
        System.setProperty(KernelTraining.ENABLED, Boolean.toString(kernels));
        try {
            return new LinkedHashMap<>(SameDiffTraining.train(name, model, data, settings, context, p -> null));
        } finally {
            if (previous == null) {
                System.clearProperty(KernelTraining.ENABLED);
            } else {
                System.setProperty(KernelTraining.ENABLED, previous);
            }
        }
    }
}
