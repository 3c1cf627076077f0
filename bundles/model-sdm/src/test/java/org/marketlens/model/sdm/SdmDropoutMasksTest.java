package org.marketlens.model.sdm;

import static org.marketlens.model.sdm.SdmDropoutTest.ITEMS;
import static org.marketlens.model.sdm.SdmDropoutTest.USERS;
import static org.marketlens.model.sdm.SdmDropoutTest.batch;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.marketlens.framework.nn.KernelCheck.largestDifference;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.marketlens.api.data.InteractionData;
import org.marketlens.api.nn.FinalLayerVectors;
import org.marketlens.api.nn.ScoreInputs;
import org.marketlens.api.rec.HyperParameter;
import org.marketlens.api.rec.Query;
import org.marketlens.api.rec.Recommender;
import org.marketlens.framework.nn.KernelCheck;
import org.marketlens.framework.nn.NeuralSettings;
import org.marketlens.framework.nn.ParameterSnapshot;
import org.marketlens.framework.nn.SameDiffTraining;
import org.marketlens.framework.nn.kernel.KernelBatch;
import org.marketlens.framework.nn.kernel.KernelParameters;
import org.marketlens.framework.nn.kernel.ScoreKernel;
import org.marketlens.framework.testing.FixedTrainingContext;
import org.marketlens.loss.bpr.BprLoss;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.functions.DifferentialFunction;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.random.custom.DistributionUniform;

/**
 * SDM's {@code dropoutMasks} option: with {@code hop}, {@code p} and the output hiddens {@code r_k} draw a fresh
 * dropout mask in every hop (the authors' code) instead of once per forward pass ({@code pass}, the default). The
 * kernel's gradient with per-hop masks against central differences of the same masked forward pass, the masks
 * really differing between hops, one hop being exactly {@code pass}, the graph drawing one mask per hop, seeded
 * reproducibility, serving identical for both settings, validation and snapshots.
 */
class SdmDropoutMasksTest {
    private static SdmModel model(int hops, double dropout, SdmModel.DropoutMasks masks) {
        return new SdmModel(USERS, ITEMS, 4, hops, 3, 0, SdmModel.Activation.TANH, dropout, masks);
    }

    /**
     * With p = 0.3 and per-hop masks every parameter's gradient (a sample of entries per table) equals central
     * differences of the same masked forward pass, for 2 and 3 hops. The per-hop masks matter: the scores differ
     * from those of a {@code pass} worker from the same seed and from the serving worker's.
     */
    @Test
    void gradientsWithPerHopMasksMatchCentralDifferences() {
        for (int hops = 2; hops <= 3; hops++) {
            SdmModel model = model(hops, 0.3, SdmModel.DropoutMasks.HOP);
            ScoreKernel kernel = model.kernel();
            KernelBatch batch = batch(3, 50 + hops);
            KernelParameters parameters = KernelParameters.copyOf(KernelCheck.randomParameters(model, 17 + hops));
            float[] plain = new float[batch.rows()];
            kernel.worker(parameters, batch.rows()).forward(batch, 0, batch.rows(), plain);
            float[] perPass = new float[batch.rows()];
            model(hops, 0.3, SdmModel.DropoutMasks.PASS).kernel().worker(parameters, batch.rows(), 2234 + hops)
                    .forward(batch, 0, batch.rows(), perPass);
            KernelCheck.CentralDifferences d = KernelCheck.centralDifferences(kernel, parameters, batch,
                    KernelCheck.randomWeights(batch.rows(), hops), 2234 + hops, 24, false);
            assertFalse(Arrays.equals(d.scores(), plain), "the training worker drops out");
            assertFalse(Arrays.equals(d.scores(), perPass), "per-hop masks differ from per-pass masks");
            System.out.printf("SDM dropout 0.3 per-hop masks, %d hops: %d gradient entries vs central differences,"
                    + " worst %.2e%n", hops, d.checked(), d.worst());
            assertTrue(d.worst() < 2e-3, d.worstEntry());
            assertTrue(d.nonZero() > d.checked() / 3, "most sampled gradients are non-trivial: " + d);
        }
    }

