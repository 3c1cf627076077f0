package org.marketlens.model.sdm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
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
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * SDM's dropout option: the kernel's gradient with dropout active against central differences of its own
 * forward pass (a training worker re-created from the same seed draws the same masks), dropout in training only
 * (through the kernel and through the graph), reproducibility from the seed, validation of the rate and snapshots
 * with and without the rate.
 */
class SdmDropoutTest {
    static final int USERS = 4;
    static final int ITEMS = 7;

    /** Three triples as the trainer lays them out; context slot 0 of every row is padding (mask 0). */
    static KernelBatch batch(int s, long seed) {
        return KernelCheck.triples(USERS, ITEMS, 3, s, seed, (t, random, context, mask) -> {
            for (int k = 0; k < s; k++) {
                context[k] = random.nextInt(ITEMS);
                mask[k] = k == 0 ? 0f : 1f;
            }
        });
    }

    /**
     * With p = 0.3 every parameter's gradient (a sample of entries per table, the embedding rows the batch touches
     * included) equals central differences of the same masked forward pass, for 2 and 3 hops, d = 4, s = 3 with a
     * padded slot. The masks are really active: the training worker's scores differ from the serving worker's.
     */
    @Test
    void gradientsWithDropoutMatchCentralDifferences() {
        for (int hops = 2; hops <= 3; hops++) {
            SdmModel model = new SdmModel(USERS, ITEMS, 4, hops, 3, 0, SdmModel.Activation.TANH, 0.3);
            ScoreKernel kernel = model.kernel();
            KernelBatch batch = batch(3, 40 + hops);
            KernelParameters parameters = KernelParameters.copyOf(KernelCheck.randomParameters(model, 7 + hops));
            float[] plain = new float[batch.rows()];
            kernel.worker(parameters, batch.rows()).forward(batch, 0, batch.rows(), plain);
            KernelCheck.CentralDifferences d = KernelCheck.centralDifferences(kernel, parameters, batch,
                    KernelCheck.randomWeights(batch.rows(), hops), 1234 + hops, 12, false);
            assertFalse(Arrays.equals(d.scores(), plain), "the training worker drops out");
            System.out.printf("SDM dropout 0.3, %d hops: %d gradient entries vs central differences, worst %.2e%n",
                    hops, d.checked(), d.worst());
            assertTrue(d.worst() < 2e-3, d.worstEntry());
            assertTrue(d.nonZero() > d.checked() / 3, "most sampled gradients are non-trivial: " + d);
        }
    }

