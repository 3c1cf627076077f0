package org.marketlens.framework.nn;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.marketlens.api.nn.ScoreInputs;
import org.marketlens.framework.nn.kernel.KernelBatch;
import org.marketlens.framework.nn.kernel.KernelModel;
import org.marketlens.framework.nn.kernel.KernelParameters;
import org.marketlens.framework.nn.kernel.ScoreKernel;
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
}
