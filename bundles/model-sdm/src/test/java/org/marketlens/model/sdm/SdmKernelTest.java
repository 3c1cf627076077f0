package org.marketlens.model.sdm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.marketlens.framework.nn.KernelCheck;
import org.marketlens.api.data.InteractionData;
import org.marketlens.framework.nn.kernel.KernelBatch;
import org.marketlens.framework.nn.kernel.KernelParameters;
import org.marketlens.framework.nn.kernel.ScoreKernel;

/**
 * {@link SdmKernel} against SDM's SameDiff graph (the reference): scores and the gradients of every parameter, for
 * 1–4 hops, both activations, padded contexts, an all-padding row and repeated users, items and context items, at
 * the initial scale and at a scale that saturates tanh. The rows are split over two workers, as the trainer does.
 */
class SdmKernelTest {
    private static final int USERS = 5;
    private static final int ITEMS = 9;

    /**
     * Rows as the trainer lays them out, {@code [positives; negatives]} with user and context repeated, users and
     * items drawn from small ranges so they repeat; row 1 (and its negative) has only padding, row 2 one valid slot.
     */
    private static KernelBatch batch(int triples, int s, long seed) {
        return KernelCheck.triples(USERS, ITEMS, triples, s, seed, (t, random, context, mask) -> {
            int valid = t == 1 ? 0 : t == 2 ? 1 : 1 + random.nextInt(s);
            for (int k = 0; k < s; k++) {
                // Padding sits first (oldest side) and points at any valid index, here item 0 or a random one.
                boolean real = k >= s - valid;
                context[k] = real ? random.nextInt(ITEMS) : (t % 2 == 0 ? 0 : random.nextInt(ITEMS));
                mask[k] = real ? 1f : 0f;
            }
        });
    }

    private static void check(SdmModel model, KernelBatch batch, long seed, double scale) {
        KernelCheck.Result result = KernelCheck.compare(model, batch, seed, scale);
        System.out.printf("SDM kernel vs graph: hops %d, %s, d %d, rows %d, scale %s: scores %.2e, worst %.2e%n",
                model.hops(), batch.contextSize() + " slots", model.finalVectorSize(),
                batch.rows(), scale, result.scores(), result.worst());
        assertTrue(result.worst() < 1e-4, () -> "hops " + model.hops() + ", scale " + scale + ": " + result);
    }

    @Test
    void matchesTheGraphForOneToFourHopsAtInitialAndSaturatingScales() {
        for (int hops = 1; hops <= 4; hops++) {
            SdmModel model = new SdmModel(USERS, ITEMS, 6, hops, 4, 0.01, SdmModel.Activation.TANH);
            for (long seed = 1; seed <= 2; seed++) {
                KernelBatch batch = batch(7, 4, seed * 31 + hops);
                check(model, batch, seed, 1);
                check(model, batch, seed, 10);
            }
        }
    }

    @Test
    void matchesTheGraphWithTheIdentityActivation() {
        for (int hops = 1; hops <= 3; hops++) {
            SdmModel model = new SdmModel(USERS, ITEMS, 5, hops, 3, 0.01, SdmModel.Activation.IDENTITY);
            KernelBatch batch = batch(6, 3, 77 + hops);
            check(model, batch, 3, 1);
            check(model, batch, 4, 3);
        }
    }

    @Test
    void matchesTheGraphAtTheBenchmarkSizes() {
        // d = 64, s = 5, 3 hops: the widths of ml-100k-loo's runs, so the vectorised loops run their full length.
        SdmModel model = new SdmModel(USERS, ITEMS, 64, 3, 5, 1e-4, SdmModel.Activation.TANH);
        KernelBatch batch = batch(12, 5, 5);
        check(model, batch, 11, 1);
        check(model, batch, 12, 10);
    }

    @Test
    void twoContextSlotsAndSingleRowRanges() {
        SdmModel model = new SdmModel(USERS, ITEMS, 4, 2, 2, 0.01, SdmModel.Activation.TANH);
        check(model, batch(1, 2, 9), 5, 1);
        check(model, batch(4, 2, 10), 6, 10);
    }

    @Test
    void anAllPaddingRowScoresTheBiasAndGivesNoContextGradient() {
        // With no valid context item the attention is all zero, so e^(H) = 0 and the score is −b_e (MODELS.md §0.4).
        SdmModel model = new SdmModel(USERS, ITEMS, 4, 2, 3, 0, SdmModel.Activation.TANH);
        ScoreKernel kernel = model.kernel();
        KernelBatch batch = new KernelBatch(new int[] {0, 0}, new int[] {1, 2}, 3, new int[] {4, 5, 6, 4, 5, 6},
                new float[6]);
        KernelParameters parameters = KernelParameters.copyOf(KernelCheck.randomParameters(model, 3));
        parameters.values(SdmModel.EDGE_BIAS)[0] = 0.25f;
        ScoreKernel.Worker worker = kernel.worker(parameters, 2);
        float[] scores = new float[2];
        worker.forward(batch, 0, 2, scores);
        assertEquals(-0.25f, scores[0], 0f);
        assertEquals(-0.25f, scores[1], 0f);
        KernelParameters gradients = parameters.zerosLike();
        worker.backward(batch, 0, 2, new float[] {1, -2}, gradients);
        float[] items = gradients.values(SdmModel.ITEM_MEMORY);
        for (int item : new int[] {4, 5, 6}) {
            for (int c = 0; c < 8; c++) {
                assertEquals(0f, items[item * 8 + c], 0f, "context item " + item);
            }
        }
        assertEquals(1f, gradients.values(SdmModel.EDGE_BIAS)[0], 0f);  // −(1 − 2)
    }

    @Test
    void thePenaltyNamesWhatTheGraphPenalises() {
        assertEquals(List.of(SdmModel.W_A, SdmModel.W_B, SdmModel.W_C, SdmModel.W_D, SdmModel.W_G, SdmModel.EDGE),
                new SdmModel(USERS, ITEMS, 4, 2, 3, 0.5, SdmModel.Activation.TANH).kernel().penalty().dense());
        ScoreKernel.RowPenalty one = new SdmModel(USERS, ITEMS, 4, 1, 3, 0.5, SdmModel.Activation.TANH).kernel()
                .penalty();
        assertEquals(List.of(SdmModel.W_A, SdmModel.W_B, SdmModel.W_C, SdmModel.W_D, SdmModel.EDGE), one.dense());
        assertEquals(0.5, one.lambda());
        assertEquals(SdmModel.USER_MEMORY, one.userTable());
        assertEquals(SdmModel.ITEM_MEMORY, one.itemTable());
    }

    /**
     * Training through the kernel (KernelTraining: context windows, BPR, A-6 penalty, Adam) equals training through
     * the SameDiff graph from the same initial parameters and batches: 2 epochs with λ = 0.01 on sequences with short
     * histories (padded windows). {@code b_e} is left out: BPR's objective does not depend on it (it cancels in
     * {@code score_neg − score_pos}), so Adam turns the graph's rounding residue into steps of its own.
     */
    @Test
    void trainingThroughTheKernelEqualsTheGraph() {
        InteractionData data = KernelCheck.shortSequences();
        for (int hops = 1; hops <= 3; hops += 2) {
            SdmModel model = new SdmModel(data.numUsers(), data.numItems(), 6, hops, 3, 0.01,
                    SdmModel.Activation.TANH);
            SdmFixtures.assertKernelTrainingEqualsGraph("SDM, " + hops + " hops,", model, data);
        }
    }
}
