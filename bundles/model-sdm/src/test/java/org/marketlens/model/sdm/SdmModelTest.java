package org.marketlens.model.sdm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.marketlens.model.sdm.SdmFixtures.evaluate;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.marketlens.api.data.InteractionData;
import org.marketlens.api.rec.Query;
import org.marketlens.framework.nn.GradientCheck;
import org.marketlens.framework.nn.SameDiffRecommender;
import org.marketlens.framework.testing.RandomParameters;
import org.marketlens.loss.apr.AprLoss;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class SdmModelTest {
    private static final int D = 3;

    private static INDArray block(INDArray left, INDArray right) {
        return Nd4j.concat(1, left, right).castTo(DataType.FLOAT);
    }

    private static INDArray eye() {
        return Nd4j.eye(D).castTo(DataType.FLOAT);
    }

    private static float[] row(Map<String, INDArray> p, String table, int index, int from) {
        return p.get(table).getRow(index).get(org.nd4j.linalg.indexing.NDArrayIndex.interval(from, from + D))
                .toFloatVector();
    }

    private static double squaredNorm(float[] a) {
        double s = 0;
        for (float x : a) {
            s += x * x;
        }
        return s;
    }

    /** W_a = [0, I], W_c = [I, −I], f = identity, biases 0 ⇒ z_ijk = ||v_in,j − v_in,k||² (MODELS.md §4.3). */
    @Test
    void attentionDistanceReducesToItemItemDistance() {
        SdmModel model = new SdmModel(2, 6, D, 1, 3, 0, SdmModel.Activation.IDENTITY);
        Map<String, INDArray> p = RandomParameters.uniform(model, 1, Map.of(
                SdmModel.W_A, block(Nd4j.zeros(D, D), eye()), SdmModel.W_C, block(eye(), eye().neg()),
                SdmModel.B_A, Nd4j.zeros(DataType.FLOAT, D), SdmModel.B_C, Nd4j.zeros(DataType.FLOAT, D)));
        int[][] context = {{1, 2, 5}};
        INDArray z = evaluate(model, p, new int[] {1}, new int[] {4}, context, new float[][] {{1, 1, 1}},
                f -> f.distances().get(0));
        float[] target = row(p, SdmModel.ITEM_MEMORY, 4, 0);
        for (int k = 0; k < 3; k++) {
            float[] c = row(p, SdmModel.ITEM_MEMORY, context[0][k], 0);
            float[] diff = new float[D];
            for (int x = 0; x < D; x++) {
                diff[x] = target[x] - c[x];
            }
            assertEquals(squaredNorm(diff), z.getDouble(0, k), 1e-5, "context position " + k);
        }
    }

    /** W_a = [I, −I], W_c = [I, I] ⇒ z_ijk = ||v_in,k + u_in,i − v_in,j||² (TransRec-like, MODELS.md §4.3). */
    @Test
    void attentionDistanceReducesToTransRecDistance() {
        SdmModel model = new SdmModel(2, 6, D, 1, 3, 0, SdmModel.Activation.IDENTITY);
        Map<String, INDArray> p = RandomParameters.uniform(model, 2, Map.of(
                SdmModel.W_A, block(eye(), eye().neg()), SdmModel.W_C, block(eye(), eye()),
                SdmModel.B_A, Nd4j.zeros(DataType.FLOAT, D), SdmModel.B_C, Nd4j.zeros(DataType.FLOAT, D)));
        int[][] context = {{0, 3, 5}};
        INDArray z = evaluate(model, p, new int[] {1}, new int[] {2}, context, new float[][] {{1, 1, 1}},
                f -> f.distances().get(0));
        float[] user = row(p, SdmModel.USER_MEMORY, 1, 0);
        float[] target = row(p, SdmModel.ITEM_MEMORY, 2, 0);
        for (int k = 0; k < 3; k++) {
            float[] c = row(p, SdmModel.ITEM_MEMORY, context[0][k], 0);
            float[] t = new float[D];
            for (int x = 0; x < D; x++) {
                t[x] = c[x] + user[x] - target[x];
            }
            assertEquals(squaredNorm(t), z.getDouble(0, k), 1e-5, "context position " + k);
        }
    }

    /** One valid context item: a = 1 and e = square(f(W_d[p; v_out,k] + b_d)), the SDP form (MODELS.md §4.3). */
    @Test
    void singleContextItemGetsFullWeightAndPaddingNone() {
        SdmModel model = new SdmModel(2, 6, D, 2, 3, 0, SdmModel.Activation.TANH);
        Map<String, INDArray> p = RandomParameters.uniform(model, 3, Map.of());
        float[][] mask = {{0, 1, 0}, {1, 1, 0}, {0, 0, 0}};
        int[][] context = {{5, 3, 1}, {2, 4, 0}, {1, 2, 3}};
        for (int hop = 0; hop < 2; hop++) {
            int h = hop;
            INDArray a = evaluate(model, p, new int[] {0, 1, 1}, new int[] {2, 3, 5}, context, mask,
                    f -> f.attention().get(h));
            assertArrayEquals(new float[] {0, 1, 0}, a.getRow(0).toFloatVector(), 0f, "hop " + hop);
            assertEquals(1.0, a.getDouble(1, 0) + a.getDouble(1, 1), 1e-6);
            assertEquals(0.0, a.getDouble(1, 2), 0.0, "padded position has weight exactly 0");
            assertArrayEquals(new float[] {0, 0, 0}, a.getRow(2).toFloatVector(), 0f, "no valid context: zero weights");
        }
        // e of the single-item row equals square(tanh(W_d [p; v_out,k] + b_d)) computed by hand.
        INDArray e = evaluate(model, p, new int[] {0}, new int[] {2}, new int[][] {{5, 3, 1}},
                new float[][] {{0, 1, 0}}, SdmModel.Forward::finalVector);
        INDArray uOut = Nd4j.createFromArray(row(p, SdmModel.USER_MEMORY, 0, D));
        INDArray vOut = Nd4j.createFromArray(row(p, SdmModel.ITEM_MEMORY, 2, D));
        INDArray query = org.nd4j.linalg.ops.transforms.Transforms.tanh(
                p.get(SdmModel.W_B).mmul(Nd4j.concat(0, uOut, vOut)).add(p.get(SdmModel.B_B)));
        INDArray cOut = Nd4j.createFromArray(row(p, SdmModel.ITEM_MEMORY, 3, D));
        INDArray r = org.nd4j.linalg.ops.transforms.Transforms.tanh(
                p.get(SdmModel.W_D).mmul(Nd4j.concat(0, query, cOut)).add(p.get(SdmModel.B_D)));
        assertArrayEquals(r.mul(r).toFloatVector(), e.getRow(0).toFloatVector(), 1e-5f);
    }

    /** Padded slots change nothing, whatever item they hold, and scoring is deterministic. */
    @Test
    void paddedContextIsMaskedOutAtInference() {
        SdmModel three = new SdmModel(2, 6, D, 3, 3, 0, SdmModel.Activation.TANH);
        SdmModel two = new SdmModel(2, 6, D, 3, 2, 0, SdmModel.Activation.TANH);
        Map<String, INDArray> p = RandomParameters.uniform(three, 4, Map.of());
        SameDiffRecommender padded = new SameDiffRecommender("SDM", three, p, Map.of(), 6);
        SameDiffRecommender exact = new SameDiffRecommender("SDM", two, p, Map.of(), 6);
        int[] items = {0, 1, 2, 3, 4, 5};
        Query query = new Query(1, InteractionData.NO_GROUP, new int[] {4, 0});
        float[] scores = padded.score(query, items);
        assertArrayEquals(exact.score(query, items), scores, 1e-6f);
        assertArrayEquals(scores, padded.score(query, items), 0f, "no dropout: repeated scoring is identical");
        // The s latest items are used: a longer history ending in the same two items scores the same under s = 2.
        assertArrayEquals(exact.score(query, items),
                exact.score(new Query(1, InteractionData.NO_GROUP, new int[] {5, 3, 4, 0}), items), 0f);
        INDArray pad0 = evaluate(three, p, new int[] {1}, new int[] {2}, new int[][] {{4, 0, 0}},
                new float[][] {{1, 1, 0}}, SdmModel.Forward::finalVector);
        INDArray pad5 = evaluate(three, p, new int[] {1}, new int[] {2}, new int[][] {{4, 0, 5}},
                new float[][] {{1, 1, 0}}, SdmModel.Forward::finalVector);
        assertArrayEquals(pad0.toFloatVector(), pad5.toFloatVector(), 0f);
    }

    /**
     * The check scales parameters by 10, which saturates some tanh units: their gradients are about 1e-7, where the
     * central difference's own error is about 1e-4 relative, so the bound is 1e-3 (a wrong gradient is off by O(1)).
     */
    @Test
    void gradientsMatchFiniteDifferencesWithPaddedContext() {
        for (int hops = 1; hops <= 3; hops += 2) {
            SdmModel model = new SdmModel(2, 6, 4, hops, 3, 0.01, SdmModel.Activation.TANH);
            double bpr = SdmFixtures.bprGradientError(model, 21, 12);
            assertTrue(bpr < 1e-3, "BPR relative gradient error " + bpr + " with " + hops + " hops");
        }
        SdmModel model = new SdmModel(2, 6, 4, 2, 3, 0.01, SdmModel.Activation.TANH);
        double apr = GradientCheck.maxRelativeError(model, new AprLoss().configure(Map.of("epsilon", 1.0)),
                SdmFixtures.GRADIENT_USERS, SdmFixtures.GRADIENT_POSITIVES, SdmFixtures.GRADIENT_NEGATIVES,
                SdmFixtures.GRADIENT_CONTEXT, SdmFixtures.GRADIENT_MASK, 22, 12);
        assertTrue(apr < 1e-3, "APR relative gradient error " + apr);
    }
}
