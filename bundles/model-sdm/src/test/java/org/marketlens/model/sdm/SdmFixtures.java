package org.marketlens.model.sdm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.marketlens.api.data.InteractionData;
import org.marketlens.api.nn.ScoreInputs;
import org.marketlens.api.rec.HyperParameter;
import org.marketlens.framework.nn.GradientCheck;
import org.marketlens.framework.nn.KernelCheck;
import org.marketlens.framework.nn.NeuralSettings;
import org.marketlens.framework.nn.kernel.KernelBatch;
import org.marketlens.framework.nn.kernel.KernelParameters;
import org.marketlens.framework.nn.kernel.ScoreKernel;
import org.marketlens.loss.bpr.BprLoss;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Inputs and checks shared by the SDM model tests (one place, so the option tests cannot drift apart): the
 * hand-set d = 1 parameters, graph and kernel scores of given rows, the four-triple batch of the finite-difference
 * checks, left-padded random kernel batches, and the validation of a string-valued setting.
 */
final class SdmFixtures {
    private SdmFixtures() {
    }

    /** Users, positives, negatives, context and mask of the graphs' finite-difference checks (2 users, 6 items, s = 3). */
    static final int[] GRADIENT_USERS = {0, 1, 1, 0};
    static final int[] GRADIENT_POSITIVES = {1, 2, 5, 0};
    static final int[] GRADIENT_NEGATIVES = {3, 4, 0, 2};
    static final int[][] GRADIENT_CONTEXT = {{2, 3, 0}, {4, 0, 0}, {1, 2, 3}, {5, 0, 0}};
    static final float[][] GRADIENT_MASK = {{1, 1, 0}, {1, 0, 0}, {1, 1, 1}, {1, 0, 0}};

    /** The largest relative error of the graph's BPR gradient against finite differences on the four triples. */
    static double bprGradientError(SdmModel model, long seed, int samples) {
        return GradientCheck.maxRelativeError(model, new BprLoss(), GRADIENT_USERS, GRADIENT_POSITIVES,
                GRADIENT_NEGATIVES, GRADIENT_CONTEXT, GRADIENT_MASK, seed, samples);
    }

    static INDArray row(float... values) {
        return Nd4j.createFromArray(new float[][] {values});
    }

    /**
     * d = 1, f = identity, one user, context items 1 and 2 (both valid), target item 0; {@code [u_in, u_out] = [1, 0.5]},
     * item rows {@code [v_in, v_out]}: 0 → [0.5, 1], 1 → [0, 1], 2 → [1, 0.5]; {@code W_a = W_b = [1, 1]},
     * {@code W_c = [1, −1]}, {@code W_d = [0, 1]}, {@code W_g = 1}, {@code w_e = 1}, every bias 0. Then
     * {@code q^(1) = 1.5}, {@code out_k = v_out,k² = (1, 0.25)}, {@code z_k = (q − v_in,k)²}. A fresh, mutable map.
     */
    static Map<String, INDArray> handSetParameters() {
        Map<String, INDArray> p = new LinkedHashMap<>();
        p.put(SdmModel.USER_MEMORY, row(1f, 0.5f));
        p.put(SdmModel.ITEM_MEMORY, Nd4j.createFromArray(new float[][] {{0.5f, 1f}, {0f, 1f}, {1f, 0.5f}}));
        p.put(SdmModel.W_A, row(1f, 1f));
        p.put(SdmModel.W_B, row(1f, 1f));
        p.put(SdmModel.W_C, row(1f, -1f));
        p.put(SdmModel.W_D, row(0f, 1f));
        for (String b : new String[] {SdmModel.B_A, SdmModel.B_B, SdmModel.B_C, SdmModel.B_D, SdmModel.B_G,
                SdmModel.EDGE_BIAS}) {
            p.put(b, Nd4j.createFromArray(0f));
        }
        p.put(SdmModel.W_G, Nd4j.createFromArray(new float[][] {{1f}}));
        p.put(SdmModel.EDGE, Nd4j.createFromArray(1f));
        return p;
    }

    /** The parameters and the rows {@code (user, item, context)} as constants of {@code sd}. */
    private static ScoreInputs constants(SameDiff sd, Map<String, INDArray> p, int[] users, int[] items,
            int[][] context, float[][] mask) {
        p.forEach(sd::constant);
        return new ScoreInputs(sd.constant("users", Nd4j.createFromArray(users)),
                sd.constant("items", Nd4j.createFromArray(items)), sd.constant("context", Nd4j.createFromArray(context)),
                sd.constant("contextMask", Nd4j.createFromArray(mask)));
    }

    /** Evaluates one part of the forward graph of rows {@code (user, item, context)} on constant parameters. */
    static INDArray evaluate(SdmModel model, Map<String, INDArray> p, int[] users, int[] items, int[][] context,
            float[][] mask, Function<SdmModel.Forward, SDVariable> part) {
        SameDiff sd = SameDiff.create();
        ScoreInputs in = constants(sd, p, users, items, context, mask);
        return part.apply(model.forward(sd, sd::getVariable, in)).eval();
    }

