package org.marketlens.model.sdp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.marketlens.framework.nn.KernelCheck.largestDifference;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.marketlens.api.data.InteractionData;
import org.marketlens.api.nn.ParameterSpec;
import org.marketlens.api.nn.ScoreInputs;
import org.marketlens.api.rec.Query;
import org.marketlens.api.rec.Recommender;
import org.marketlens.framework.nn.KernelCheck;
import org.marketlens.framework.nn.NeuralSettings;
import org.marketlens.framework.nn.ParameterSnapshot;
import org.marketlens.framework.nn.SameDiffTraining;
import org.marketlens.framework.nn.kernel.FinalLayerKernel;
import org.marketlens.framework.nn.kernel.KernelBatch;
import org.marketlens.framework.nn.kernel.KernelParameters;
import org.marketlens.framework.testing.FixedTrainingContext;
import org.marketlens.loss.bpr.BprLoss;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * SDP's dropout (MODELS.md A-8): on every layer's output in training only, through the graph and the kernel's seeded
 * training workers; off by default, validated, persisted, and served without.
 */
class SdpDropoutTest {
    /** Repeated users and items, so the per-distinct-row first layer meets rows with different masks. */
    private static final KernelBatch BATCH = new KernelBatch(new int[] {0, 0, 3, 0, 3, 1, 4, 2, 2},
            new int[] {2, 2, 5, 6, 2, 0, 1, 3, 2});

    private static Map<String, INDArray> parameters(SdpModel model, long seed, double scale) {
        Nd4j.getRandom().setSeed(seed);
        Map<String, INDArray> p = new LinkedHashMap<>();
        for (ParameterSpec spec : model.parameters()) {
            p.put(spec.name(), Nd4j.randn(DataType.FLOAT, spec.shape()).muli(scale));
        }
        return p;
    }

    /**
     * The kernel's gradient with dropout active equals central finite differences of its own forward pass with the
     * same masks (every forward from a worker re-created from one seed), for every entry of every parameter, two tanh
     * layers: the backward pass reuses the forward pass's masks on both layers.
     */
    @Test
    void kernelGradientWithDropoutMatchesFiniteDifferences() {
        SdpModel model = new SdpModel(5, 7, 6, 2, 0.01, true, 0.4);
        FinalLayerKernel kernel = model.kernel();
        KernelParameters p = KernelParameters.copyOf(parameters(model, 3, 0.7));
        float[] served = new float[BATCH.rows()];
        kernel.worker(p, BATCH.rows()).forward(BATCH, 0, BATCH.rows(), served);
        KernelCheck.CentralDifferences d = KernelCheck.centralDifferences(kernel, p, BATCH,
                KernelCheck.randomWeights(BATCH.rows(), 8), 77, Integer.MAX_VALUE, false);
        assertTrue(largestDifference(d.scores(), served) > 1e-3,
                "the training worker drops units, the serving one not");
        System.out.printf("SDP kernel with dropout 0.4 vs finite differences: %d entries, worst %.2e%n", d.checked(),
                d.worst());
        assertTrue(d.worst() < 2e-3, d.worstEntry());
    }

    /**
     * The training graph's dropout: with one layer, {@code e^(ℓ+1) = square(k ⊙ x_1)} is, per element, either 0
     * (dropped) or {@code x_1² / (1 − p)²} (kept and rescaled), and both occur; {@code p = 0} is the plain graph.
     */
    @Test
    void graphDropsAndRescalesEveryLayerOutput() {
        SdpModel plain = new SdpModel(5, 7, 8, 1, 0.01);
        SdpModel dropped = new SdpModel(5, 7, 8, 1, 0.01, true, 0.5);
        Map<String, INDArray> p = parameters(plain, 4, 0.5);
        float[] x = finalVectors(plain, p);
        float[] y = finalVectors(dropped, p);
        int zeros = 0;
        int kept = 0;
        for (int i = 0; i < x.length; i++) {
            if (y[i] == 0f && x[i] != 0f) {
                zeros++;
            } else {
                assertEquals(4 * x[i], y[i], 1e-6 + 1e-5 * Math.abs(y[i]), "element " + i);
                kept++;
            }
        }
        assertTrue(zeros > 0 && kept > 0, zeros + " dropped, " + kept + " kept");
    }

