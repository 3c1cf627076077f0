package org.marketlens.model.sdm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.marketlens.api.data.InteractionData;
import org.marketlens.api.nn.ParameterSpec;
import org.marketlens.api.nn.ScoreInputs;
import org.marketlens.api.nn.TrainingInputs;
import org.marketlens.api.rec.HyperParameter;
import org.marketlens.api.rec.Query;
import org.marketlens.api.rec.Recommender;
import org.marketlens.framework.nn.KernelCheck;
import org.marketlens.framework.nn.NeuralSettings;
import org.marketlens.framework.nn.ParameterSnapshot;
import org.marketlens.framework.nn.kernel.KernelBatch;
import org.marketlens.framework.nn.kernel.KernelParameters;
import org.marketlens.framework.nn.kernel.ScoreKernel;
import org.marketlens.loss.bpr.BprLoss;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * SDM's {@code outputAggregation} option (the authors' code, not in the dissertation): with {@code relu} a hop's
 * output is {@code e = Σ_k m_k ReLU(T (a_k ⊙ square(r_k)) + t)} instead of Eq. 5.13's {@code Σ_k a_k square(r_k)}.
 * Hand-computed scores (d = 1 at 1 and 2 hops with both gate inputs, d = 2 with a non-symmetric {@code T} and a
 * rectified entry), padded slots adding nothing, the parameters and penalty, graph gradients against finite
 * differences, the kernel's scores, gradients (with dropout: against central differences) and training against the
 * graph, validation, the listed default and snapshots.
 */
class SdmOutputAggregationTest {
    private static final int USERS = 5;
    private static final int ITEMS = 9;

    private static SdmModel model(int users, int items, int dim, int hops, int s, double lambda,
            SdmModel.Activation activation, double dropout, SdmModel.DropoutMasks masks, SdmModel.GateInput input,
            SdmModel.GateTying tying, SdmModel.OutputAggregation aggregation) {
        return new SdmModel(users, items, dim, hops, s, lambda, activation, dropout, masks, input, tying, aggregation);
    }

    private static SdmModel relu(int users, int items, int dim, int hops, int s, SdmModel.Activation activation,
            SdmModel.GateInput input) {
        return model(users, items, dim, hops, s, 0.01, activation, 0, SdmModel.DropoutMasks.PASS, input,
                SdmModel.GateTying.GLOBAL, SdmModel.OutputAggregation.RELU);
    }

    /**
     * d = 1, f = identity (SdmGateTest's parameters): {@code q^(1) = 1.5}, context items 1, 2 with
     * {@code out_k = (1, 0.25)}, {@code z = (2.25, 0.25)}; plus {@code T = 2}, {@code t = −0.1}.
     */
    private static Map<String, INDArray> oneDimensional() {
        Map<String, INDArray> p = SdmFixtures.handSetParameters();
        p.put(SdmModel.W_O, Nd4j.createFromArray(new float[][] {{2f}}));
        p.put(SdmModel.B_O, Nd4j.createFromArray(-0.1f));
        return p;
    }

    /**
     * d = 2, f = identity, one hop: {@code W_a = [I I]}, {@code W_c = [I −I]}, {@code W_d = [0 I]}, so
     * {@code q = u_in + v_in}, {@code z_k = ||q − v_in,k||²}, {@code out_k = v_out,k²}; user {@code [1, 0 | .5, .5]},
     * items {@code [v_in | v_out]}: 0 → {@code [.5, .5 | 1, 1]}, 1 → {@code [0, 1 | 1, .5]}, 2 →
     * {@code [1, 0 | .5, 2]}; {@code T = [[1, 2], [0, −1]]} (not symmetric), {@code t = (0, 0.5)}, {@code w_e = (1, 1)}.
     */
    private static Map<String, INDArray> twoDimensional() {
        Map<String, INDArray> p = new LinkedHashMap<>();
        p.put(SdmModel.USER_MEMORY, SdmFixtures.row(1f, 0f, 0.5f, 0.5f));
        p.put(SdmModel.ITEM_MEMORY, Nd4j.createFromArray(new float[][] {{0.5f, 0.5f, 1f, 1f}, {0f, 1f, 1f, 0.5f},
                {1f, 0f, 0.5f, 2f}}));
        float[][] identityBoth = {{1, 0, 1, 0}, {0, 1, 0, 1}};
        p.put(SdmModel.W_A, Nd4j.createFromArray(identityBoth));
        p.put(SdmModel.W_B, Nd4j.createFromArray(identityBoth));
        p.put(SdmModel.W_C, Nd4j.createFromArray(new float[][] {{1, 0, -1, 0}, {0, 1, 0, -1}}));
        p.put(SdmModel.W_D, Nd4j.createFromArray(new float[][] {{0, 0, 1, 0}, {0, 0, 0, 1}}));
        for (String b : new String[] {SdmModel.B_A, SdmModel.B_B, SdmModel.B_C, SdmModel.B_D}) {
            p.put(b, Nd4j.createFromArray(0f, 0f));
        }
        p.put(SdmModel.W_O, Nd4j.createFromArray(new float[][] {{1f, 2f}, {0f, -1f}}));
        p.put(SdmModel.B_O, Nd4j.createFromArray(0f, 0.5f));
        p.put(SdmModel.EDGE, Nd4j.createFromArray(1f, 1f));
        p.put(SdmModel.EDGE_BIAS, Nd4j.createFromArray(0f));
        return p;
    }

