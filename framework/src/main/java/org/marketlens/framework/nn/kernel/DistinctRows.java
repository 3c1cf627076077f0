package org.marketlens.framework.nn.kernel;

import java.util.Arrays;

/**
 * The distinct rows of a parameter table among the positions of a kernel pass: positions (a pass's rows, or its
 * context slots) are grouped by the table row they index, each group's row is gathered once into a contiguous block
 * on which the kernel computes the work that depends only on that row (SDP's first-layer halves, Eq. 5.1; Caser's
 * horizontal responses per context item, MODELS.md §4.7; SDM's hop-invariant context terms, Eq. 5.9–5.11), and in the
 * backward pass the positions' gradients are summed per group ({@code Σ_p ∂y_p xᵀ = Σ_g (Σ_{p in g} ∂y_p) x_gᵀ})
 * and the groups' gradients added once into the gradient table. Batches repeat users and popular items, so this
 * does the per-row work once per distinct row instead of once per position.
 * <p>
 * Groups are numbered {@code 0, 1, …} in the order of their first position. The table-row → group map is reset at
 * the end of every {@link #group}, so one instance serves any number of passes with different indices. Allocation-free
 * after construction; not thread-safe (one per kernel worker). The row loops copy rows to offset-0 scratch with
 * {@link System#arraycopy} and add them in a loop whose arrays share one index expression, the form JDK 17's C2
 * compiles to SIMD (see {@link Dense}).
 */
public final class DistinctRows {
    /** Per table row: its group in the current pass, or −1 (always −1 between passes). */
    private final int[] slot;
    /** Per position {@code p − from}: its group, or −1 for a skipped position. */
    private final int[] groupOf;
    /** Per group: its table row. */
    private final int[] rowOf;
    /** Row scratch at offset 0, {@code [maxWidth]} each. */
    private final float[] sum;
    private final float[] term;
    private int groups;
    private int from;
    private int to;

    /**
     * @param tableRows    the rows of the table the indices point into
     * @param maxPositions the most positions one {@link #group} call covers
     * @param maxWidth     the widest row {@link #gather}, {@link #sumByGroup} and {@link #scatterAdd} move
     */
    public DistinctRows(int tableRows, int maxPositions, int maxWidth) {
        if (tableRows < 0 || maxPositions < 0 || maxWidth < 0) {
            throw new IllegalArgumentException("negative size: " + tableRows + ", " + maxPositions + ", " + maxWidth);
        }
        slot = new int[tableRows];
        Arrays.fill(slot, -1);
        groupOf = new int[maxPositions];
        rowOf = new int[Math.min(maxPositions, tableRows)];
        sum = new float[maxWidth];
        term = new float[maxWidth];
    }

    /**
     * Groups positions {@code [from, to)} by the table row {@code index[p]}.
     *
     * @return the number of groups (distinct rows)
     */
    public int group(int[] index, int from, int to) {
        return group(index, null, from, to);
    }

    /**
     * Groups positions {@code [from, to)} by the table row {@code index[p]}, skipping positions whose
     * {@code mask[p]} is 0 (padding, MODELS.md §0.4): they belong to no group and their index is not read.
     *
     * @param mask per position, 0 = skip; {@code null} = skip none
     * @return the number of groups (distinct rows among the positions not skipped)
     */
    public int group(int[] index, float[] mask, int from, int to) {
        if (to - from > groupOf.length || from > to) {
            throw new IllegalArgumentException("positions [" + from + ", " + to + ") for capacity " + groupOf.length);
        }
        int k = 0;
        for (int p = from; p < to; p++) {
            if (mask != null && mask[p] == 0f) {
                groupOf[p - from] = -1;
                continue;
            }
            int row = index[p];
            int g = slot[row];
            if (g < 0) {
                g = k++;
                slot[row] = g;
                rowOf[g] = row;
            }
            groupOf[p - from] = g;
        }
        for (int g = 0; g < k; g++) {
            slot[rowOf[g]] = -1;
        }
        this.groups = k;
        this.from = from;
        this.to = to;
        return k;
    }

    /** @return the number of groups of the last {@link #group} call */
    public int groups() {
        return groups;
    }

    /** @return the group of position {@code p} (in the last {@link #group} call's range), or −1 if it was skipped */
    public int groupOf(int p) {
        return groupOf[p - from];
    }

    /** @return the table row of group {@code g} */
    public int rowOf(int g) {
        return rowOf[g];
    }

    /**
     * {@code into[g·width .. g·width + width) = table[rowOf(g)·rowWidth + colOffset ..)} for every group: each distinct
     * row's columns {@code [colOffset, colOffset + width)}, contiguous.
     */
    public void gather(float[] table, int rowWidth, int colOffset, int width, float[] into) {
        for (int g = 0; g < groups; g++) {
            System.arraycopy(table, rowOf[g] * rowWidth + colOffset, into, g * width, width);
        }
    }

    /**
     * {@code sums[g·width + c] = Σ_{p in group g} values[p·stride + col0 + c]} over the last {@link #group} call's
     * positions (absolute, as given to it; skipped positions add nothing): the positions' gradients per group.
     */
    public void sumByGroup(float[] values, int stride, int col0, int width, float[] sums) {
        Arrays.fill(sums, 0, groups * width, 0f);
        float[] acc = sum;
        float[] add = term;
        for (int p = from; p < to; p++) {
            int g = groupOf[p - from];
            if (g < 0) {
                continue;
            }
            int at = g * width;
            System.arraycopy(sums, at, acc, 0, width);
            System.arraycopy(values, p * stride + col0, add, 0, width);
            for (int c = 0; c < width; c++) {
                acc[c] += add[c];
            }
            System.arraycopy(acc, 0, sums, at, width);
        }
    }

    /**
     * {@code gradientTable[rowOf(g)·rowWidth + colOffset + c] += groupValues[g·width + c]} for every group and
     * {@code c < width}: the groups' gradients into their rows of the table's gradient.
     */
    public void scatterAdd(float[] groupValues, float[] gradientTable, int rowWidth, int colOffset, int width) {
        float[] acc = sum;
        float[] add = term;
        for (int g = 0; g < groups; g++) {
            int at = rowOf[g] * rowWidth + colOffset;
            System.arraycopy(gradientTable, at, acc, 0, width);
            System.arraycopy(groupValues, g * width, add, 0, width);
            for (int c = 0; c < width; c++) {
                acc[c] += add[c];
            }
            System.arraycopy(acc, 0, gradientTable, at, width);
        }
    }
}
