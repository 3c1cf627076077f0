package org.marketlens.model.prme;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.marketlens.api.data.InteractionData;
import org.marketlens.api.rec.Query;
import org.marketlens.framework.nn.GradientCheck;
import org.marketlens.framework.nn.Nd4jRuntime;
import org.marketlens.framework.nn.SameDiffRecommender;
import org.marketlens.loss.bpr.BprLoss;
import org.nd4j.linalg.factory.Nd4j;

class PrmeModelTest {
    /** d = α||u − v_j||² + (1 − α) mean_k ||w_k − w_j||², by hand with α = 0.25, one dimension. */
    @Test
    void scoreMixesUserItemAndMeanItemItemDistancesOverValidContext() {
        Nd4jRuntime.ensureLoaded();
        PrmeModel model = new PrmeModel(1, 3, 1, 2, 0.25, 0);
        // items: [v | w]
        SameDiffRecommender r = new SameDiffRecommender("PRME", model, Map.of(
                PrmeModel.USERS, Nd4j.createFromArray(new float[][] {{1}}),
                PrmeModel.ITEMS, Nd4j.createFromArray(new float[][] {{3, 0}, {0, 2}, {1, 5}})), Map.of(), 3);
        // target 0, context {1, 2}: 0.25·(1−3)² + 0.75·((2−0)² + (5−0)²)/2 = 1 + 10.875
        float[] two = r.score(new Query(0, InteractionData.NO_GROUP, new int[] {1, 2}), new int[] {0});
        assertArrayEquals(new float[] {-11.875f}, two, 1e-5f);
        // one context item (the other slot padded): 0.25·4 + 0.75·25
        float[] one = r.score(new Query(0, InteractionData.NO_GROUP, new int[] {2}), new int[] {0});
        assertArrayEquals(new float[] {-19.75f}, one, 1e-5f);
    }

    @Test
    void bprGradientsMatchFiniteDifferencesWithPaddedContext() {
        PrmeModel model = new PrmeModel(3, 6, 4, 3, 0.5, 0.01);
        double error = GradientCheck.maxRelativeError(model, new BprLoss(), new int[] {0, 1, 2}, new int[] {1, 2, 3},
                new int[] {4, 5, 0}, new int[][] {{2, 0, 0}, {3, 4, 0}, {1, 5, 2}},
                new float[][] {{1, 0, 0}, {1, 1, 0}, {1, 1, 1}}, 3, 20);
        assertTrue(error < 1e-4, "relative gradient error " + error);
    }

    @Test
    void oneContextSlotTrainsAndScoresLikeTheFormula() {
        // PRME with s = 1 (the dissertation's PRME row): a padded slot contributes nothing.
        PrmeModel model = new PrmeModel(3, 6, 4, 1, 0.5, 0.01);
        double error = GradientCheck.maxRelativeError(model, new BprLoss(), new int[] {0, 1, 2}, new int[] {1, 2, 3},
                new int[] {4, 5, 0}, new int[][] {{2}, {0}, {5}}, new float[][] {{1}, {0}, {1}}, 1, 20);
        assertTrue(error < 1e-4, "relative gradient error " + error);
        PrmeModel tiny = new PrmeModel(1, 3, 1, 1, 0.25, 0);
        SameDiffRecommender r = new SameDiffRecommender("PRME", tiny, Map.of(
                PrmeModel.USERS, Nd4j.createFromArray(new float[][] {{1}}),
                PrmeModel.ITEMS, Nd4j.createFromArray(new float[][] {{3, 0}, {0, 2}, {1, 5}})), Map.of(), 3);
        // target 0 after item 2: 0.25·(1−3)² + 0.75·(5−0)²
        assertArrayEquals(new float[] {-19.75f},
                r.score(new Query(0, InteractionData.NO_GROUP, new int[] {1, 2}), new int[] {0}), 1e-5f);
    }
}
