package org.marketlens.framework.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.marketlens.framework.nn.TrainerProbes.BPR;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.marketlens.framework.nn.NeuralSettings.NegativePooling;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@code negativePooling=hardest} in the training graph (thanhdtran/SDMR {@code model_rec.py}): with groups of
 * {@code k} triples of one positive, BPR sees per group {@code softplus(max_j s_neg,j − s_pos)}, averaged over the
 * groups, on an unchanged loss.
 */
class NegativePoolingTest {
    // Three groups of k = 2 triples: (user, positive, negatives).
    private static final int[] USERS = {0, 0, 1, 1, 0, 0};
    private static final int[] POSITIVES = {0, 0, 1, 1, 2, 2};
    private static final int[] NEGATIVES = {3, 4, 2, 4, 1, 4};

    /** U = ((1, 0.5), (−2, 1)), V = ((0.5, 0), (−1, 0), (2, 0), (0.25, 0), (1.5, 0)): s(u, i) = U[u,0] V[i,0]. */
    private static Map<String, INDArray> parameters() {
        Map<String, INDArray> p = new LinkedHashMap<>();
        p.put("user", Nd4j.createFromArray(new float[][] {{1, 0.5f}, {-2, 1}}));
        p.put("item", Nd4j.createFromArray(new float[][] {{0.5f, 0}, {-1, 0}, {2, 0}, {0.25f, 0}, {1.5f, 0}}));
        return p;
    }

    private static double softplus(double x) {
        return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
    }

    private static double objective(TrainingGraph graph) {
        return graph.sameDiff().output(graph.currentFeed(), graph.objectiveName()).get(graph.objectiveName())
                .getDouble(0);
    }

    /**
     * Group 0 (user 0): s+ = 0.5, s− = (0.25, 1.5), margin 1.5 − 0.5 = 1; group 1 (user 1): s+ = 2, s− = (−4, −3),
     * margin −5; group 2 (user 0): s+ = 2, s− = (−1, 1.5), margin −0.5.
     */
    @Test
    void objectiveIsTheMeanOverGroupsOfSoftplusOfTheHardestNegativeMargin() {
        Nd4jRuntime.ensureLoaded();
        TrainingGraph pooled = new TrainingGraph(new TrainerProbes.DotModel(2, 5, 2), parameters(), BPR, 2);
        pooled.feed(USERS, POSITIVES, NEGATIVES);
        double expected = (softplus(1) + softplus(-5) + softplus(-0.5)) / 3;
        assertEquals(expected, objective(pooled), 1e-6);
        // A last, smaller batch (one group): the reshape follows the fed size.
        pooled.feed(new int[] {1, 1}, new int[] {1, 1}, new int[] {2, 4});
        assertEquals(softplus(-5), objective(pooled), 1e-6);
        assertThrows(IllegalArgumentException.class, () -> pooled.feed(new int[] {0, 0, 1}, new int[] {0, 0, 1},
                new int[] {3, 4, 2}));

        // Without pooling the same batch is the mean over its six triples: a silent fallback would show.
        TrainingGraph each = new TrainingGraph(new TrainerProbes.DotModel(2, 5, 2), parameters(), BPR);
        each.feed(USERS, POSITIVES, NEGATIVES);
        double perTriple = (softplus(0.25 - 0.5) + softplus(1.5 - 0.5) + softplus(-4 - 2) + softplus(-3 - 2)
                + softplus(-1 - 2) + softplus(1.5 - 2)) / 6;
        assertEquals(perTriple, objective(each), 1e-6);
        assertTrue(Math.abs(expected - perTriple) > 0.05, expected + " vs " + perTriple);
    }

    /**
     * The gradient of the pooled objective equals central differences of it (no ties: the max is locally smooth),
     * and is exactly 0 on a row that is only ever an easier negative (item 3, in group 0).
     */
    @Test
    void gradientMatchesCentralDifferencesAndSkipsTheEasierNegatives() {
        Nd4jRuntime.ensureLoaded();
        Map<String, INDArray> live = parameters();
        TrainingGraph graph = new TrainingGraph(new TrainerProbes.DotModel(2, 5, 2), live, BPR, 2);
        graph.feed(USERS, POSITIVES, NEGATIVES);
        Map<String, INDArray> gradients = graph.gradients(List.of("user", "item"));
        double eps = 1e-2;
        List<String> checked = new ArrayList<>();
        for (String name : List.of("user", "item")) {
            INDArray array = live.get(name);
            INDArray gradient = gradients.get(name);
            for (int row = 0; row < array.rows(); row++) {
                for (int col = 0; col < array.columns(); col++) {
                    float value = array.getFloat(row, col);
                    array.putScalar(row, col, value + eps);
                    double up = objective(graph);
                    array.putScalar(row, col, value - eps);
                    double down = objective(graph);
                    array.putScalar(row, col, value);
                    double numeric = (up - down) / (2 * eps);
                    assertEquals(numeric, gradient.getDouble(row, col), 2e-4, name + "[" + row + "," + col + "]");
                    checked.add(name + row + col);
                }
            }
        }
        assertEquals(14, checked.size());
        // Item 3 is only the easier negative of group 0: the max passes it no gradient.
        assertEquals(0.0, gradients.get("item").getDouble(3, 0));
        assertTrue(Math.abs(gradients.get("item").getDouble(4, 0)) > 1e-3);
    }

    @Test
    void settingsParseTheHyperParameterAndDefaultToEach() {
        NeuralSettings defaults = TrainerProbes.settings(Map.of());
        assertEquals(new NeuralSettings(0.001, 256, 4), defaults);
        assertEquals(NegativePooling.EACH, defaults.negativePooling());
        assertEquals(1, defaults.poolSize());
        assertEquals(256, defaults.triplesPerBatch());
        NeuralSettings hardest = TrainerProbes.settings(Map.of("negativePooling", "hardest"));
        assertEquals(NegativePooling.HARDEST, hardest.negativePooling());
        assertEquals(4, hardest.poolSize());
        assertEquals(1024, hardest.triplesPerBatch());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrainerProbes.settings(Map.of("negativePooling", "max")));
        assertTrue(e.getMessage().contains("negativePooling must be 'each'"), e.getMessage());
    }
}
