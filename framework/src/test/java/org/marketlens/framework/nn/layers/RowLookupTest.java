package org.marketlens.framework.nn.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.marketlens.framework.nn.Nd4jRuntime;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class RowLookupTest {
    /** table[r][c] = 10 r + c; loss = Σ_b Σ_c w[b][c] · table[idx[b]][c] with distinct weights per row b. */
    private static Map<String, INDArray> run(boolean own, int[] indices) {
        Nd4jRuntime.ensureLoaded();
        SameDiff sd = SameDiff.create();
        INDArray values = Nd4j.create(DataType.DOUBLE, 4, 3);
        for (int r = 0; r < 4; r++) {
            for (int c = 0; c < 3; c++) {
                values.putScalar(r, c, 10 * r + c);
            }
        }
        SDVariable table = sd.var("table", values);
        SDVariable idx = sd.placeHolder("idx", DataType.INT, -1);
        SDVariable rows = own ? RowLookup.rows(sd, table, idx) : sd.gather(table, idx, 0);
        INDArray weights = Nd4j.create(DataType.DOUBLE, indices.length, 3);
        for (int b = 0; b < indices.length; b++) {
            for (int c = 0; c < 3; c++) {
                weights.putScalar(b, c, b + 1 + 0.1 * c);
            }
        }
        SDVariable loss = rows.mul(sd.constant("w", weights)).sum();
        loss.markAsLoss();
        Map<String, INDArray> feed = Map.of("idx", Nd4j.createFromArray(indices));
        INDArray out = sd.output(feed, rows.name()).get(rows.name());
        INDArray grad = sd.calculateGradients(feed, List.of("table")).get("table");
        return Map.of("rows", out, "grad", grad);
    }

    @Test
    void rowsAndGradientEqualGatherWithRepeatedIndices() {
        int[] indices = {2, 0, 2, 3};
        Map<String, INDArray> own = run(true, indices);
        Map<String, INDArray> reference = run(false, indices);
        assertEquals(reference.get("rows"), own.get("rows"));
        assertEquals(reference.get("grad"), own.get("grad"));
        // By hand: row 2 is used by batch rows 0 and 2 (weights 1 + 0.1c and 3 + 0.1c), row 1 by none.
        assertArrayEquals(new double[] {20, 21, 22}, own.get("rows").getRow(0).toDoubleVector(), 0);
        assertArrayEquals(new double[] {4, 4.2, 4.4}, own.get("grad").getRow(2).toDoubleVector(), 1e-12);
        assertArrayEquals(new double[] {2, 2.1, 2.2}, own.get("grad").getRow(0).toDoubleVector(), 1e-12);
        assertArrayEquals(new double[] {0, 0, 0}, own.get("grad").getRow(1).toDoubleVector(), 0);
        assertArrayEquals(new double[] {4, 4.1, 4.2}, own.get("grad").getRow(3).toDoubleVector(), 1e-12);
    }

    @Test
    void manyRepeatedIndicesLoseNoGradient() {
        // 200,000 lookups of 4 rows of width 64: each row's gradient of Σ rows must be exactly its count. Unlocked,
        // libnd4j's parallel scatter-add races on repeated rows and loses additions.
        Nd4jRuntime.ensureLoaded();
        SameDiff sd = SameDiff.create();
        SDVariable table = sd.var("table", Nd4j.zeros(DataType.FLOAT, 4, 64));
        SDVariable idx = sd.placeHolder("idx", DataType.INT, -1);
        RowLookup.rows(sd, table, idx).sum().markAsLoss();
        int[] indices = new int[200_000];
        for (int b = 0; b < indices.length; b++) {
            indices[b] = b % 4;
        }
        INDArray grad = sd.calculateGradients(Map.of("idx", Nd4j.createFromArray(indices)), List.of("table"))
                .get("table");
        for (int r = 0; r < 4; r++) {
            for (int c = 0; c < 64; c++) {
                assertEquals(50_000f, grad.getFloat(r, c), 0f, "row " + r + ", column " + c);
            }
        }
    }
}
