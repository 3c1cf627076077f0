package org.marketlens.framework.als;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.marketlens.framework.cooccurrence.SparseRows;

class JointFactorizationTest {
    private static SparseRows randomSets(int rows, int cols, int perRow, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[][] sets = new int[rows][];
        for (int r = 0; r < rows; r++) {
            sets[r] = random.ints(1 + random.nextInt(perRow), 0, cols).toArray();
        }
        return SparseRows.ofSets(cols, sets);
    }

    private static JointFactorization rme(long seed) {
        SparseRows liked = randomSets(40, 30, 8, seed);
        SparseRows disliked = randomSets(40, 30, 4, seed + 1);
        return new JointFactorization(liked, AlsRecipe.sppmi(liked, 1, 0, 1), AlsRecipe.sppmi(disliked, 1, 0, 1),
                AlsRecipe.sppmi(liked.transpose(), 1, 0, 1), new AlsSettings(6, 0.5, 0.3, 1, 9, 1, seed, 2));
    }

    @Test
    void everyBlockUpdateLowersTheJointObjective() {
        JointFactorization model = rme(11);
        double before = model.objective();
        for (int it = 0; it < 3; it++) {
            Runnable[] blocks = {model::updateUsers, model::updateItems, model::updateContexts, model::updateBiases};
            String[] names = {"users (Eq. 4.5)", "items (Eq. 4.6)", "contexts (Eq. 4.7)", "biases (Eq. 4.8)"};
            for (int bl = 0; bl < blocks.length; bl++) {
                blocks[bl].run();
                double after = model.objective();
                assertTrue(after <= before + 1e-6 * Math.abs(before),
                        names[bl] + " raised L from " + before + " to " + after + " in iteration " + it);
                before = after;
            }
        }
    }

    @Test
    void firstUserUpdateStrictlyLowersTheObjective() {
        JointFactorization model = rme(5);
        double before = model.objective();
        model.updateUsers();
        assertTrue(model.objective() < before - 1e-3);
    }

    @Test
    void zeroCooccurrenceWeightGivesExactlyTheWmfFactors() {
        SparseRows liked = randomSets(40, 30, 8, 2);
        AlsSettings wmfSettings = new AlsSettings(6, 0.5, 0.5, 1, 9, 0, 9, 2);
        JointFactorization wmf = new JointFactorization(liked, null, null, null, wmfSettings);
        JointFactorization rme = new JointFactorization(liked, AlsRecipe.sppmi(liked, 1, 0, 1),
                AlsRecipe.sppmi(randomSets(40, 30, 4, 3), 1, 0, 1), AlsRecipe.sppmi(liked.transpose(), 1, 0, 1),
                wmfSettings);
        for (int it = 0; it < 3; it++) {
            wmf.sweep();
            rme.sweep();
        }
        assertArrayEquals(wmf.userFactors(), rme.userFactors(), 1e-5f);
        assertArrayEquals(wmf.itemFactors(), rme.itemFactors(), 1e-5f);
    }
}
