package org.marketlens.model.caser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.marketlens.api.data.InteractionData;
import org.marketlens.api.rec.Query;
import org.marketlens.api.rec.Recommender;
import org.marketlens.framework.nn.KernelCheck;
import org.marketlens.framework.nn.NeuralSettings;
import org.marketlens.framework.nn.SameDiffTraining;
import org.marketlens.framework.nn.kernel.KernelBatch;
import org.marketlens.framework.nn.kernel.KernelParameters;
import org.marketlens.framework.nn.kernel.ScoreKernel;
import org.marketlens.framework.testing.FixedTrainingContext;
import org.marketlens.loss.bpr.BprLoss;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * {@link CaserKernel} against Caser's SameDiff graph (the reference, dropout off): scores and every parameter's
 * gradient for L = 1..5, padded windows, an all-padding row, repeated users, items and context items, consecutive
 * rows with one context (the shared-window path), at the initial scale and at a scale where most ReLUs are off and
 * the max-pooling picks large responses; then training through the kernel against training through the graph, and
 * dropout in kernel training only.
 */
class CaserKernelTest {
    private static final int USERS = 5;
    private static final int ITEMS = 9;

    /**
     * Rows as the trainer lays them out, {@code [positives; negatives]} with user and context repeated; triple 1 has
     * only padding, triple 2 one valid slot, triples 3 and 4 the same context (consecutive rows of one window).
     */
    private static KernelBatch batch(int triples, int s, long seed) {
        int[] third = new int[s];
        float[] thirdMask = new float[s];
        return KernelCheck.triples(USERS, ITEMS, triples, s, seed, (t, random, context, mask) -> {
            int valid = t == 1 ? 0 : t == 2 ? 1 : 1 + random.nextInt(s);
            for (int k = 0; k < s; k++) {
                int item = random.nextInt(ITEMS); // padding holds any index
                float m = k < valid ? 1 : 0;
                if (t == 4) { // same window as triple 3, different padding contents
                    item = k < valid ? third[k] : (item + 1) % ITEMS;
                    m = thirdMask[k];
                }
                context[k] = item;
                mask[k] = m;
            }
            if (t == 3) {
                System.arraycopy(context, 0, third, 0, s);
                System.arraycopy(mask, 0, thirdMask, 0, s);
            }
        });
    }

    private static void assertMatches(CaserModel model, int s, String what) {
        long seed = 11;
        for (double scale : new double[] {1, 10}) {
            KernelBatch b = batch(7, s, seed);
            KernelCheck.Result r = KernelCheck.compare(model, b, seed++, scale);
            System.out.printf("Caser kernel vs graph, %s, scale %.0f: worst %.2e%n", what, scale, r.worst());
            assertTrue(r.worst() < 1e-4, what + ", scale " + scale + ": " + r);
        }
    }

    @Test
    void kernelEqualsGraphForWindowsOfOneThreeAndFive() {
        assertMatches(new CaserModel(USERS, ITEMS, 5, 1, 1, 1, 0, 0.01), 1, "L = 1, one filter each");
        assertMatches(new CaserModel(USERS, ITEMS, 8, 3, 4, 4, 0, 0.01), 3, "L = 3, d = 8, n_h = n_v = 4");
        assertMatches(new CaserModel(USERS, ITEMS, 6, 5, 3, 2, 0, 0.01), 5, "L = 5, d = 6, n_h = 3, n_v = 2");
    }

    /** The kernel reproduces the model's A-6 penalty: user and output rows, F_v, W_fc and every F_h. */
    @Test
    void penaltyNamesWhatTheGraphPenalises() {
        CaserKernel.RowPenalty p = new CaserModel(USERS, ITEMS, 6, 3, 3, 2, 0, 0.25).kernel().penalty();
        assertEquals(0.25, p.lambda());
        assertEquals(CaserModel.USERS, p.userTable());
        assertEquals(CaserModel.OUTPUT, p.itemTable());
        assertEquals(java.util.List.of(CaserModel.VERTICAL, CaserModel.FC, CaserModel.HORIZONTAL + 1,
                CaserModel.HORIZONTAL + 2, CaserModel.HORIZONTAL + 3), p.dense());
    }

