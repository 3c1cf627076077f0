package org.marketlens.model.sdm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.marketlens.api.data.InteractionData;
import org.marketlens.api.rec.HyperParameter;
import org.marketlens.api.rec.Query;
import org.marketlens.api.rec.Recommender;
import org.marketlens.framework.nn.KernelCheck;
import org.marketlens.framework.nn.ParameterSnapshot;
import org.marketlens.framework.nn.kernel.KernelBatch;
import org.marketlens.framework.nn.kernel.KernelParameters;
import org.marketlens.loss.bpr.BprLoss;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * SDM's {@code gateInput} option: with {@code output} the gate between hops reads the previous hop's output,
 * {@code g = σ(W_g e^(h−1) + b_g)}, instead of its query (Eq. 5.14, the default). A hand-computed two-hop score for
 * each setting, the graph's gradient against finite differences, the kernel's scores, gradients and training
 * against the graph, one hop unaffected, validation, the listed default and snapshots.
 */
class SdmGateTest {
    private static final int USERS = 5;
    private static final int ITEMS = 9;

    private static SdmModel model(int users, int items, int dim, int hops, int s, double lambda,
            SdmModel.Activation activation, SdmModel.GateInput gateInput) {
        return new SdmModel(users, items, dim, hops, s, lambda, activation, 0, SdmModel.DropoutMasks.PASS, gateInput);
    }

    /**
     * Hop 1: {@code z = (2.25, 0.25)}, {@code a_1 = 1/(1 + e²) = 0.119203}, {@code e^(1) = a_1 + 0.25(1 − a_1) =
     * 0.339402}. {@code query}: {@code g = σ(1.5) = 0.817574}, {@code q^(2) = e + g(q − e) = 1.288277}; {@code output}:
     * {@code g = σ(0.339402) = 0.584045}, {@code q^(2) = 1.017244}. Hop 2: {@code a_1 = 1/(1 + exp(2q − 1))},
     * {@code e^(2) = 0.25 + 0.75 a_1}: 0.378463 ({@code query}) and 0.446661 ({@code output}); score {@code −e^(2)}.
     * Graph and kernel give these values, so a setting that were ignored would fail one of them.
     */
    @Test
    void twoHopScoresMatchHandComputedValues() {
        Map<String, INDArray> p = SdmFixtures.handSetParameters();
        Map<SdmModel.GateInput, Double> expected = Map.of(SdmModel.GateInput.QUERY, -0.37846298336230366,
                SdmModel.GateInput.OUTPUT, -0.4466612356277427);
        for (SdmModel.GateInput input : SdmModel.GateInput.values()) {
            SdmModel model = model(1, 3, 1, 2, 2, 0, SdmModel.Activation.IDENTITY, input);
            float graph = SdmFixtures.graphScores(model, p, new int[] {0}, new int[] {0}, new int[][] {{1, 2}},
                    new float[][] {{1, 1}})[0];
            float kernel = SdmFixtures.kernelScores(model, p, new int[] {0}, new int[] {0}, new int[][] {{1, 2}},
                    new float[][] {{1, 1}})[0];
            assertEquals(expected.get(input), graph, 1e-6, "graph, gateInput " + input);
            assertEquals(expected.get(input), kernel, 1e-6, "kernel, gateInput " + input);
        }
        // The default constructor is gateInput = query.
        SdmModel plain = new SdmModel(1, 3, 1, 2, 2, 0, SdmModel.Activation.IDENTITY);
        assertEquals(SdmModel.GateInput.QUERY, plain.gateInput());
        assertEquals(-0.37846298336230366, SdmFixtures.graphScores(plain, p, new int[] {0}, new int[] {0},
                new int[][] {{1, 2}}, new float[][] {{1, 1}})[0], 1e-6);
    }

    /** With one hop there is no gate: both settings give bit-identical scores, parameters and gradients. */
    @Test
    void oneHopIgnoresTheSetting() {
        SdmModel query = model(USERS, ITEMS, 4, 1, 3, 0.01, SdmModel.Activation.TANH, SdmModel.GateInput.QUERY);
        SdmModel output = model(USERS, ITEMS, 4, 1, 3, 0.01, SdmModel.Activation.TANH, SdmModel.GateInput.OUTPUT);
        assertEquals(query.parameters().size(), output.parameters().size());
        KernelBatch batch = SdmDropoutTest.batch(3, 5);
        KernelParameters parameters = KernelParameters.copyOf(KernelCheck.randomParameters(query, 4));
        float[] weights = KernelCheck.randomWeights(batch.rows(), 6);
        SdmFixtures.assertSameKernelPass(query, output, parameters, batch, weights,
                model -> model.kernel().worker(parameters, batch.rows()));
    }

    /** The graph with {@code gateInput = output}: BPR gradients against finite differences, 2 and 3 hops. */
    @Test
    void graphGradientsMatchFiniteDifferences() {
        for (int hops = 2; hops <= 3; hops++) {
            SdmModel model = model(2, 6, 4, hops, 3, 0.01, SdmModel.Activation.TANH, SdmModel.GateInput.OUTPUT);
            double error = SdmFixtures.bprGradientError(model, 31 + hops, 12);
            assertTrue(error < 1e-3, "BPR relative gradient error " + error + " with " + hops + " hops");
        }
    }