    /** The graph's score of rows {@code (user, item, context)} on constant parameters. */
    private static float graphScore(SdmModel model, Map<String, INDArray> p, int[] context, float[] mask) {
        return SdmFixtures.graphScores(model, p, new int[] {0}, new int[] {0}, new int[][] {context},
                new float[][] {mask})[0];
    }

    private static float kernelScore(SdmModel model, Map<String, INDArray> p, int[] context, float[] mask) {
        return SdmFixtures.kernelScores(model, p, new int[] {0}, new int[] {0}, new int[][] {context},
                new float[][] {mask})[0];
    }

    /**
     * d = 1, {@code a = (0.119203, 0.880797)} in hop 1. {@code sum}: {@code e^(1) = 0.339402}. {@code relu}:
     * {@code ReLU(2 · 0.119203 − 0.1) + ReLU(2 · 0.25 · 0.880797 − 0.1) = 0.138406 + 0.340399 = 0.478804}. Two hops
     * (the gate {@code σ(q)} or {@code σ(e)}, then hop 2 on {@code q^(2) = e + g (q − e)}): {@code relu} gives
     * {@code e^(2) = 0.546277} ({@code query}) and {@code 0.642244} ({@code output}) where {@code sum} gives 0.378463
     * and 0.446661 (SdmGateTest). Score {@code −e^(H)}; graph and kernel both.
     */
    @Test
    void oneDimensionalScoresMatchHandComputedValues() {
        Map<String, INDArray> p = oneDimensional();
        Object[][] cases = {
            {1, SdmModel.GateInput.QUERY, -0.3394021915165881, -0.4788043830331763},
            {2, SdmModel.GateInput.QUERY, -0.37846298336230355, -0.5462770361472283},
            {2, SdmModel.GateInput.OUTPUT, -0.4466612356277427, -0.6422440235026284}};
        for (Object[] c : cases) {
            int hops = (Integer) c[0];
            SdmModel.GateInput input = (SdmModel.GateInput) c[1];
            for (SdmModel.OutputAggregation aggregation : SdmModel.OutputAggregation.values()) {
                SdmModel model = model(1, 3, 1, hops, 2, 0, SdmModel.Activation.IDENTITY, 0,
                        SdmModel.DropoutMasks.PASS, input, SdmModel.GateTying.GLOBAL, aggregation);
                Map<String, INDArray> used = only(p, model);
                double expected = (Double) c[aggregation == SdmModel.OutputAggregation.SUM ? 2 : 3];
                String label = hops + " hops, gateInput " + input + ", " + aggregation;
                assertEquals(expected, graphScore(model, used, new int[] {1, 2}, new float[] {1, 1}), 1e-6,
                        "graph, " + label);
                assertEquals(expected, kernelScore(model, used, new int[] {1, 2}, new float[] {1, 1}), 1e-6,
                        "kernel, " + label);
            }
        }
    }

