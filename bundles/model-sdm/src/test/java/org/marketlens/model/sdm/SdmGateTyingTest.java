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
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.marketlens.api.data.InteractionData;
import org.marketlens.api.nn.ParameterSpec;
import org.marketlens.api.rec.HyperParameter;
import org.marketlens.api.rec.Query;
import org.marketlens.api.rec.Recommender;
import org.marketlens.framework.nn.KernelCheck;
import org.marketlens.framework.nn.ParameterSnapshot;
import org.marketlens.framework.nn.kernel.KernelBatch;
import org.marketlens.loss.bpr.BprLoss;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * SDM's {@code gateTying} option: with {@code hop} each gate between hops has its own {@code W_g^(h), b_g^(h)}
 * (Eq. 5.14 as written), stacked as {@code [H − 1, d, d]} and {@code [H − 1, d]}. Per-hop gates with equal blocks
 * are the global gate, and changing one block changes the score (each gate reads its own block); the graph's
 * gradient against finite differences, the kernel's scores, gradients and training against the graph, validation
 * and snapshots.
 */
class SdmGateTyingTest {
    private static final int USERS = 5;
    private static final int ITEMS = 9;
    private static final int D = 4;
    private static final int S = 3;

    private static SdmModel model(int hops, SdmModel.GateInput input, SdmModel.GateTying tying) {
        return new SdmModel(USERS, ITEMS, D, hops, S, 0.01, SdmModel.Activation.TANH, 0, SdmModel.DropoutMasks.PASS,
                input, tying);
    }

    private static long[] shape(SdmModel model, String name) {
        return model.parameters().stream().filter(p -> p.name().equals(name)).map(ParameterSpec::shape).findFirst()
                .orElse(null);
    }

    @Test
    void perHopGatesAreStackedBlocks() {
        assertArrayEquals(new long[] {2, D, D}, shape(model(3, SdmModel.GateInput.QUERY, SdmModel.GateTying.HOP),
                SdmModel.W_G));
        assertArrayEquals(new long[] {2, D}, shape(model(3, SdmModel.GateInput.QUERY, SdmModel.GateTying.HOP),
                SdmModel.B_G));
        assertArrayEquals(new long[] {D, D}, shape(model(3, SdmModel.GateInput.QUERY, SdmModel.GateTying.GLOBAL),
                SdmModel.W_G));
        assertArrayEquals(new long[] {1, D}, shape(model(2, SdmModel.GateInput.QUERY, SdmModel.GateTying.HOP),
                SdmModel.B_G));
        assertEquals(null, shape(model(1, SdmModel.GateInput.QUERY, SdmModel.GateTying.HOP), SdmModel.W_G),
                "one hop: no gate");
        assertEquals(SdmModel.GateTying.GLOBAL, new SdmModel(USERS, ITEMS, D, 3, S, 0, SdmModel.Activation.TANH)
                .gateTying(), "the default");
    }

    private static final int[] USER_ROWS = {0, 1, 3, 4};
    private static final int[] ITEM_ROWS = {2, 5, 8, 1};
    private static final int[][] CONTEXT = {{1, 3, 7}, {4, 0, 6}, {2, 2, 5}, {8, 0, 0}};
    private static final float[][] MASK = {{1, 1, 1}, {0, 1, 1}, {1, 1, 1}, {1, 0, 0}};

    private static float[] graphScores(SdmModel model, Map<String, INDArray> p) {
        return SdmFixtures.graphScores(model, p, USER_ROWS, ITEM_ROWS, CONTEXT, MASK);
    }

    private static float[] kernelScores(SdmModel model, Map<String, INDArray> p) {
        return SdmFixtures.kernelScores(model, p, USER_ROWS, ITEM_ROWS, CONTEXT, MASK);
    }

