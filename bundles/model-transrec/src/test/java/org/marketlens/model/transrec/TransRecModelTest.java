package org.marketlens.model.transrec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.marketlens.api.data.InteractionData;
import org.marketlens.api.rec.Query;
import org.marketlens.framework.nn.GradientCheck;
import org.marketlens.framework.nn.Nd4jRuntime;
import org.marketlens.framework.nn.SameDiffRecommender;
import org.marketlens.loss.apr.AprLoss;
import org.marketlens.loss.bpr.BprLoss;
import org.nd4j.linalg.factory.Nd4j;

class TransRecModelTest {
    /** β_j − ||t_u + v_k − v_j||₂ by hand: t = (1, 0), v_k = (0, 1), v_j = (4, 5), β_j = 0.5 gives 0.5 − 5. */
    @Test
    void scoreIsBiasMinusTranslatedDistanceFromThePreviousItem() {
        Nd4jRuntime.ensureLoaded();
        TransRecModel model = new TransRecModel(1, 2, 2, 0);
        SameDiffRecommender r = new SameDiffRecommender("TransRec", model, Map.of(
                TransRecModel.USERS, Nd4j.createFromArray(new float[][] {{1, 0}}),
                TransRecModel.ITEMS, Nd4j.createFromArray(new float[][] {{0, 1, 0}, {4, 5, 0.5f}})), Map.of(), 2);
        float[] s = r.score(new Query(0, InteractionData.NO_GROUP, new int[] {1, 0}), new int[] {1, 0});
        // the latest history item (0) is the previous item; target 0 lands at distance ||t|| = 1, bias 0
        assertArrayEquals(new float[] {0.5f - 5f, -1f}, s, 1e-5f);
    }

    @Test
    void bprAndAprGradientsMatchFiniteDifferences() {
        TransRecModel model = new TransRecModel(3, 6, 4, 0.01);
        int[] u = {0, 1, 2};
        int[] p = {1, 2, 3};
        int[] n = {4, 5, 0};
        int[][] c = {{2}, {3}, {1}};
        float[][] m = {{1}, {1}, {1}};
        double bpr = GradientCheck.maxRelativeError(model, new BprLoss(), u, p, n, c, m, 3, 20);
        assertTrue(bpr < 1e-4, "BPR relative gradient error " + bpr);
        double apr = GradientCheck.maxRelativeError(model, new AprLoss().configure(Map.of("epsilon", 1.0)), u, p, n, c,
                m, 4, 20);
        assertTrue(apr < 1e-4, "APR relative gradient error " + apr);
    }
}