    /**
     * d = 2: {@code z = (2.5, 0.5)}, {@code a = (0.119203, 0.880797)}, {@code x_1 = a_1 (1, 0.25) = (0.119203,
     * 0.029801)}, {@code x_2 = a_2 (0.25, 4) = (0.220199, 3.523188)}; {@code T x_1 + t = (0.178804, 0.470199)},
     * {@code T x_2 + t = (7.266575, −3.023188)}, rectified to {@code (7.266575, 0)}; {@code e = (7.445379,
     * 0.470199)}, score −7.915580 ({@code Tᵀ} would give −1.048007, {@code sum} −3.892391). A third, padded slot
     * (mask 0) changes nothing, though {@code ReLU(t) = (0, 0.5)} would add 0.5 if it leaked in.
     */
    @Test
    void twoDimensionalScoreAndPaddedSlotsAddNothing() {
        Map<String, INDArray> p = twoDimensional();
        SdmModel two = model(1, 3, 2, 1, 2, 0, SdmModel.Activation.IDENTITY, 0, SdmModel.DropoutMasks.PASS,
                SdmModel.GateInput.QUERY, SdmModel.GateTying.GLOBAL, SdmModel.OutputAggregation.RELU);
        SdmModel three = model(1, 3, 2, 1, 3, 0, SdmModel.Activation.IDENTITY, 0, SdmModel.DropoutMasks.PASS,
                SdmModel.GateInput.QUERY, SdmModel.GateTying.GLOBAL, SdmModel.OutputAggregation.RELU);
        double expected = -7.915579545845176;
        assertEquals(expected, graphScore(two, p, new int[] {1, 2}, new float[] {1, 1}), 1e-5);
        assertEquals(expected, kernelScore(two, p, new int[] {1, 2}, new float[] {1, 1}), 1e-5);
        for (int[] context : new int[][] {{1, 2, 0}, {0, 1, 2}, {1, 0, 2}}) {
            float[] mask = new float[3];
            for (int k = 0; k < 3; k++) {
                mask[k] = context[k] == 0 ? 0f : 1f;
            }
            assertEquals(expected, graphScore(three, p, context, mask), 1e-5, "graph " + Arrays.toString(context));
            assertEquals(expected, kernelScore(three, p, context, mask), 1e-5, "kernel " + Arrays.toString(context));
        }
        SdmModel sum = model(1, 3, 2, 1, 2, 0, SdmModel.Activation.IDENTITY, 0, SdmModel.DropoutMasks.PASS,
                SdmModel.GateInput.QUERY, SdmModel.GateTying.GLOBAL, SdmModel.OutputAggregation.SUM);
        assertEquals(-3.892391233933647, graphScore(sum, only(p, sum), new int[] {1, 2}, new float[] {1, 1}), 1e-5);
    }

    /** {@code p} restricted to {@code model}'s parameters. */
    private static Map<String, INDArray> only(Map<String, INDArray> p, SdmModel model) {
        Map<String, INDArray> used = new LinkedHashMap<>();
        for (ParameterSpec spec : model.parameters()) {
            used.put(spec.name(), p.get(spec.name()));
        }
        return used;
    }

    /**
     * {@code relu} adds {@code W_o [d, d]} (He-normal) and {@code b_o [d]} (constant), and the penalty covers
     * {@code W_o} (not {@code b_o}) in the graph and in the kernel's RowPenalty; {@code sum} has neither.
     */
    @Test
    void reluAddsOnePenalisedLayer() {
        for (int hops = 1; hops <= 2; hops++) {
            SdmModel relu = relu(USERS, ITEMS, 4, hops, 3, SdmModel.Activation.TANH, SdmModel.GateInput.QUERY);
            SdmModel sum = model(USERS, ITEMS, 4, hops, 3, 0.01, SdmModel.Activation.TANH, 0,
                    SdmModel.DropoutMasks.PASS, SdmModel.GateInput.QUERY, SdmModel.GateTying.GLOBAL,
                    SdmModel.OutputAggregation.SUM);
            ParameterSpec wo = relu.parameters().stream().filter(s -> s.name().equals(SdmModel.W_O)).findFirst()
                    .orElseThrow();
            assertArrayEquals(new long[] {4, 4}, wo.shape());
            assertEquals(ParameterSpec.Init.HE_NORMAL, wo.init());
            ParameterSpec bo = relu.parameters().stream().filter(s -> s.name().equals(SdmModel.B_O)).findFirst()
                    .orElseThrow();
            assertArrayEquals(new long[] {4}, bo.shape());
            assertEquals(relu.parameters().size(), sum.parameters().size() + 2);
            assertFalse(sum.parameters().stream().anyMatch(s -> s.name().equals(SdmModel.W_O)
                    || s.name().equals(SdmModel.B_O)));
            assertTrue(relu.kernel().penalty().dense().contains(SdmModel.W_O));
            assertFalse(relu.kernel().penalty().dense().contains(SdmModel.B_O));
            assertEquals(relu.penalisedWeights(), relu.kernel().penalty().dense());
            assertEquals(sum.penalisedWeights(), sum.kernel().penalty().dense());

            // The graph's penalty grows by λ ||W_o||² exactly when W_o grows.
            Map<String, INDArray> p = KernelCheck.randomParameters(relu, 5 + hops);
            double base = penalty(relu, p);
            p.put(SdmModel.W_O, p.get(SdmModel.W_O).mul(2));
            double norm = p.get(SdmModel.W_O).castTo(DataType.DOUBLE).norm2Number().doubleValue();
            assertEquals(base + 0.01 * 0.75 * norm * norm, penalty(relu, p), 1e-5);
            p.put(SdmModel.B_O, p.get(SdmModel.B_O).add(3));
            assertEquals(base + 0.01 * 0.75 * norm * norm, penalty(relu, p), 1e-5, "b_o is not penalised");
        }
    }

