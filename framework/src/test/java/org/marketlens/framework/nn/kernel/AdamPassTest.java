package org.marketlens.framework.nn.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.marketlens.framework.nn.Nd4jRuntime;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.AdamUpdater;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.schedule.ScheduleType;
import org.nd4j.linalg.schedule.StepSchedule;

class AdamPassTest {
    private static float[] random(SplittableRandom r, int n, double scale) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) ((r.nextDouble() * 2 - 1) * scale);
        }
        return x;
    }

    /** ND4J's AdamUpdater for {@code reference}'s shape, zero moments: what the SameDiff path applies. */
    private static GradientUpdater<?> nd4jAdam(INDArray reference, Adam config) {
        Map<String, INDArray> state = new LinkedHashMap<>();
        state.put(AdamUpdater.M_STATE, reference.ulike().assign(0));
        state.put(AdamUpdater.V_STATE, reference.ulike().assign(0));
        return config.instantiate(state, true);
    }

    /** The float pass's parameters equal ND4J's {@code reference} after step {@code iteration} (relative 1e-5). */
    private static void assertStepMatches(INDArray reference, float[] actual, int iteration) {
        float[] expected = reference.data().asFloat();
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-5 * Math.max(1, Math.abs(expected[i])),
                    "step " + iteration + " element " + i);
        }
    }

    /**
     * A step decay (learningRateDecay): the float Adam with its rate set per epoch to {@code 0.01 · 0.5^floor(e/2)}
     * equals ND4J's AdamUpdater with {@code StepSchedule(EPOCH, 0.01, 0.5, 2)} given the epoch (the SameDiff path),
     * 10 steps per epoch over 8 epochs; the bias correction keeps following the iteration. By epoch 6 the rate is an
     * eighth: a pass that kept 0.01 drifts far from the reference.
     */
    @Test
    void decayingRateMatchesNd4jStepSchedule() {
        Nd4jRuntime.ensureLoaded();
        SplittableRandom r = new SplittableRandom(5);
        int n = 12;
        INDArray reference = Nd4j.createFromArray(random(r, n, 1)).reshape(3, 4);
        GradientUpdater<?> updater = nd4jAdam(reference,
                new Adam(new StepSchedule(ScheduleType.EPOCH, 0.01, 0.5, 2)));
        KernelParameters parameters = KernelParameters.copyOf(Map.of("p", reference));
        KernelParameters fixedParameters = KernelParameters.copyOf(Map.of("p", reference));
        KernelParameters gradients = parameters.zerosLike();
        KernelParameters fixedGradients = fixedParameters.zerosLike();
        ScoreKernel.RowPenalty none = new ScoreKernel.RowPenalty(0, "p", "p", List.of());
        AdamPass pass = new AdamPass(parameters, new KernelParameters[] {gradients}, none, 0.01);
        AdamPass fixed = new AdamPass(fixedParameters, new KernelParameters[] {fixedGradients}, none, 0.01);
        double[] rates = {0.01, 0.01, 0.005, 0.005, 0.0025, 0.0025, 0.00125, 0.00125};
        for (int iteration = 0; iteration < 80; iteration++) {
            int epoch = iteration / 10;
            float[] g = random(r, n, 1);
            INDArray gradient = Nd4j.createFromArray(g.clone()).reshape(3, 4);
            updater.applyUpdater(gradient, iteration, epoch);
            reference.subi(gradient);
            System.arraycopy(g, 0, gradients.values("p"), 0, n);
            System.arraycopy(g, 0, fixedGradients.values("p"), 0, n);
            pass.learningRate(rates[epoch]);
            pass.prepare(iteration);
            pass.run(0);
            fixed.prepare(iteration);
            fixed.run(0);
            assertStepMatches(reference, parameters.values("p"), iteration);
        }
        double drift = 0;
        for (int i = 0; i < n; i++) {
            drift = Math.max(drift, Math.abs(parameters.values("p")[i] - fixedParameters.values("p")[i]));
        }
        assertTrue(drift > 1e-2, "a fixed rate ends " + drift + " from the decayed one");
    }

    /** The float Adam equals ND4J's AdamUpdater (what the SameDiff path applies) step by step, incl. zero gradients. */
    @Test
    void adamMatchesNd4jAdamUpdater() {
        Nd4jRuntime.ensureLoaded();
        SplittableRandom r = new SplittableRandom(3);
        int n = 40;
        INDArray reference = Nd4j.createFromArray(random(r, n, 1)).reshape(10, 4);
        GradientUpdater<?> updater = nd4jAdam(reference, new Adam(0.01));
        KernelParameters parameters = KernelParameters.copyOf(Map.of("p", reference));
        KernelParameters gradients = parameters.zerosLike();
        AdamPass pass = new AdamPass(parameters, new KernelParameters[] {gradients},
                new ScoreKernel.RowPenalty(0, "p", "p", List.of()), 0.01);
        for (int iteration = 0; iteration < 300; iteration++) {
            float[] g = random(r, n, iteration % 3 == 0 ? 1e-3 : 1);
            g[iteration % n] = 0f; // a row outside the batch: its moments still decay
            INDArray gradient = Nd4j.createFromArray(g.clone()).reshape(10, 4);
            updater.applyUpdater(gradient, iteration, 0);
            reference.subi(gradient);
            System.arraycopy(g, 0, gradients.values("p"), 0, n);
            pass.prepare(iteration);
            pass.run(0);
            assertStepMatches(reference, parameters.values("p"), iteration);
            assertArrayEquals(new float[n], gradients.values("p"), "the gradient is cleared for the next step");
        }
    }

    @Test
    void firstStepMovesEveryNonZeroGradientByTheLearningRate() {
        // t = 1: m = 0.1 g, v = 0.001 g², α = lr · √0.001 / 0.1, so the step is lr · g / |g| (up to ε).
        float[] p = {1f, 2f, 3f};
        float[] g = {0.5f, -4f, 0f};
        float alpha = (float) (0.01 * Math.sqrt(0.001) / 0.1);
        AdamPass.update(p, new float[3], new float[3], g, 0, 3, alpha);
        assertArrayEquals(new float[] {0.99f, 2.01f, 3f}, p, 1e-6f);
    }

    /**
     * The penalty λ (mean over triples of ||U[u]||² + ||V[i+]||² + ||V[i−]||² + ||w||²) and its gradient, by hand,
     * with a repeated user and a repeated item; the two workers' gradients are summed and cleared.
     */
    @Test
    void penaltyAndWorkerGradientsAreSummedBeforeAdam() {
        Nd4jRuntime.ensureLoaded();
        Map<String, INDArray> arrays = new LinkedHashMap<>();
        arrays.put("U", Nd4j.createFromArray(new float[][] {{1, 2}, {3, 0}}));
        arrays.put("V", Nd4j.createFromArray(new float[][] {{0, 1}, {2, 2}, {1, 1}}));
        arrays.put("w", Nd4j.createFromArray(new float[] {0.5f, -1f}));
        arrays.put("b", Nd4j.createFromArray(new float[] {4f}));
        KernelParameters parameters = KernelParameters.copyOf(arrays);
        KernelParameters[] workers = {parameters.zerosLike(), parameters.zerosLike()};
        double lambda = 0.1;
        AdamPass pass = new AdamPass(parameters, workers, new ScoreKernel.RowPenalty(lambda, "U", "V", List.of("w")),
                0.001);
        workers[0].values("b")[0] = 1f;
        workers[1].values("b")[0] = 2f;
        workers[1].values("U")[1] = 5f;
        // Triples (u, i+, i−): (0, 1, 2), (0, 2, 0). Rows: ||U0||² = 5 twice, ||V1||² = 8, ||V2||² = 2 twice, ||V0||² = 1.
        double value = pass.rowPenalty(new int[] {0, 0}, new int[] {1, 2}, new int[] {2, 0});
        double rows = (5 + 8 + 2 + 5 + 2 + 1) / 2.0;
        assertEquals(lambda * (rows + 0.25 + 1), value, 1e-6);
        // 2λ/n = 0.1 per use: U0 is used twice, V2 twice, V1 and V0 once.
        assertArrayEquals(new float[] {0.2f, 0.4f, 0f, 0f}, workers[0].values("U"), 1e-6f);
        assertArrayEquals(new float[] {0f, 0.1f, 0.2f, 0.2f, 0.2f, 0.2f}, workers[0].values("V"), 1e-6f);

        // The Adam pass on two threads: summed gradient g, then p moves by lr·sign(g) on this first step.
        pass.prepare(0);
        pass.run(0);
        pass.run(1);
        float lr = 0.001f;
        assertArrayEquals(new float[] {1 - lr, 2 - lr, 3, 0}, parameters.values("U"), 1e-6f,
                "U0 from the penalty, U[0,1] of the second worker (+5)");
        assertArrayEquals(new float[] {0.5f - lr, -1f + lr}, parameters.values("w"), 1e-6f, "dense: 2λ w");
        assertArrayEquals(new float[] {4 - lr}, parameters.values("b"), 1e-6f, "1 + 2 from the workers, unpenalised");
        for (KernelParameters w : workers) {
            for (String name : w.names()) {
                assertArrayEquals(new float[w.values(name).length], w.values(name), name + " cleared");
            }
        }
    }
}