    /**
     * Three hops: per-hop gates whose two blocks both equal a global gate's {@code W_g, b_g} score exactly as the
     * global gate (graph and kernel); replacing either block by other values changes the scores (so gate 1 reads
     * block 0 and gate 2 block 1), equally in graph and kernel. Both gate inputs.
     */
    @Test
    void equalBlocksAreTheGlobalGateAndEachBlockServesItsGate() {
        for (SdmModel.GateInput input : SdmModel.GateInput.values()) {
            SdmModel global = model(3, input, SdmModel.GateTying.GLOBAL);
            SdmModel hop = model(3, input, SdmModel.GateTying.HOP);
            Map<String, INDArray> p = KernelCheck.randomParameters(global, 11, 1.0);
            Map<String, INDArray> stacked = new LinkedHashMap<>(p);
            INDArray wg = p.get(SdmModel.W_G);
            INDArray bg = p.get(SdmModel.B_G);
            stacked.put(SdmModel.W_G, Nd4j.stack(0, wg, wg));
            stacked.put(SdmModel.B_G, Nd4j.stack(0, bg, bg));
            float[] graph = graphScores(global, p);
            float[] kernel = kernelScores(global, p);
            assertArrayEquals(graph, graphScores(hop, stacked), 1e-6f, input + ": graph");
            assertArrayEquals(kernel, kernelScores(hop, stacked), 0f, input + ": kernel");
            assertArrayEquals(graph, kernel, 1e-5f, input + ": kernel vs graph");
            INDArray other = KernelCheck.randomParameters(global, 12, 1.0).get(SdmModel.W_G);
            for (int block = 0; block < 2; block++) {
                Map<String, INDArray> changed = new LinkedHashMap<>(stacked);
                changed.put(SdmModel.W_G, block == 0 ? Nd4j.stack(0, other, wg) : Nd4j.stack(0, wg, other));
                float[] g = graphScores(hop, changed);
                assertTrue(KernelCheck.largestDifference(graph, g) > 1e-4,
                        input + ": block " + block + " changes the graph's scores, " + Arrays.toString(g));
                assertArrayEquals(g, kernelScores(hop, changed), 1e-5f, input + ": block " + block + ", kernel");
            }
        }
    }

    /** The graph with per-hop gates: BPR gradients against finite differences, 3 hops, both gate inputs. */
    @Test
    void graphGradientsMatchFiniteDifferences() {
        for (SdmModel.GateInput input : SdmModel.GateInput.values()) {
            SdmModel model = new SdmModel(2, 6, 4, 3, 3, 0.01, SdmModel.Activation.TANH, 0,
                    SdmModel.DropoutMasks.PASS, input, SdmModel.GateTying.HOP);
            double error = SdmFixtures.bprGradientError(model, 41, 12);
            assertTrue(error < 1e-3, "BPR relative gradient error " + error + ", gateInput " + input);
        }
    }

    /** The kernel's scores and every parameter's gradient equal the graph's: 2–4 hops, both gate inputs, two scales. */
    @Test
    void kernelMatchesTheGraph() {
        for (int hops = 2; hops <= 4; hops++) {
            for (SdmModel.GateInput input : SdmModel.GateInput.values()) {
                SdmModel model = new SdmModel(USERS, ITEMS, 6, hops, 4, 0.01, SdmModel.Activation.TANH, 0,
                        SdmModel.DropoutMasks.PASS, input, SdmModel.GateTying.HOP);
                // Triple 1 has only padding.
                KernelBatch batch = SdmFixtures.leftPaddedTriples(USERS, ITEMS, 6, 4, 60 + hops, Map.of(1, 0));
                for (double scale : new double[] {1, 10}) {
                    KernelCheck.Result result = KernelCheck.compare(model, batch, hops, scale);
                    System.out.printf("SDM gateTying=hop gateInput=%s kernel vs graph: hops %d, scale %s: worst %.2e%n",
                            input, hops, scale, result.worst());
                    assertTrue(result.worst() < 1e-4, () -> "hops " + model.hops() + ", " + input + ", scale "
                            + scale + ": " + result);
                }
            }
        }
    }