    private static double penalty(SdmModel model, Map<String, INDArray> p) {
        SameDiff sd = SameDiff.create();
        p.forEach(sd::constant);
        TrainingInputs in = new TrainingInputs(sd.constant("u", Nd4j.createFromArray(0, 1)),
                sd.constant("pos", Nd4j.createFromArray(2, 3)), sd.constant("neg", Nd4j.createFromArray(4, 5)));
        return model.penalty(sd, sd::getVariable, in).eval().getDouble(0);
    }

    /** The graph with {@code relu}: BPR gradients against finite differences, 1 hop and 2 hops gating on e. */
    @Test
    void graphGradientsMatchFiniteDifferences() {
        for (int hops = 1; hops <= 2; hops++) {
            SdmModel.GateInput input = hops == 1 ? SdmModel.GateInput.QUERY : SdmModel.GateInput.OUTPUT;
            SdmModel model = relu(2, 6, 4, hops, 3, SdmModel.Activation.TANH, input);
            double error = SdmFixtures.bprGradientError(model, 31 + hops, 8);
            assertTrue(error < 1e-3, "BPR relative gradient error " + error + " with " + hops + " hops, " + input);
        }
    }

    /**
     * The kernel's scores and every parameter's gradient equal the graph's with {@code relu}, 1–4 hops, both gate
     * inputs, per-hop gates, the identity, initial and saturating scale, on batches with padded slots.
     */
    @Test
    void kernelMatchesTheGraph() {
        for (int hops = 1; hops <= 4; hops++) {
            for (SdmModel.GateInput input : SdmModel.GateInput.values()) {
                if (hops == 1 && input == SdmModel.GateInput.OUTPUT) {
                    continue;
                }
                SdmModel model = relu(USERS, ITEMS, 6, hops, 4, SdmModel.Activation.TANH, input);
                // Triple 1 has one valid slot.
                KernelBatch batch = SdmFixtures.leftPaddedTriples(USERS, ITEMS, 7, 4, 40 + hops, Map.of(1, 1));
                // Scale 3 saturates tanh already; at 10 the unbounded e (ReLU) with 3–4 hops leaves float rounding
                // of 1.6e-4 in W_a and W_g (the graph and the kernel round differently, both correct).
                for (double scale : new double[] {1, 3}) {
                    KernelCheck.Result result = KernelCheck.compare(model, batch, hops, scale);
                    System.out.printf("SDM outputAggregation=relu kernel vs graph: hops %d, %s, scale %s: worst"
                            + " %.2e%n", hops, input, scale, result.worst());
                    assertTrue(result.worst() < 1e-4, () -> model.hops() + " hops, " + input + ", scale " + scale
                            + ": " + result);
                }
            }
        }
        SdmModel perHop = model(USERS, ITEMS, 5, 3, 3, 0.01, SdmModel.Activation.TANH, 0,
                SdmModel.DropoutMasks.PASS, SdmModel.GateInput.OUTPUT, SdmModel.GateTying.HOP,
                SdmModel.OutputAggregation.RELU);
        KernelCheck.Result hop = KernelCheck.compare(perHop, SdmDropoutTest.batch(3, 8), 7, 1);
        assertTrue(hop.worst() < 1e-4, () -> "per-hop gates: " + hop);
        SdmModel identity = relu(USERS, ITEMS, 5, 3, 3, SdmModel.Activation.IDENTITY, SdmModel.GateInput.QUERY);
        KernelCheck.Result result = KernelCheck.compare(identity, SdmDropoutTest.batch(3, 8), 7, 1);
        assertTrue(result.worst() < 1e-4, () -> "identity: " + result);
    }