    @Test
    void theRateIsValidated() {
        for (double bad : new double[] {-0.1, 1.0, 1.5, Double.NaN}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new SdmModel(USERS, ITEMS, 4, 2, 3, 0, SdmModel.Activation.TANH, bad));
            assertTrue(e.getMessage().contains(String.valueOf(bad)), e.getMessage());
        }
        assertEquals(0.2, new SdmModel(USERS, ITEMS, 4, 2, 3, 0, SdmModel.Activation.TANH, 0.2).dropout());
        assertEquals(0.0, new SdmModel(USERS, ITEMS, 4, 2, 3, 0, SdmModel.Activation.TANH, 0.2).withoutDropout()
                .dropout());
    }

    /**
     * Dropout acts in training only: kernel training with p = 0.2 is reproducible from the seed and differs from
     * training without dropout and with another seed; the graph with p = 0.2 trains to finite parameters that differ
     * from the dropout-free graph's. Each served model is deterministic and equals the dropout-free model's scores
     * with the same parameters, through the kernel and through the graph.
     */
    @Test
    void dropoutChangesTrainingButNotServing() {
        InteractionData data = KernelCheck.shortSequences();
        SdmModel withDropout = new SdmModel(data.numUsers(), data.numItems(), 6, 3, 3, 0.01,
                SdmModel.Activation.TANH, 0.2);
        // Adam's first steps are nearly lr · sign(g) for every entry, so compare a table whose signs dropout flips.
        Map<String, INDArray> once = KernelCheck.assertSeededDropoutTraining(
                seed -> train(withDropout, data, seed, true),
                seed -> train(withDropout.withoutDropout(), data, seed, true), 9, SdmModel.USER_MEMORY, 1e-3);

        Map<String, INDArray> graph = train(withDropout, data, 9, false);
        Map<String, INDArray> graphNone = train(withDropout.withoutDropout(), data, 9, false);
        for (Map.Entry<String, INDArray> e : graph.entrySet()) {
            float[] x = e.getValue().castTo(DataType.FLOAT).dup('c').data().asFloat();
            for (float v : x) {
                assertTrue(Float.isFinite(v), e.getKey() + " finite after graph training with dropout");
            }
        }
        assertTrue(largestDifference(graph.get(SdmModel.USER_MEMORY), graphNone.get(SdmModel.USER_MEMORY)) > 1e-3,
                "the training graph drops out");

        for (Map<String, INDArray> parameters : List.of(once, graph)) {
            Map<String, Object> values = Map.of("numItems", data.numItems());
            Recommender served = new SdmProvider().serve(withDropout, parameters, values);
            Recommender plain = new SdmProvider().serve(withDropout.withoutDropout(), parameters, values);
            Recommender viaGraph = KernelCheck.withKernels(false,
                    () -> new SdmProvider().serve(withDropout, parameters, values));
            assertEquals(0.0, ((SdmModel) ((FinalLayerVectors) served).model()).dropout(),
                    "SDMR freezes the dropout-free model");
            List<Query> queries = new ArrayList<>();
            for (int[] history : new int[][] {{4, 5}, {1, 2, 3, 7}, {6}}) {
                queries.add(new Query(1, InteractionData.NO_GROUP, history));
            }
            KernelCheck.assertServedWithoutDropout(served, plain, viaGraph, queries, data.numItems());
        }
    }

    /** The rate is saved with the model; a snapshot from before the option (no "dropout" key) loads with rate 0. */
    @Test
    void snapshotsKeepTheRateAndOldOnesReadAsNoDropout() throws IOException {
        InteractionData data = KernelCheck.shortSequences();
        SdmProvider provider = new SdmProvider();
        Recommender trained = provider.train(data, Map.of("dim", 4, "hops", 2, "contextSize", 3, "dropout", 0.2,
                "batchSize", 16), trainingContext(3));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        trained.save(bytes);
        ParameterSnapshot snapshot = ParameterSnapshot.read(new ByteArrayInputStream(bytes.toByteArray()),
                SdmProvider.NAME);
        assertEquals(0.2, ((Number) snapshot.hyperParameters().get("dropout")).doubleValue());
        Recommender loaded = provider.load(new ByteArrayInputStream(bytes.toByteArray()));
        Query q = new Query(2, InteractionData.NO_GROUP, new int[] {1, 3});
        int[] candidates = {0, 2, 5, 8};
        assertArrayEquals(trained.score(q, candidates), loaded.score(q, candidates), 0f);

        Map<String, Object> old = new HashMap<>(snapshot.hyperParameters());
        old.remove("dropout");
        ByteArrayOutputStream oldBytes = new ByteArrayOutputStream();
        ParameterSnapshot.write(oldBytes, new ParameterSnapshot(SdmProvider.NAME, old, snapshot.parameters()));
        Recommender fromOld = provider.load(new ByteArrayInputStream(oldBytes.toByteArray()));
        assertInstanceOf(FinalLayerVectors.class, fromOld);
        assertEquals(0.0, ((SdmModel) ((FinalLayerVectors) fromOld).model()).dropout());
        assertArrayEquals(trained.score(q, candidates), fromOld.score(q, candidates), 0f);
        assertEquals(0.0, provider.model(old).dropout(), "a snapshot without the key has no dropout");
    }

    private static Map<String, INDArray> train(SdmModel model, InteractionData data, long seed, boolean kernels) {
        return KernelCheck.withKernels(kernels, () -> new LinkedHashMap<>(SameDiffTraining.train("SDM", model,
                data, new NeuralSettings(0.001, 16, 2), trainingContext(seed), p -> null)));
    }

    private static FixedTrainingContext trainingContext(long seed) {
        return KernelCheck.trainingContext(seed, new BprLoss());
    }
}
