package org.marketlens.model.sdm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.marketlens.api.data.InteractionData;
import org.marketlens.api.nn.AttentionWeights;
import org.marketlens.api.nn.AttentionWeights.Attention;
import org.marketlens.api.nn.FinalLayerVectors;
import org.marketlens.api.nn.Loss;
import org.marketlens.api.nn.ScoreInputs;
import org.marketlens.api.rec.Query;
import org.marketlens.api.rec.Recommender;
import org.marketlens.api.train.NegativeSampler;
import org.marketlens.framework.data.Interactions;
import org.marketlens.framework.data.InteractionsBuilder;
import org.marketlens.framework.testing.FixedTrainingContext;
import org.marketlens.framework.testing.RandomParameters;
import org.marketlens.framework.testing.RejectionSampler;
import org.marketlens.loss.bpr.BprLoss;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class SdmRecommenderTest {
    private static final int D = 3;

    private static INDArray eye() {
        return Nd4j.eye(D).castTo(DataType.FLOAT);
    }

    /**
     * f = identity, W_a = [0, I], W_c = [I, −I], biases 0: z_k = ||v_in,j − v_in,k||² (MODELS.md §4.3), so the
     * exported weights must be the softmin of hand-computed item-item distances over the s latest context items.
     */
    @Test
    void weightsAreTheSoftminOfHandComputedItemDistancesOverTheWindow() {
        SdmModel model = new SdmModel(2, 6, D, 1, 3, 0, SdmModel.Activation.IDENTITY);
        Map<String, INDArray> p = RandomParameters.uniform(model, 1, Map.of(
                SdmModel.W_A, Nd4j.concat(1, Nd4j.zeros(DataType.FLOAT, D, D), eye()),
                SdmModel.W_C, Nd4j.concat(1, eye(), eye().neg()),
                SdmModel.B_A, Nd4j.zeros(DataType.FLOAT, D), SdmModel.B_C, Nd4j.zeros(DataType.FLOAT, D)));
        AttentionWeights rec = new SdmRecommender("SDM", model, p, Map.of(), 6);
        // History 5, 3, 4, 0: the window of s = 3 is the latest three, 3, 4, 0.
        List<Attention> out = rec.attention(new Query(1, InteractionData.NO_GROUP, new int[] {5, 3, 4, 0}),
                new int[] {2, 1});
        assertEquals(2, out.size());
        for (Attention a : out) {
            assertArrayEquals(new int[] {3, 4, 0}, a.context());
            assertEquals(1, a.hops());
            double[] e = new double[3];
            double sum = 0;
            for (int k = 0; k < 3; k++) {
                double z = 0;
                for (int x = 0; x < D; x++) {
                    double diff = p.get(SdmModel.ITEM_MEMORY).getDouble(a.item(), x)
                            - p.get(SdmModel.ITEM_MEMORY).getDouble(a.context()[k], x);
                    z += diff * diff;
                }
                e[k] = Math.exp(-z);
                sum += e[k];
            }
            for (int k = 0; k < 3; k++) {
                assertEquals(e[k] / sum, a.weights()[0][k], 1e-5, "item " + a.item() + ", context position " + k);
            }
        }
        assertEquals(2, out.get(0).item());
        Attention single = rec.attention(new Query(0, InteractionData.NO_GROUP, new int[] {4}), new int[] {3}).get(0);
        assertArrayEquals(new int[] {4}, single.context(), "padding is not exported");
        assertArrayEquals(new float[] {1f}, single.weights()[0], 1e-6f);
        Attention none = rec.attention(Query.of(0), new int[] {3}).get(0);
        assertEquals(0, none.context().length);
        assertEquals(0, none.weights()[0].length);
    }

    /** With tanh and three hops the export equals the forward graph's own attention (the one the score uses). */
    @Test
    void exportedWeightsEqualTheScoringGraphsAttentionAtEveryHop() {
        SdmModel model = new SdmModel(3, 8, D, 3, 4, 0, SdmModel.Activation.TANH);
        Map<String, INDArray> p = RandomParameters.uniform(model, 2, Map.of());
        AttentionWeights rec = new SdmRecommender("SDM", model, p, Map.of(), 8);
        int[] items = {0, 6, 7};
        List<Attention> out = rec.attention(new Query(2, InteractionData.NO_GROUP, new int[] {1, 5, 3}), items);
        SameDiff sd = SameDiff.create();
        p.forEach(sd::constant);
        int[][] context = {{1, 5, 3, 0}, {1, 5, 3, 0}, {1, 5, 3, 0}};
        float[][] mask = {{1, 1, 1, 0}, {1, 1, 1, 0}, {1, 1, 1, 0}};
        ScoreInputs in = new ScoreInputs(sd.constant("users", Nd4j.createFromArray(new int[] {2, 2, 2})),
                sd.constant("items", Nd4j.createFromArray(items)), sd.constant("context", Nd4j.createFromArray(context)),
                sd.constant("contextMask", Nd4j.createFromArray(mask)));
        SdmModel.Forward forward = model.forward(sd, sd::getVariable, in);
        for (int h = 0; h < 3; h++) {
            INDArray expected = forward.attention().get(h).eval();
            for (int row = 0; row < items.length; row++) {
                float[] w = out.get(row).weights()[h];
                assertEquals(3, w.length);
                assertArrayEquals(java.util.Arrays.copyOf(expected.getRow(row).toFloatVector(), 3), w, 1e-6f);
                assertEquals(1.0, w[0] + w[1] + w[2], 1e-5, "weights of hop " + (h + 1) + " sum to 1");
            }
        }
        assertArrayEquals(rec.score(new Query(2, InteractionData.NO_GROUP, new int[] {1, 5, 3}), items),
                new org.marketlens.framework.nn.SameDiffRecommender("SDM", model, p, Map.of(), 8)
                        .score(new Query(2, InteractionData.NO_GROUP, new int[] {1, 5, 3}), items), 1e-5f,
                "scores are those of the plain serving graph (through the kernel: to float precision)");
    }

    /**
     * Scores come from the kernel and equal the SameDiff serving graph's (the reference) to float precision, for a
     * full window, a short (padded) one, an empty one and one longer than s; the graph path stays available.
     */
    @Test
    void kernelScoresEqualTheGraphsForFullPaddedAndEmptyWindows() {
        SdmModel model = new SdmModel(3, 8, 5, 3, 3, 0, SdmModel.Activation.TANH);
        Map<String, INDArray> p = RandomParameters.uniform(model, 4, Map.of());
        SdmRecommender rec = new SdmRecommender("SDM", model, p, Map.of(), 8);
        org.marketlens.framework.nn.SameDiffRecommender graph =
                new org.marketlens.framework.nn.SameDiffRecommender("SDM", model, p, Map.of(), 8);
        int[] items = {0, 1, 2, 3, 4, 5, 6, 7, 2};
        for (int[] context : new int[][] {{1, 5, 3}, {6}, {}, {7, 7, 1, 0, 4}}) {
            Query query = new Query(1, InteractionData.NO_GROUP, context);
            float[] expected = graph.score(query, items);
            float[] actual = rec.score(query, items);
            for (int k = 0; k < items.length; k++) {
                assertEquals(expected[k], actual[k], 1e-5 * Math.max(1, Math.abs(expected[k])),
                        "context " + java.util.Arrays.toString(context) + ", item " + items[k]);
            }
            assertArrayEquals(actual, rec.score(query, items), 0f, "repeatable");
        }
        String previous = System.getProperty(org.marketlens.framework.nn.kernel.KernelTraining.ENABLED);
        System.setProperty(org.marketlens.framework.nn.kernel.KernelTraining.ENABLED, "false");
        try {
            Query query = new Query(2, InteractionData.NO_GROUP, new int[] {3, 4});
            assertArrayEquals(graph.score(query, items), rec.score(query, items), 0f, "the graph path when forced");
        } finally {
            if (previous == null) {
                System.clearProperty(org.marketlens.framework.nn.kernel.KernelTraining.ENABLED);
            } else {
                System.setProperty(org.marketlens.framework.nn.kernel.KernelTraining.ENABLED, previous);
            }
        }
    }

    /** The provider serves the capability, and a snapshot restores a model with the same weights. */
    @Test
    void trainedAndReloadedSdmExportsTheSameAttention() throws Exception {
        InteractionsBuilder b = Interactions.builder();
        SplittableRandom r = new SplittableRandom(5);
        for (int user = 0; user < 20; user++) {
            for (int t = 0; t < 8; t++) {
                b.add("u" + user, "i" + r.nextInt(12), Float.NaN, t, -1);
            }
        }
        InteractionData data = b.build();
        FixedTrainingContext ctx = new FixedTrainingContext(3, 1, 1)
                .with(Loss.class, "BPR", new BprLoss()).with(NegativeSampler.class, "uniform", new RejectionSampler());
        SdmProvider provider = new SdmProvider();
        Recommender model = provider.train(data, Map.of("dim", 4, "hops", 2, "contextSize", 3), ctx);
        assertInstanceOf(FinalLayerVectors.class, model, "SDMR still gets the final-layer vectors");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        model.save(bytes);
        Recommender loaded = provider.load(new ByteArrayInputStream(bytes.toByteArray()));
        Query q = new Query(4, InteractionData.NO_GROUP, new int[] {1, 2, 3, 4});
        List<Attention> a = ((AttentionWeights) model).attention(q, new int[] {0, 5});
        List<Attention> b2 = assertInstanceOf(AttentionWeights.class, loaded).attention(q, new int[] {0, 5});
        for (int i = 0; i < 2; i++) {
            assertEquals(2, a.get(i).hops());
            for (int h = 0; h < 2; h++) {
                assertArrayEquals(a.get(i).weights()[h], b2.get(i).weights()[h], 0f);
            }
        }
    }
}