    /** The graph's scores of rows {@code (user, item, context)} on constant parameters. */
    static float[] graphScores(SdmModel model, Map<String, INDArray> p, int[] users, int[] items, int[][] context,
            float[][] mask) {
        SameDiff sd = SameDiff.create();
        ScoreInputs in = constants(sd, p, users, items, context, mask);
        return model.score(sd, sd::getVariable, in).eval().castTo(DataType.FLOAT).toFloatVector();
    }

    /** The serving kernel's scores of the same rows ({@code model.contextSize()} slots each). */
    static float[] kernelScores(SdmModel model, Map<String, INDArray> p, int[] users, int[] items, int[][] context,
            float[][] mask) {
        int s = model.contextSize();
        int[] flatContext = Arrays.stream(context).flatMapToInt(Arrays::stream).toArray();
        float[] flatMask = new float[mask.length * s];
        for (int r = 0; r < mask.length; r++) {
            System.arraycopy(mask[r], 0, flatMask, r * s, s);
        }
        float[] scores = new float[users.length];
        model.kernel().worker(KernelParameters.copyOf(p), users.length)
                .forward(new KernelBatch(users, items, s, flatContext, flatMask), 0, users.length, scores);
        return scores;
    }

    /**
     * Two epochs (rate 0.001, batches of 16, BPR, trainer seed 9) through the kernel (KernelTraining) equal two
     * through the graph from the same start: losses within 1e-5, parameters within 1e-4, {@code b_e} left out (BPR
     * does not depend on it, so Adam turns the graph's rounding residue into steps of its own).
     */
    static void assertKernelTrainingEqualsGraph(String label, SdmModel model, InteractionData data) {
        KernelCheck.Training training = KernelCheck.compareTraining("SDM", model, data,
                new NeuralSettings(0.001, 16, 2), () -> KernelCheck.trainingContext(9, new BprLoss()));
        training.assertEquivalent(1e-5, 1e-4, SdmModel.EDGE_BIAS);
        System.out.printf("%s training, kernel vs graph: largest parameter difference %.2e%n", label,
                training.largest());
    }

    /**
     * Triples as the trainer lays them out, {@code s} slots each, padding first (oldest side): triple {@code t} has
     * {@code fixedValid.get(t)} valid slots where given, else {@code 1 + random(s)}; every slot points at a random item.
     */
    static KernelBatch leftPaddedTriples(int users, int items, int triples, int s, long seed,
            Map<Integer, Integer> fixedValid) {
        return KernelCheck.triples(users, items, triples, s, seed, (t, random, context, mask) -> {
            int valid = fixedValid.containsKey(t) ? fixedValid.get(t) : 1 + random.nextInt(s);
            for (int k = 0; k < s; k++) {
                context[k] = random.nextInt(items);
                mask[k] = k >= s - valid ? 1f : 0f;
            }
        });
    }

    /**
     * The kernel workers of {@code expected} and {@code actual} (made by {@code worker}) give bit-identical scores and
     * gradients of every parameter on the same batch, parameters and weights.
     */
    static void assertSameKernelPass(SdmModel expected, SdmModel actual, KernelParameters parameters,
            KernelBatch batch, float[] weights, Function<SdmModel, ScoreKernel.Worker> worker) {
        float[][] scores = new float[2][batch.rows()];
        KernelParameters[] gradients = new KernelParameters[2];
        int m = 0;
        for (SdmModel model : List.of(expected, actual)) {
            ScoreKernel.Worker w = worker.apply(model);
            w.forward(batch, 0, batch.rows(), scores[m]);
            gradients[m] = parameters.zerosLike();
            w.backward(batch, 0, batch.rows(), weights, gradients[m]);
            m++;
        }
        assertArrayEquals(scores[0], scores[1], 0f);
        for (String name : parameters.names()) {
            assertArrayEquals(gradients[0].values(name), gradients[1].values(name), 0f, name);
        }
    }

    /**
     * {@code parse} refuses each of {@code bad} with a message that quotes it and names every one of {@code words}
     * (the valid values, and the setting where the parser gives it).
     */
    static void assertRefused(Function<String, ?> parse, String[] bad, String... words) {
        for (String value : bad) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse.apply(value));
            boolean named = e.getMessage().contains("'" + value + "'");
            for (String word : words) {
                named = named && e.getMessage().contains(word);
            }
            assertTrue(named, e.getMessage());
        }
    }

    /** Provider values of a d = 4, s = 3, λ = 0 model plus the given keys and values: a fresh, mutable map. */
    static Map<String, Object> providerValues(int users, int items, int hops, Object... keysAndValues) {
        Map<String, Object> values = new HashMap<>(Map.of("numUsers", users, "numItems", items, "dim", 4, "hops",
                hops, "contextSize", 3, "lambda", 0.0));
        for (int i = 0; i < keysAndValues.length; i += 2) {
            values.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return values;
    }

    /** The hyper-parameter {@code name} as the provider lists it. */
    static HyperParameter listed(String name) {
        return new SdmProvider().hyperParameters().stream().filter(h -> h.name().equals(name)).findFirst()
                .orElseThrow();
    }
}