    /**
     * A training worker with per-hop masks keeps one output set per hop, and the masks of {@code p} and of
     * {@code r_k} differ between every two hops (each keeps about 70% of its entries); a per-pass worker keeps one.
     */
    @Test
    void perHopMasksDifferBetweenHops() {
        int hops = 3;
        KernelBatch batch = batch(3, 61);
        SdmModel model = model(hops, 0.3, SdmModel.DropoutMasks.HOP);
        KernelParameters parameters = KernelParameters.copyOf(KernelCheck.randomParameters(model, 5));
        SdmKernel.SdmWorker worker = (SdmKernel.SdmWorker) model.kernel().worker(parameters, batch.rows(), 77);
        worker.forward(batch, 0, batch.rows(), new float[batch.rows()]);
        assertEquals(hops, worker.outputSets());
        for (int a = 0; a < hops; a++) {
            for (int b = a + 1; b < hops; b++) {
                assertFalse(Arrays.equals(worker.keepP(a), worker.keepP(b)), "p's masks of hops " + a + ", " + b);
                assertFalse(Arrays.equals(worker.keepR(a), worker.keepR(b)), "r's masks of hops " + a + ", " + b);
            }
            double kept = 0;
            for (float k : worker.keepR(a)) {
                kept += k == 0f ? 0 : 1;
            }
            kept /= worker.keepR(a).length;
            assertTrue(kept > 0.55 && kept < 0.85, "r's mask of hop " + a + " keeps " + kept);
        }
        SdmKernel.SdmWorker perPass = (SdmKernel.SdmWorker) model(hops, 0.3, SdmModel.DropoutMasks.PASS).kernel()
                .worker(parameters, batch.rows(), 77);
        assertEquals(1, perPass.outputSets());
        SdmKernel.SdmWorker serving = (SdmKernel.SdmWorker) model.kernel().worker(parameters, batch.rows());
        assertEquals(1, serving.outputSets());
        assertNull(serving.keepP(0), "serving never drops out");
    }

    /**
     * With one hop there is nothing to redraw: {@code hop} draws the same masks in the same order as {@code pass}, so
     * scores and gradients are bit-identical; for more hops the per-pass worker is the unchanged default.
     */
    @Test
    void oneHopPerHopMasksArePerPassMasks() {
        KernelBatch batch = batch(3, 71);
        SdmModel hop = model(1, 0.3, SdmModel.DropoutMasks.HOP);
        SdmModel pass = model(1, 0.3, SdmModel.DropoutMasks.PASS);
        KernelParameters parameters = KernelParameters.copyOf(KernelCheck.randomParameters(hop, 3));
        float[] weights = KernelCheck.randomWeights(batch.rows(), 4);
        SdmFixtures.assertSameKernelPass(hop, pass, parameters, batch, weights,
                model -> model.kernel().worker(parameters, batch.rows(), 99));
        assertEquals(SdmModel.DropoutMasks.PASS, new SdmModel(USERS, ITEMS, 4, 2, 3, 0, SdmModel.Activation.TANH, 0.2)
                .dropoutMasks(), "the default");
    }

    /**
     * The training graph draws one uniform tensor per mask: q, p, r and one hidden per hop with {@code pass}
     * (3 + H); q and, per hop, p, r and the hidden with {@code hop} (1 + 3H); none without dropout.
     */
    @Test
    void theGraphDrawsPerHopMasks() {
        for (int hops = 1; hops <= 4; hops++) {
            assertEquals(3 + hops, uniformOps(model(hops, 0.2, SdmModel.DropoutMasks.PASS)), "pass, H=" + hops);
            assertEquals(1 + 3 * hops, uniformOps(model(hops, 0.2, SdmModel.DropoutMasks.HOP)), "hop, H=" + hops);
            assertEquals(0, uniformOps(model(hops, 0, SdmModel.DropoutMasks.HOP)), "no dropout, H=" + hops);
        }
    }

    private static int uniformOps(SdmModel model) {
        SameDiff sd = SameDiff.create();
        ScoreInputs in = new ScoreInputs(sd.placeHolder("users", DataType.INT, -1),
                sd.placeHolder("items", DataType.INT, -1), sd.placeHolder("context", DataType.INT, -1, 3),
                sd.placeHolder("contextMask", DataType.FLOAT, -1, 3));
        Map<String, SDVariable> vars = new HashMap<>();
        for (var spec : model.parameters()) {
            vars.put(spec.name(), sd.var(spec.name(), DataType.FLOAT, spec.shape()));
        }
        model.score(sd, vars::get, in);
        int count = 0;
        for (DifferentialFunction op : sd.ops()) {
            if (op instanceof DistributionUniform) {
                count++;
            }
        }
        return count;
    }

