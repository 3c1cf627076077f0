package org.marketlens.model.mass;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.marketlens.api.data.InteractionData;
import org.marketlens.api.nn.AttentionWeights;
import org.marketlens.api.nn.AttentionWeights.Attention;
import org.marketlens.api.nn.Loss;
import org.marketlens.api.rec.Query;
import org.marketlens.api.rec.Recommender;
import org.marketlens.api.train.NegativeSampler;
import org.marketlens.framework.data.Interactions;
import org.marketlens.framework.data.InteractionsBuilder;
import org.marketlens.framework.testing.FixedTrainingContext;
import org.marketlens.framework.testing.RandomParameters;
import org.marketlens.framework.testing.RejectionSampler;
import org.marketlens.loss.bpr.BprLoss;
import org.marketlens.model.mass.MassModel.Memory;
import org.nd4j.linalg.api.ndarray.INDArray;

class MassRecommenderTest {
    /** The exported α are the scoring graph's own, over the window's real members only, summing to 1. */
    @Test
    void exportedWeightsAreTheGraphsAttentionOverTheMembers() {
        for (MassModel.Attention variant : MassModel.Attention.values()) {
            MassModel model = new MassModel(3, 8, 3, 4, 0, variant, Memory.EXTERNAL);
            Map<String, INDArray> p = RandomParameters.uniform(model, 2, Map.of());
            AttentionWeights rec = (AttentionWeights) new MassProvider().serve(model, p, Map.of("numItems", 8));
            int[] items = {0, 6, 7};
            List<Attention> out = rec.attention(new Query(2, 0, new int[] {1, 5, 3}), items);
            int[][] context = {{1, 5, 3, 0}, {1, 5, 3, 0}, {1, 5, 3, 0}};
            float[][] mask = {{1, 1, 1, 0}, {1, 1, 1, 0}, {1, 1, 1, 0}};
            INDArray expected = MassModelTest.evaluate(model, p, new int[] {2, 2, 2}, items, context, mask,
                    MassModel.Forward::weights);
            for (int row = 0; row < items.length; row++) {
                Attention a = out.get(row);
                assertEquals(items[row], a.item());
                assertArrayEquals(new int[] {1, 5, 3}, a.context(), "padding is not exported");
                assertEquals(1, a.hops());
                float[] w = a.weights()[0];
                assertArrayEquals(Arrays.copyOf(expected.getRow(row).toFloatVector(), 3), w, 1e-6f);
                assertEquals(1.0, w[0] + w[1] + w[2], 1e-5);
            }
            Attention single = rec.attention(new Query(0, 0, new int[] {4}), new int[] {3}).get(0);
            assertArrayEquals(new float[] {1f}, single.weights()[0], 1e-6f, "one member: α = 1");
            Attention none = rec.attention(Query.of(0), new int[] {3}).get(0);
            assertEquals(0, none.context().length);
            assertEquals(0, none.weights()[0].length);
        }
    }

    /**
     * Playlists drawn from two disjoint song pools: after BPR training through the provider, a playlist's held-out
     * song of its own pool outscores songs of the other pool, and a snapshot restores the same scores and attention
     * with the string hyper-parameters of the variant.
     */
    @Test
    void trainsOnPlaylistsAndReloadsFromASnapshot() throws Exception {
        InteractionData data = pooledPlaylists();
        FixedTrainingContext ctx = new FixedTrainingContext(15, 20, 20)
                .with(Loss.class, "BPR", new BprLoss()).with(NegativeSampler.class, "uniform", new RejectionSampler());
        MassProvider provider = new MassProvider();
        Recommender model = provider.train(data, Map.of("dim", 8, "contextSize", 5, "lambda", 0.0,
                "learningRate", 0.01, "attention", "dot", "memory", "shared"), ctx);
        assertInstanceOf(AttentionWeights.class, model);
        int[] pool0 = new int[10];
        int[] pool1 = new int[10];
        for (int k = 0; k < 10; k++) {
            pool0[k] = data.items().index("s" + k);
            pool1[k] = data.items().index("s" + (10 + k));
        }
        int wins = 0;
        for (int user = 3; user < 13; user++) {
            Query q = new Query(data.users().index("u" + user), 0, Arrays.copyOf(pool0, 4));
            float[] own = model.score(q, Arrays.copyOfRange(pool0, 4, 10));
            float[] other = model.score(q, pool1);
            wins += Arrays.stream(toDouble(own)).average().orElseThrow()
                    > Arrays.stream(toDouble(other)).average().orElseThrow() ? 1 : 0;
        }
        assertTrue(wins >= 9, "held-out songs of the playlist's pool rank above the other pool: " + wins + "/10");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        model.save(bytes);
        Recommender loaded = provider.load(new ByteArrayInputStream(bytes.toByteArray()));
        Query q = new Query(4, 0, new int[] {1, 2, 3});
        int[] items = {0, 5, 9};
        assertArrayEquals(model.score(q, items), loaded.score(q, items), 0f);
        List<Attention> a = ((AttentionWeights) model).attention(q, items);
        List<Attention> a2 = assertInstanceOf(AttentionWeights.class, loaded).attention(q, items);
        for (int i = 0; i < items.length; i++) {
            assertArrayEquals(a.get(i).weights()[0], a2.get(i).weights()[0], 0f);
        }
    }

    /**
     * 20 users with 3 playlists of 5 songs each, every playlist drawn from one of two disjoint pools of 10 songs
     * (alternating per user and playlist), plus two playlists listing each pool once so every song has an index.
     */
    static InteractionData pooledPlaylists() {
        InteractionsBuilder b = Interactions.builder();
        SplittableRandom r = new SplittableRandom(5);
        // Two playlists listing each pool once, so every song has an index (and every user can draw negatives).
        for (int song = 0; song < 20; song++) {
            b.add("p" + song / 10, "s" + song, Float.NaN, InteractionData.NO_TIME, song / 10);
        }
        int group = 2;
        for (int user = 0; user < 20; user++) {
            for (int list = 0; list < 3; list++, group++) {
                int pool = (user + list) % 2 * 10;
                int[] songs = r.ints(0, 10).distinct().limit(5).toArray();
                for (int song : songs) {
                    b.add("u" + user, "s" + (pool + song), Float.NaN, InteractionData.NO_TIME, group);
                }
            }
        }
        return b.build();
    }

    private static double[] toDouble(float[] x) {
        double[] out = new double[x.length];
        for (int k = 0; k < x.length; k++) {
            out[k] = x[k];
        }
        return out;
    }
}