    /**
     * Training through the kernel (context windows, BPR, A-6 penalty, Adam) equals training through the SameDiff
     * graph from the same initial parameters and batches, dropout off: 2 epochs with λ = 0.01. Unlike SDP's and
     * SDM's output biases, Caser's item bias b2 (the output table's last column) is not shared by a triple's two
     * scores, so it is compared too.
     */
    @Test
    void trainingThroughTheKernelEqualsTheGraph() {
        InteractionData data = KernelCheck.shortSequences();
        CaserModel model = new CaserModel(data.numUsers(), data.numItems(), 6, 3, 3, 2, 0, 0.01);
        KernelCheck.Training t = KernelCheck.compareTraining("Caser", model, data, new NeuralSettings(0.001, 16, 2),
                () -> trainingContext(9));
        System.out.println("Caser training, kernel vs graph: " + t);
        t.assertEquivalent(1e-5, 1e-4);
    }

    /**
     * Dropout acts in kernel training only: training with p = 0.5 is reproducible from the seed, differs from
     * training without dropout and with another seed; the served model is deterministic and equals the served
     * dropout-free model with the same parameters, through the kernel and through the graph.
     */
    @Test
    void dropoutChangesTrainingButNotServing() {
        InteractionData data = KernelCheck.shortSequences();
        CaserModel withDropout = new CaserModel(data.numUsers(), data.numItems(), 6, 3, 3, 2, 0.5, 0.01);
        Map<String, INDArray> once = KernelCheck.assertSeededDropoutTraining(
                seed -> train(withDropout, data, trainingContext(seed), true),
                seed -> train(withDropout.withoutDropout(), data, trainingContext(seed), true), 9, CaserModel.FC, 1e-5);

        Map<String, Object> values = Map.of("numItems", data.numItems());
        Recommender served = new CaserProvider().serve(withDropout, once, values);
        Recommender plain = new CaserProvider().serve(withDropout.withoutDropout(), once, values);
        Recommender graph = KernelCheck.withKernels(false, () -> new CaserProvider().serve(withDropout, once, values));
        List<Query> queries = new ArrayList<>();
        for (int[] history : new int[][] {{4, 5}, {1, 2, 3, 7}, {}}) {
            queries.add(new Query(1, InteractionData.NO_GROUP, history));
        }
        KernelCheck.assertServedWithoutDropout(served, plain, graph, queries, data.numItems());
    }

    /**
     * With p = 0.5 the training worker's gradient (a sample of entries of every tensor) equals central differences of
     * the same masked forward pass (a worker re-created from the seed draws the same masks), so the backward pass
     * multiplies by the forward pass's mask. Entries whose one-sided differences disagree sit on a ReLU or
     * max-pooling kink and are skipped (few). The masks are really active: the scores differ from the dropout-free
     * kernel's.
     */
    @Test
    void gradientsWithDropoutMatchCentralDifferences() {
        CaserModel model = new CaserModel(USERS, ITEMS, 6, 3, 3, 2, 0.5, 0);
        ScoreKernel kernel = model.kernel();
        KernelBatch batch = batch(5, 3, 21);
        int rows = batch.rows();
        KernelParameters parameters = KernelParameters.copyOf(KernelCheck.randomParameters(model, 3));
        float[] plain = new float[rows];
        model.withoutDropout().kernel().worker(parameters, rows).forward(batch, 0, rows, plain);
        KernelCheck.CentralDifferences d = KernelCheck.centralDifferences(kernel, parameters, batch,
                KernelCheck.randomWeights(rows, 4), 77, 12, true);
        assertFalse(Arrays.equals(d.scores(), plain), "the training worker drops out");
        System.out.printf("Caser dropout 0.5: %d gradient entries vs central differences (%d kinks skipped), "
                + "worst %.2e%n", d.checked(), d.kinks(), d.worst());
        assertTrue(d.worst() < 2e-3, d.worstEntry());
        assertTrue(d.kinks() < d.checked() / 5, "few entries on a kink: " + d);
        assertTrue(d.nonZero() > d.checked() / 3, "most sampled gradients are non-trivial: " + d);
    }

    private static FixedTrainingContext trainingContext(long seed) {
        return KernelCheck.trainingContext(seed, new BprLoss());
    }

    private static Map<String, INDArray> train(CaserModel model, InteractionData data, FixedTrainingContext ctx,
            boolean kernels) {
        return KernelCheck.withKernels(kernels, () -> new LinkedHashMap<>(SameDiffTraining.train("Caser", model, data,
                new NeuralSettings(0.001, 16, 2), ctx, p -> null)));
    }
}
