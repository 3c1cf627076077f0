package org.marketlens.framework.cooccurrence;

import java.util.Arrays;

/**
 * An immutable sparse matrix in compressed sparse rows. Invariant: {@code rowStart} has {@code rows + 1}
 * non-decreasing entries; the non-zeros of row r are {@code columns[rowStart[r] .. rowStart[r+1])}, sorted ascending
 * and distinct, with {@code values} beside them.
 *
 * @param rows     number of rows
 * @param cols     number of columns
 * @param rowStart row offsets, length {@code rows + 1}
 * @param columns  column of each non-zero
 * @param values   value of each non-zero
 */
public record SparseRows(int rows, int cols, int[] rowStart, int[] columns, float[] values) {
    public SparseRows {
        if (rowStart.length != rows + 1 || columns.length != values.length || rowStart[rows] != columns.length) {
            throw new IllegalArgumentException("inconsistent CSR arrays");
        }
    }

    /** @return an all-zero matrix */
    public static SparseRows empty(int rows, int cols) {
        return new SparseRows(rows, cols, new int[rows + 1], new int[0], new float[0]);
    }

    /**
     * Builds a 0/1 matrix from member lists, e.g. the liked items of every user.
     *
     * @param cols    number of columns
     * @param members members of each row (duplicates are kept once)
     * @return the matrix
     */
    public static SparseRows ofSets(int cols, int[][] members) {
        int[] rowStart = new int[members.length + 1];
        int[][] sorted = new int[members.length][];
        for (int r = 0; r < members.length; r++) {
            sorted[r] = Arrays.stream(members[r]).sorted().distinct().toArray();
            rowStart[r + 1] = rowStart[r] + sorted[r].length;
        }
        int[] columns = new int[rowStart[members.length]];
        for (int r = 0; r < members.length; r++) {
            System.arraycopy(sorted[r], 0, columns, rowStart[r], sorted[r].length);
        }
        float[] values = new float[columns.length];
        Arrays.fill(values, 1f);
        return new SparseRows(members.length, cols, rowStart, columns, values);
    }

    /** @return number of non-zeros */
    public int nonZeros() {
        return columns.length;
    }

    /** @return number of non-zeros of row {@code r} */
    public int rowSize(int r) {
        return rowStart[r + 1] - rowStart[r];
    }

    /** @return the value at (r, c), 0 when not stored; O(log row size) */
    public float get(int r, int c) {
        int at = Arrays.binarySearch(columns, rowStart[r], rowStart[r + 1], c);
        return at >= 0 ? values[at] : 0f;
    }

    /** @return the transpose, rows sorted by column */
    public SparseRows transpose() {
        int[] start = new int[cols + 1];
        for (int c : columns) {
            start[c + 1]++;
        }
        for (int c = 0; c < cols; c++) {
            start[c + 1] += start[c];
        }
        int[] cursor = Arrays.copyOf(start, cols);
        int[] outCols = new int[columns.length];
        float[] outValues = new float[columns.length];
        for (int r = 0; r < rows; r++) {
            for (int e = rowStart[r]; e < rowStart[r + 1]; e++) {
                int at = cursor[columns[e]]++;
                outCols[at] = r;
                outValues[at] = values[e];
            }
        }
        return new SparseRows(cols, rows, start, outCols, outValues);
    }
}