    /**
     * KernelCheck starts from t = 0, where a padded slot's {@code ReLU(T·0 + t)} is 0 whether it is masked or not:
     * here t is positive (0.3–0.6), every row has a padded slot 0, and the kernel's scores equal the graph's, 1–3
     * hops (a kernel that let padded slots in fails this and the d = 2 golden test).
     */
    @Test
    void kernelMatchesTheGraphWithPositiveT() {
        for (int hops = 1; hops <= 3; hops++) {
            SdmModel model = relu(SdmDropoutTest.USERS, SdmDropoutTest.ITEMS, 4, hops, 3, SdmModel.Activation.TANH,
                    SdmModel.GateInput.OUTPUT);
            Map<String, INDArray> p = KernelCheck.randomParameters(model, 70 + hops);
            p.put(SdmModel.B_O, Nd4j.createFromArray(0.3f, 0.4f, 0.5f, 0.6f));
            KernelBatch batch = SdmDropoutTest.batch(3, 80 + hops);
            int rows = batch.rows();
            int[][] context = new int[rows][3];
            float[][] mask = new float[rows][3];
            for (int r = 0; r < rows; r++) {
                for (int k = 0; k < 3; k++) {
                    context[r][k] = batch.context()[r * 3 + k];
                    mask[r][k] = batch.mask()[r * 3 + k];
                }
            }
            SameDiff sd = SameDiff.create();
            p.forEach(sd::constant);
            ScoreInputs in = new ScoreInputs(sd.constant("users", Nd4j.createFromArray(batch.users())),
                    sd.constant("items", Nd4j.createFromArray(batch.items())),
                    sd.constant("context", Nd4j.createFromArray(context)),
                    sd.constant("contextMask", Nd4j.createFromArray(mask)));
            float[] graph = model.score(sd, sd::getVariable, in).eval().castTo(DataType.FLOAT).toFloatVector();
            float[] kernel = new float[rows];
            model.kernel().worker(KernelParameters.copyOf(p), rows).forward(batch, 0, rows, kernel);
            assertArrayEquals(graph, kernel, 1e-5f, hops + " hops");
        }
    }

    /**
     * With dropout 0.3 (masks per pass and per hop, both gate inputs) the training worker's gradients equal central
     * differences of its own masked forward pass, which the graph comparison (dropout off) cannot check.
     */
    @Test
    void gradientsWithDropoutMatchCentralDifferences() {
        int run = 0;
        for (SdmModel.DropoutMasks masks : SdmModel.DropoutMasks.values()) {
            for (SdmModel.GateInput input : SdmModel.GateInput.values()) {
                run++;
                SdmModel model = model(SdmDropoutTest.USERS, SdmDropoutTest.ITEMS, 4, 3, 3, 0,
                        SdmModel.Activation.TANH, 0.3, masks, input, SdmModel.GateTying.GLOBAL,
                        SdmModel.OutputAggregation.RELU);
                ScoreKernel kernel = model.kernel();
                KernelBatch batch = SdmDropoutTest.batch(3, 60 + run);
                KernelParameters parameters = KernelParameters.copyOf(KernelCheck.randomParameters(model, 9 + run));
                // t = (0.3, −0.02, 0.4, −0.05): with t uniform in (−0.5, 0.5) whole rows can be rectified to 0 (no
                // gradient to check); units 0, 2 stay on, units 1, 3 sit near the kink, on or off per slot, so the
                // check fails when backward ignores the rectifier.
                System.arraycopy(new float[] {0.3f, -0.02f, 0.4f, -0.05f}, 0, parameters.values(SdmModel.B_O), 0, 4);
                float[] plain = new float[batch.rows()];
                kernel.worker(parameters, batch.rows()).forward(batch, 0, batch.rows(), plain);
                KernelCheck.CentralDifferences d = KernelCheck.centralDifferences(kernel, parameters, batch,
                        KernelCheck.randomWeights(batch.rows(), run), 4321 + run, 12, true);
                assertFalse(Arrays.equals(d.scores(), plain), "the training worker drops out");
                System.out.printf("SDM relu, dropout 0.3, masks %s, gateInput %s: %s%n", masks, input, d);
                assertTrue(d.worst() < 2e-3, d.worstEntry());
                assertTrue(d.nonZero() > d.checked() / 3, "most sampled gradients are non-trivial: " + d);
                assertTrue(d.kinks() < d.checked() / 4, "few kinks: " + d);
            }
        }
    }