    private static float[] finalVectors(SdpModel model, Map<String, INDArray> parameters) {
        SameDiff sd = SameDiff.create();
        Map<String, SDVariable> variables = new LinkedHashMap<>();
        parameters.forEach((k, v) -> variables.put(k, sd.var(k, v.dup())));
        ScoreInputs in = new ScoreInputs(sd.constant("users", Nd4j.createFromArray(BATCH.users())),
                sd.constant("items", Nd4j.createFromArray(BATCH.items())), null, null);
        return model.finalVectors(sd, variables::get, in).eval().castTo(DataType.FLOAT).dup('c').data().asFloat();
    }

    /**
     * Kernel training with dropout is reproducible from the seed and differs from training without dropout and with
     * another seed; the served model is deterministic, has no dropout, and the kernel serves what the graph serves.
     */
    @Test
    void dropoutChangesTrainingButNotServing() {
        InteractionData data = KernelCheck.clustered();
        SdpModel withDropout = new SdpModel(data.numUsers(), data.numItems(), 8, 2, 0.01, true, 0.3);
        Map<String, INDArray> once = KernelCheck.assertSeededDropoutTraining(seed -> train(withDropout, data, seed),
                seed -> train(withDropout.withoutDropout(), data, seed), 9, SdpModel.weight(1), 1e-5);

        Map<String, Object> values = Map.of("numItems", data.numItems());
        Recommender served = new SdpProvider().serve(withDropout, once, values);
        Recommender plain = new SdpProvider().serve(withDropout.withoutDropout(), once, values);
        Recommender graph = KernelCheck.withKernels(false, () -> new SdpProvider().serve(withDropout, once, values));
        KernelCheck.assertServedWithoutDropout(served, plain, graph, List.of(Query.of(0), Query.of(3), Query.of(7)),
                data.numItems());
    }

    /** The hyper-parameter: default 0, rejected outside [0, 1), persisted, and absent from old snapshots = 0. */
    @Test
    void dropoutIsAValidatedPersistedHyperParameterThatDefaultsToNone() throws IOException {
        SdpProvider provider = new SdpProvider();
        assertEquals(0.0, provider.hyperParameters().stream().filter(h -> h.name().equals("dropout")).findFirst()
                .orElseThrow().defaultValue());
        Map<String, Object> values = new LinkedHashMap<>(Map.of("numUsers", 4, "numItems", 6, "dim", 8, "layers", 1,
                "lambda", 0.01));
        assertEquals(0.0, provider.model(values).dropout(), "a snapshot written before dropout existed");
        values.put("dropout", 0.25);
        assertEquals(0.25, provider.model(values).dropout());
        for (double bad : new double[] {-0.1, 1.0, Double.NaN}) {
            values.put("dropout", bad);
            assertThrows(IllegalArgumentException.class, () -> provider.model(values), "dropout " + bad);
        }

        InteractionData data = KernelCheck.clustered();
        Recommender trained = provider.train(data, Map.of("dim", 8, "dropout", 0.2), context(3));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        trained.save(bytes);
        ParameterSnapshot snapshot = ParameterSnapshot.read(new ByteArrayInputStream(bytes.toByteArray()), "SDP");
        assertEquals(0.2, ((Number) snapshot.hyperParameters().get("dropout")).doubleValue());
        Recommender loaded = provider.load(new ByteArrayInputStream(bytes.toByteArray()));
        int[] items = {0, 5, 25, 39};
        assertArrayEquals(trained.score(Query.of(2), items), loaded.score(Query.of(2), items));
    }

    private static Map<String, INDArray> train(SdpModel model, InteractionData data, long seed) {
        return KernelCheck.withKernels(true, () -> new LinkedHashMap<>(SameDiffTraining.train("SDP", model, data,
                new NeuralSettings(0.001, 64, 2), context(seed), p -> null)));
    }

    private static FixedTrainingContext context(long seed) {
        return KernelCheck.trainingContext(seed, new BprLoss());
    }
}