    /**
     * Kernel training with per-hop masks is reproducible from the seed and differs from training without dropout, with
     * another seed and with per-pass masks; the graph with per-hop masks trains to finite parameters. Served, both
     * settings give the same deterministic scores as the dropout-free model, through the kernel and the graph.
     */
    @Test
    void perHopMasksChangeTrainingButNotServing() {
        InteractionData data = KernelCheck.shortSequences();
        SdmModel hop = new SdmModel(data.numUsers(), data.numItems(), 6, 3, 3, 0.01, SdmModel.Activation.TANH, 0.2,
                SdmModel.DropoutMasks.HOP);
        SdmModel pass = new SdmModel(data.numUsers(), data.numItems(), 6, 3, 3, 0.01, SdmModel.Activation.TANH, 0.2,
                SdmModel.DropoutMasks.PASS);
        Map<String, INDArray> once = KernelCheck.assertSeededDropoutTraining(seed -> train(hop, data, seed, true),
                seed -> train(hop.withoutDropout(), data, seed, true), 9, SdmModel.USER_MEMORY, 1e-3);
        Map<String, INDArray> perPass = train(pass, data, 9, true);
        assertTrue(largestDifference(once.get(SdmModel.USER_MEMORY), perPass.get(SdmModel.USER_MEMORY)) > 1e-3,
                "per-hop masks train differently from per-pass masks");

        Map<String, INDArray> graph = train(hop, data, 9, false);
        for (Map.Entry<String, INDArray> e : graph.entrySet()) {
            for (float v : e.getValue().castTo(DataType.FLOAT).dup('c').data().asFloat()) {
                assertTrue(Float.isFinite(v), e.getKey() + " finite after graph training with per-hop masks");
            }
        }

        Map<String, Object> values = Map.of("numItems", data.numItems());
        List<Query> queries = new ArrayList<>();
        for (int[] history : new int[][] {{4, 5}, {1, 2, 3, 7}, {6}}) {
            queries.add(new Query(1, InteractionData.NO_GROUP, history));
        }
        for (Map<String, INDArray> parameters : List.of(once, graph)) {
            Recommender served = new SdmProvider().serve(hop, parameters, values);
            Recommender servedPass = new SdmProvider().serve(pass, parameters, values);
            Recommender plain = new SdmProvider().serve(hop.withoutDropout(), parameters, values);
            Recommender viaGraph = KernelCheck.withKernels(false,
                    () -> new SdmProvider().serve(hop, parameters, values));
            KernelCheck.assertServedWithoutDropout(served, plain, viaGraph, queries, data.numItems());
            int[] all = new int[data.numItems()];
            Arrays.setAll(all, i -> i);
            for (Query q : queries) {
                assertArrayEquals(servedPass.score(q, all), served.score(q, all), 0f, "pass and hop serve alike");
            }
        }
    }

    @Test
    void theSettingIsValidatedAndListed() {
        assertEquals(SdmModel.DropoutMasks.HOP, SdmModel.DropoutMasks.parse("hop"));
        assertEquals(SdmModel.DropoutMasks.PASS, SdmModel.DropoutMasks.parse("PASS"));
        SdmFixtures.assertRefused(SdmModel.DropoutMasks::parse, new String[] {"layer", "", "null"}, "pass", "hop");
        Map<String, Object> values = SdmFixtures.providerValues(USERS, ITEMS, 2, "dropout", 0.2, "dropoutMasks",
                "perhop");
        assertThrows(IllegalArgumentException.class, () -> new SdmProvider().model(values));
        assertThrows(IllegalArgumentException.class, () -> model(2, 0.2, null));
        HyperParameter listed = SdmFixtures.listed("dropoutMasks");
        assertEquals("pass", listed.defaultValue());
    }

    /** The setting is saved; a snapshot from before it (no "dropoutMasks" key) loads as {@code pass}. */
    @Test
    void snapshotsKeepTheSettingAndOldOnesReadAsPass() throws IOException {
        InteractionData data = KernelCheck.shortSequences();
        SdmProvider provider = new SdmProvider();
        Recommender trained = provider.train(data, Map.of("dim", 4, "hops", 2, "contextSize", 3, "dropout", 0.2,
                "dropoutMasks", "hop", "batchSize", 16), KernelCheck.trainingContext(3, new BprLoss()));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        trained.save(bytes);
        ParameterSnapshot snapshot = ParameterSnapshot.read(new ByteArrayInputStream(bytes.toByteArray()),
                SdmProvider.NAME);
        assertEquals("hop", String.valueOf(snapshot.hyperParameters().get("dropoutMasks")));
        Recommender loaded = provider.load(new ByteArrayInputStream(bytes.toByteArray()));
        assertEquals(SdmModel.DropoutMasks.HOP, provider.model(snapshot.hyperParameters()).dropoutMasks());
        Query q = new Query(2, InteractionData.NO_GROUP, new int[] {1, 3});
        int[] candidates = {0, 2, 5, 8};
        assertArrayEquals(trained.score(q, candidates), loaded.score(q, candidates), 0f);

        Map<String, Object> old = new HashMap<>(snapshot.hyperParameters());
        old.remove("dropoutMasks");
        ByteArrayOutputStream oldBytes = new ByteArrayOutputStream();
        ParameterSnapshot.write(oldBytes, new ParameterSnapshot(SdmProvider.NAME, old, snapshot.parameters()));
        Recommender fromOld = provider.load(new ByteArrayInputStream(oldBytes.toByteArray()));
        assertEquals(SdmModel.DropoutMasks.PASS, provider.model(old).dropoutMasks());
        assertArrayEquals(trained.score(q, candidates), fromOld.score(q, candidates), 0f);
        assertEquals(0.0, ((SdmModel) ((FinalLayerVectors) fromOld).model()).dropout());
    }

    private static Map<String, INDArray> train(SdmModel model, InteractionData data, long seed, boolean kernels) {
        return KernelCheck.withKernels(kernels, () -> new LinkedHashMap<>(SameDiffTraining.train("SDM", model,
                data, new NeuralSettings(0.001, 16, 2), trainingContext(seed), p -> null)));
    }

    private static FixedTrainingContext trainingContext(long seed) {
        return KernelCheck.trainingContext(seed, new BprLoss());
    }
}