    /**
     * One epoch through the kernel (KernelTraining) equals one through the graph from the same start with
     * {@code relu}, 1 and 3 hops, for both gate inputs. Skipped as {@code b_e}: {@code b_o}, whose initial gradient
     * is rounding residue too (t = 0, and the tiny {@code a_k ⊙ square(r_k)} of the first steps keep each unit on or
     * off for a positive and its negative alike, so their BPR gradients cancel), which Adam turns into lr-sized
     * steps; in a second epoch those steps of {@code b_o} move pre-activations of about 1e-4 across the ReLU's kink
     * and the runs part (measured: 0.007 in the user memory after two epochs, 1e-7 after one).
     */
    @Test
    void trainingThroughTheKernelEqualsTheGraph() {
        InteractionData data = KernelCheck.shortSequences();
        for (int hops : new int[] {1, 3}) {
            for (SdmModel.GateInput input : SdmModel.GateInput.values()) {
                if (hops == 1 && input == SdmModel.GateInput.OUTPUT) {
                    continue;
                }
                SdmModel model = relu(data.numUsers(), data.numItems(), 6, hops, 3, SdmModel.Activation.TANH, input);
                KernelCheck.Training training = KernelCheck.compareTraining("SDM", model, data,
                        new NeuralSettings(0.001, 16, 1), () -> KernelCheck.trainingContext(9, new BprLoss()));
                training.assertEquivalent(1e-5, 1e-5, SdmModel.EDGE_BIAS, SdmModel.B_O);
                System.out.printf("SDM relu, %d hops, gateInput %s, training kernel vs graph: %s%n", hops, input,
                        training.parameters());
            }
        }
    }

    /**
     * With dropout 0.2 and {@code relu}, kernel training is reproducible from the seed and differs from training
     * without dropout; the served model drops nothing and the kernel serves what the graph serves.
     */
    @Test
    void dropoutChangesTrainingButNotServing() {
        InteractionData data = KernelCheck.shortSequences();
        SdmModel withDropout = model(data.numUsers(), data.numItems(), 6, 3, 3, 0.01, SdmModel.Activation.TANH, 0.2,
                SdmModel.DropoutMasks.HOP, SdmModel.GateInput.OUTPUT, SdmModel.GateTying.GLOBAL,
                SdmModel.OutputAggregation.RELU);
        Map<String, INDArray> once = KernelCheck.assertSeededDropoutTraining(seed -> train(withDropout, data, seed),
                seed -> train(withDropout.withoutDropout(), data, seed), 9, SdmModel.USER_MEMORY, 1e-3);
        Map<String, Object> values = Map.of("numItems", data.numItems());
        Recommender served = new SdmProvider().serve(withDropout, once, values);
        Recommender plain = new SdmProvider().serve(withDropout.withoutDropout(), once, values);
        Recommender viaGraph = KernelCheck.withKernels(false, () -> new SdmProvider().serve(withDropout, once, values));
        KernelCheck.assertServedWithoutDropout(served, plain, viaGraph,
                List.of(new Query(1, InteractionData.NO_GROUP, new int[] {4, 5}),
                        new Query(2, InteractionData.NO_GROUP, new int[] {1, 2, 3, 7})), data.numItems());
    }

    private static Map<String, INDArray> train(SdmModel model, InteractionData data, long seed) {
        return KernelCheck.withKernels(true, () -> new LinkedHashMap<>(
                org.marketlens.framework.nn.SameDiffTraining.train("SDM", model, data,
                        new NeuralSettings(0.001, 16, 2), KernelCheck.trainingContext(seed, new BprLoss()),
                        p -> null)));
    }

