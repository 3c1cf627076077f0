package org.marketlens.framework.nn.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DistinctRowsTest {
    /** Table of 4 rows × 3 columns: row r holds {10r, 10r + 1, 10r + 2}. */
    private static final float[] TABLE = {0, 1, 2, 10, 11, 12, 20, 21, 22, 30, 31, 32};

    private static int[] groupsOf(DistinctRows rows, int from, int to) {
        int[] g = new int[to - from];
        for (int p = from; p < to; p++) {
            g[p - from] = rows.groupOf(p);
        }
        return g;
    }

    @Test
    void repeatedIndicesShareAGroupInOrderOfFirstPosition() {
        DistinctRows rows = new DistinctRows(4, 6, 3);
        // positions 1..5 of the index (position 0 is outside the range)
        int[] index = {0, 2, 3, 2, 2, 0};
        assertEquals(3, rows.group(index, 1, 6));
        assertEquals(3, rows.groups());
        assertArrayEquals(new int[] {0, 1, 0, 0, 2}, groupsOf(rows, 1, 6));
        assertEquals(2, rows.rowOf(0));
        assertEquals(3, rows.rowOf(1));
        assertEquals(0, rows.rowOf(2));
        float[] gathered = new float[9];
        rows.gather(TABLE, 3, 0, 3, gathered);
        assertArrayEquals(new float[] {20, 21, 22, 30, 31, 32, 0, 1, 2}, gathered);
        // columns [1, 3) only
        float[] right = new float[6];
        rows.gather(TABLE, 3, 1, 2, right);
        assertArrayEquals(new float[] {21, 22, 31, 32, 1, 2}, right);
    }

    @Test
    void sumByGroupAddsThePositionsOfEachGroupAtAbsolutePositions() {
        DistinctRows rows = new DistinctRows(4, 4, 2);
        int[] index = {9, 1, 3, 1, 1};  // position 0 out of range (9 would be out of the table)
        rows.group(index, 1, 5);
        // values per absolute position p, stride 3, the pair at columns [1, 3)
        float[] values = {
            -1, -1, -1,
            0, 1, 2,
            0, 10, 20,
            0, 100, 200,
            0, 1000, 2000};
        float[] sums = {7, 7, 7, 7, 7, 7};  // overwritten for the 2 groups, the rest untouched
        rows.sumByGroup(values, 3, 1, 2, sums);
        // group 0 = row 1 at positions 1, 3, 4; group 1 = row 3 at position 2
        assertArrayEquals(new float[] {1101, 2202, 10, 20, 7, 7}, sums);
    }

    @Test
    void scatterAddAddsEachGroupOnceIntoItsRowAtAColumnOffset() {
        DistinctRows rows = new DistinctRows(3, 5, 2);
        rows.group(new int[] {2, 0, 2, 2, 0}, 0, 5);
        float[] gradient = new float[12];  // 3 rows × 4 columns
        java.util.Arrays.fill(gradient, 1f);
        rows.scatterAdd(new float[] {5, 6, 7, 8}, gradient, 4, 2, 2);
        // group 0 = row 2 gets {5, 6} at columns 2, 3; group 1 = row 0 gets {7, 8}; row 1 untouched
        assertArrayEquals(new float[] {1, 1, 8, 9, 1, 1, 1, 1, 1, 1, 6, 7}, gradient);
        rows.scatterAdd(new float[] {5, 6, 7, 8}, gradient, 4, 0, 2);
        assertArrayEquals(new float[] {8, 9, 8, 9, 1, 1, 1, 1, 6, 7, 6, 7}, gradient);
    }

    @Test
    void singleGroupSumsEveryPosition() {
        DistinctRows rows = new DistinctRows(4, 3, 1);
        assertEquals(1, rows.group(new int[] {3, 3, 3}, 0, 3));
        assertArrayEquals(new int[] {0, 0, 0}, groupsOf(rows, 0, 3));
        float[] sums = new float[1];
        rows.sumByGroup(new float[] {1.5f, 2.5f, 4f}, 1, 0, 1, sums);
        assertArrayEquals(new float[] {8f}, sums);
        float[] gradient = new float[4];
        rows.scatterAdd(sums, gradient, 1, 0, 1);
        assertArrayEquals(new float[] {0, 0, 0, 8f}, gradient);
    }

    @Test
    void emptyRangeHasNoGroupsAndMovesNothing() {
        DistinctRows rows = new DistinctRows(4, 3, 3);
        rows.group(new int[] {1, 2}, 0, 2);
        assertEquals(0, rows.group(new int[] {1, 2}, 1, 1));
        float[] gathered = {-1, -1, -1};
        rows.gather(TABLE, 3, 0, 3, gathered);
        assertArrayEquals(new float[] {-1, -1, -1}, gathered);
        float[] gradient = new float[12];
        rows.scatterAdd(new float[] {5, 5, 5}, gradient, 3, 0, 3);
        assertArrayEquals(new float[12], gradient);
        float[] sums = {-1, -1, -1};
        rows.sumByGroup(TABLE, 3, 0, 3, sums);
        assertArrayEquals(new float[] {-1, -1, -1}, sums);
    }

    @Test
    void reuseAcrossPassesStartsFromAnEmptyMap() {
        DistinctRows rows = new DistinctRows(4, 4, 3);
        rows.group(new int[] {3, 1, 3, 0}, 0, 4);
        assertArrayEquals(new int[] {0, 1, 0, 2}, groupsOf(rows, 0, 4));
        // a second pass with other and fewer indices: rows 3 and 1 of the first pass must not keep their groups
        assertEquals(2, rows.group(new int[] {2, 0, 2}, 0, 3));
        assertArrayEquals(new int[] {0, 1, 0}, groupsOf(rows, 0, 3));
        assertEquals(2, rows.rowOf(0));
        assertEquals(0, rows.rowOf(1));
        float[] gathered = new float[6];
        rows.gather(TABLE, 3, 0, 3, gathered);
        assertArrayEquals(new float[] {20, 21, 22, 0, 1, 2}, gathered);
        // and a third with the first pass's indices again
        assertEquals(3, rows.group(new int[] {3, 1, 3, 0}, 0, 4));
        assertArrayEquals(new int[] {0, 1, 0, 2}, groupsOf(rows, 0, 4));
    }

    @Test
    void maskedPositionsBelongToNoGroupAndAddNothing() {
        DistinctRows rows = new DistinctRows(4, 4, 1);
        int[] index = {1, 999, 2, 1};  // the masked position's index is never read
        float[] mask = {1, 0, 1, 1};
        assertEquals(2, rows.group(index, mask, 0, 4));
        assertArrayEquals(new int[] {0, -1, 1, 0}, groupsOf(rows, 0, 4));
        float[] sums = new float[2];
        rows.sumByGroup(new float[] {1, 100, 10, 2}, 1, 0, 1, sums);
        assertArrayEquals(new float[] {3, 10}, sums);
    }

    @Test
    void moreRowsThanCapacityIsRefused() {
        DistinctRows rows = new DistinctRows(4, 2, 1);
        assertThrows(IllegalArgumentException.class, () -> rows.group(new int[] {0, 1, 2}, 0, 3));
    }
}