    /** The kernel's scores and every parameter's gradient equal the graph's, 2–4 hops, initial and saturating scale. */
    @Test
    void kernelMatchesTheGraph() {
        for (int hops = 2; hops <= 4; hops++) {
            SdmModel model = model(USERS, ITEMS, 6, hops, 4, 0.01, SdmModel.Activation.TANH,
                    SdmModel.GateInput.OUTPUT);
            // Triple 1 has only padding, triple 2 one valid slot.
            KernelBatch batch = SdmFixtures.leftPaddedTriples(USERS, ITEMS, 7, 4, 40 + hops, Map.of(1, 0, 2, 1));
            for (double scale : new double[] {1, 10}) {
                KernelCheck.Result result = KernelCheck.compare(model, batch, hops, scale);
                System.out.printf("SDM gateInput=output kernel vs graph: hops %d, scale %s: worst %.2e%n", hops,
                        scale, result.worst());
                assertTrue(result.worst() < 1e-4, () -> "hops " + model.hops() + ", scale " + scale + ": " + result);
            }
        }
        SdmModel identity = model(USERS, ITEMS, 5, 3, 3, 0.01, SdmModel.Activation.IDENTITY,
                SdmModel.GateInput.OUTPUT);
        KernelCheck.Result result = KernelCheck.compare(identity, SdmDropoutTest.batch(3, 8), 7, 1);
        assertTrue(result.worst() < 1e-4, () -> "identity: " + result);
    }

    /** Two epochs through the kernel (KernelTraining) equal two through the graph from the same start, 3 hops. */
    @Test
    void trainingThroughTheKernelEqualsTheGraph() {
        InteractionData data = KernelCheck.shortSequences();
        SdmModel model = model(data.numUsers(), data.numItems(), 6, 3, 3, 0.01, SdmModel.Activation.TANH,
                SdmModel.GateInput.OUTPUT);
        SdmFixtures.assertKernelTrainingEqualsGraph("SDM gateInput=output", model, data);
    }

    @Test
    void theSettingIsValidatedAndListed() {
        assertEquals(SdmModel.GateInput.OUTPUT, SdmModel.GateInput.parse("output"));
        assertEquals(SdmModel.GateInput.QUERY, SdmModel.GateInput.parse(" QUERY "));
        SdmFixtures.assertRefused(SdmModel.GateInput::parse, new String[] {"outputs", "", "null", "e"}, "query",
                "output", "gateInput");
        Map<String, Object> values = SdmFixtures.providerValues(USERS, ITEMS, 2, "gateInput", "hidden");
        assertThrows(IllegalArgumentException.class, () -> new SdmProvider().model(values));
        values.put("gateInput", "output");
        assertEquals(SdmModel.GateInput.OUTPUT, new SdmProvider().model(values).gateInput());
        assertThrows(IllegalArgumentException.class,
                () -> model(USERS, ITEMS, 4, 2, 3, 0, SdmModel.Activation.TANH, null));
        HyperParameter listed = SdmFixtures.listed("gateInput");
        assertEquals("query", listed.defaultValue());
        assertTrue(listed.description().contains("A-38"), listed.description());
        SdmModel dropping = new SdmModel(USERS, ITEMS, 4, 2, 3, 0, SdmModel.Activation.TANH, 0.2,
                SdmModel.DropoutMasks.HOP, SdmModel.GateInput.OUTPUT);
        assertEquals(SdmModel.GateInput.OUTPUT, dropping.withoutDropout().gateInput(), "served without dropout");
    }

    /**
     * The setting is saved and served (a model trained with {@code output} scores differently when read as
     * {@code query}); a snapshot from before it (no "gateInput" key) loads as {@code query}.
     */
    @Test
    void snapshotsKeepTheSettingAndOldOnesReadAsQuery() throws IOException {
        InteractionData data = KernelCheck.shortSequences();
        SdmProvider provider = new SdmProvider();
        Recommender trained = provider.train(data, Map.of("dim", 4, "hops", 2, "contextSize", 3, "gateInput",
                "output", "batchSize", 16), KernelCheck.trainingContext(3, new BprLoss()));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        trained.save(bytes);
        ParameterSnapshot snapshot = ParameterSnapshot.read(new ByteArrayInputStream(bytes.toByteArray()),
                SdmProvider.NAME);
        assertEquals("output", String.valueOf(snapshot.hyperParameters().get("gateInput")));
        Recommender loaded = provider.load(new ByteArrayInputStream(bytes.toByteArray()));
        Query q = new Query(2, InteractionData.NO_GROUP, new int[] {1, 3});
        int[] candidates = {0, 2, 5, 8};
        assertArrayEquals(trained.score(q, candidates), loaded.score(q, candidates), 0f);

        Map<String, Object> old = new HashMap<>(snapshot.hyperParameters());
        old.remove("gateInput");
        assertEquals(SdmModel.GateInput.QUERY, provider.model(old).gateInput());
        ByteArrayOutputStream oldBytes = new ByteArrayOutputStream();
        ParameterSnapshot.write(oldBytes, new ParameterSnapshot(SdmProvider.NAME, old, snapshot.parameters()));
        Recommender fromOld = provider.load(new ByteArrayInputStream(oldBytes.toByteArray()));
        assertFalse(Arrays.equals(trained.score(q, candidates), fromOld.score(q, candidates)),
                "the same parameters read with gateInput = query score differently");
    }
}