    @Test
    void theSettingIsValidatedAndListed() {
        assertEquals(SdmModel.OutputAggregation.RELU, SdmModel.OutputAggregation.parse("relu"));
        assertEquals(SdmModel.OutputAggregation.SUM, SdmModel.OutputAggregation.parse(" SUM "));
        SdmFixtures.assertRefused(SdmModel.OutputAggregation::parse, new String[] {"max", "", "null", "ReLU6"}, "sum",
                "relu", "outputAggregation");
        Map<String, Object> values = SdmFixtures.providerValues(USERS, ITEMS, 2, "outputAggregation", "tanh");
        assertThrows(IllegalArgumentException.class, () -> new SdmProvider().model(values));
        values.put("outputAggregation", "relu");
        assertEquals(SdmModel.OutputAggregation.RELU, new SdmProvider().model(values).outputAggregation());
        values.remove("outputAggregation");
        assertEquals(SdmModel.OutputAggregation.SUM, new SdmProvider().model(values).outputAggregation());
        assertThrows(IllegalArgumentException.class, () -> model(USERS, ITEMS, 4, 2, 3, 0, SdmModel.Activation.TANH,
                0, SdmModel.DropoutMasks.PASS, SdmModel.GateInput.QUERY, SdmModel.GateTying.GLOBAL, null));
        assertEquals(SdmModel.OutputAggregation.SUM,
                new SdmModel(USERS, ITEMS, 4, 2, 3, 0, SdmModel.Activation.TANH).outputAggregation());
        HyperParameter listed = SdmFixtures.listed("outputAggregation");
        assertEquals("sum", listed.defaultValue());
        assertTrue(listed.description().contains("the authors' code, not in the dissertation"),
                listed.description());
        SdmModel dropping = model(USERS, ITEMS, 4, 2, 3, 0, SdmModel.Activation.TANH, 0.2, SdmModel.DropoutMasks.HOP,
                SdmModel.GateInput.OUTPUT, SdmModel.GateTying.HOP, SdmModel.OutputAggregation.RELU);
        assertEquals(SdmModel.OutputAggregation.RELU, dropping.withoutDropout().outputAggregation(),
                "served without dropout");
    }

    /**
     * The setting is saved and served; a snapshot from before it (no "outputAggregation" key) loads as {@code sum}
     * (here on a sum-trained model: same scores; a relu-trained snapshot stripped of its key no longer loads as
     * relu, its parameters W_o, b_o then unused).
     */
    @Test
    void snapshotsKeepTheSettingAndOldOnesReadAsSum() throws IOException {
        InteractionData data = KernelCheck.shortSequences();
        SdmProvider provider = new SdmProvider();
        Query q = new Query(2, InteractionData.NO_GROUP, new int[] {1, 3});
        int[] candidates = {0, 2, 5, 8};
        Map<String, float[]> scores = new HashMap<>();
        for (String aggregation : new String[] {"relu", "sum"}) {
            Recommender trained = provider.train(data, Map.of("dim", 4, "hops", 2, "contextSize", 3,
                    "outputAggregation", aggregation, "batchSize", 16), KernelCheck.trainingContext(3, new BprLoss()));
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            trained.save(bytes);
            ParameterSnapshot snapshot = ParameterSnapshot.read(new ByteArrayInputStream(bytes.toByteArray()),
                    SdmProvider.NAME);
            assertEquals(aggregation, String.valueOf(snapshot.hyperParameters().get("outputAggregation")));
            assertEquals(aggregation.equals("relu"), snapshot.parameters().containsKey(SdmModel.W_O));
            Recommender loaded = provider.load(new ByteArrayInputStream(bytes.toByteArray()));
            assertArrayEquals(trained.score(q, candidates), loaded.score(q, candidates), 0f);
            scores.put(aggregation, trained.score(q, candidates));

            Map<String, Object> old = new HashMap<>(snapshot.hyperParameters());
            old.remove("outputAggregation");
            assertEquals(SdmModel.OutputAggregation.SUM, provider.model(old).outputAggregation());
            if (aggregation.equals("sum")) {
                ByteArrayOutputStream oldBytes = new ByteArrayOutputStream();
                ParameterSnapshot.write(oldBytes, new ParameterSnapshot(SdmProvider.NAME, old, snapshot.parameters()));
                Recommender fromOld = provider.load(new ByteArrayInputStream(oldBytes.toByteArray()));
                assertArrayEquals(trained.score(q, candidates), fromOld.score(q, candidates), 0f);
            }
        }
        assertNotEquals(Arrays.toString(scores.get("relu")), Arrays.toString(scores.get("sum")));
    }
}
