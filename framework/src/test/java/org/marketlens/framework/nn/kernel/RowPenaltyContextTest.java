package org.marketlens.framework.nn.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.marketlens.framework.nn.Nd4jRuntime;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The context term of {@link ScoreKernel.RowPenalty} (item-neighbourhood models, FISM) and an item-only row term. */
class RowPenaltyContextTest {
    @Test
    void contextRowsArePenalisedPerTripleByTheirMask() {
        Nd4jRuntime.ensureLoaded();
        Map<String, INDArray> arrays = new LinkedHashMap<>();
        arrays.put("P", Nd4j.createFromArray(new float[][] {{1, 2}, {3, 0}, {0, 1}}));
        arrays.put("Q", Nd4j.createFromArray(new float[][] {{1, 1}, {2, 0}, {0, 3}}));
        KernelParameters parameters = KernelParameters.copyOf(arrays);
        KernelParameters[] workers = {parameters.zerosLike()};
        double lambda = 0.1;
        AdamPass pass = new AdamPass(parameters, workers,
                new ScoreKernel.RowPenalty(lambda, null, "Q", List.of(), "P"), 0.001);
        // Triples (i+, i−) = (0, 1), (2, 0) with s = 2 context slots: {P1, P0}, {P2, padding P1}.
        double value = pass.rowPenalty(new int[] {7, 7}, new int[] {0, 2}, new int[] {1, 0}, new int[] {1, 0, 2, 1},
                new float[] {1, 1, 1, 0}, 2);
        // Q rows: 2 + 4 + 9 + 2; P rows: 9 + 5 + 1 (the padded P1 not counted); mean over 2 triples.
        assertEquals(lambda * (17 + 15) / 2.0, value, 1e-6);
        // 2λ/n = 0.1 per use.
        assertArrayEquals(new float[] {0.2f, 0.2f, 0.2f, 0f, 0f, 0.3f}, workers[0].values("Q"), 1e-6f);
        assertArrayEquals(new float[] {0.1f, 0.2f, 0.3f, 0f, 0f, 0.1f}, workers[0].values("P"), 1e-6f);
        assertThrows(IllegalArgumentException.class,
                () -> pass.rowPenalty(new int[] {0}, new int[] {0}, new int[] {1}, null, null, 0));
        assertThrows(IllegalArgumentException.class, () -> new ScoreKernel.RowPenalty(lambda, "P", null, List.of()));
    }
}