    /** Two epochs through the kernel equal two through the graph from the same start: 3 hops, per-hop gates. */
    @Test
    void trainingThroughTheKernelEqualsTheGraph() {
        InteractionData data = KernelCheck.shortSequences();
        SdmModel model = new SdmModel(data.numUsers(), data.numItems(), 6, 3, 3, 0.01, SdmModel.Activation.TANH, 0,
                SdmModel.DropoutMasks.PASS, SdmModel.GateInput.OUTPUT, SdmModel.GateTying.HOP);
        SdmFixtures.assertKernelTrainingEqualsGraph("SDM gateTying=hop", model, data);
    }

    @Test
    void theSettingIsValidatedAndListed() {
        assertEquals(SdmModel.GateTying.HOP, SdmModel.GateTying.parse("Hop"));
        assertEquals(SdmModel.GateTying.GLOBAL, SdmModel.GateTying.parse("global"));
        SdmFixtures.assertRefused(SdmModel.GateTying::parse, new String[] {"layerwise", "", "null"}, "global", "hop",
                "gateTying");
        Map<String, Object> values = SdmFixtures.providerValues(USERS, ITEMS, 3, "gateTying", "perhop");
        assertThrows(IllegalArgumentException.class, () -> new SdmProvider().model(values));
        assertThrows(IllegalArgumentException.class, () -> model(2, SdmModel.GateInput.QUERY, null));
        HyperParameter listed = SdmFixtures.listed("gateTying");
        assertEquals("global", listed.defaultValue());
        assertTrue(listed.description().contains("A-38"), listed.description());
        SdmModel dropping = new SdmModel(USERS, ITEMS, 4, 3, 3, 0, SdmModel.Activation.TANH, 0.2,
                SdmModel.DropoutMasks.PASS, SdmModel.GateInput.QUERY, SdmModel.GateTying.HOP);
        assertEquals(SdmModel.GateTying.HOP, dropping.withoutDropout().gateTying(), "served without dropout");
    }

    /** The setting and the stacked gate are saved and load to the same scores; a snapshot without it is global. */
    @Test
    void snapshotsKeepTheSettingAndOldOnesReadAsGlobal() throws IOException {
        InteractionData data = KernelCheck.shortSequences();
        SdmProvider provider = new SdmProvider();
        Recommender trained = provider.train(data, Map.of("dim", 4, "hops", 3, "contextSize", 3, "gateTying", "hop",
                "gateInput", "output", "batchSize", 16), KernelCheck.trainingContext(3, new BprLoss()));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        trained.save(bytes);
        ParameterSnapshot snapshot = ParameterSnapshot.read(new ByteArrayInputStream(bytes.toByteArray()),
                SdmProvider.NAME);
        assertEquals("hop", String.valueOf(snapshot.hyperParameters().get("gateTying")));
        assertArrayEquals(new long[] {2, 4, 4}, snapshot.parameters().get(SdmModel.W_G).shape());
        Recommender loaded = provider.load(new ByteArrayInputStream(bytes.toByteArray()));
        Query q = new Query(2, InteractionData.NO_GROUP, new int[] {1, 3});
        int[] candidates = {0, 2, 5, 8};
        assertArrayEquals(trained.score(q, candidates), loaded.score(q, candidates), 0f);
        float[] viaGraph = KernelCheck.withKernels(false, () -> {
            try {
                return provider.load(new ByteArrayInputStream(bytes.toByteArray())).score(q, candidates);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertArrayEquals(trained.score(q, candidates), viaGraph, 1e-5f, "served through the graph");
        assertFalse(Arrays.equals(new float[candidates.length], viaGraph));

        Map<String, Object> old = new HashMap<>(snapshot.hyperParameters());
        old.remove("gateTying");
        assertEquals(SdmModel.GateTying.GLOBAL, provider.model(old).gateTying());
    }
}
