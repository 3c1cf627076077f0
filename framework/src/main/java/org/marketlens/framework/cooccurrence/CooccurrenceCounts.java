package org.marketlens.framework.cooccurrence;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Greedy context generation (MODELS.md §2.4): inside each group (a user's liked set, a user's disliked set, an
 * item's likers) every other member is a context of every member, so {@code C[i][j]} = number of groups holding
 * both i and j, i ≠ j. Computed exactly as the sparse product {@code BᵀB} with a zeroed diagonal, where B is the
 * group × member 0/1 matrix, without materialising pairs. Optionally a group with more than {@code cap}
 * members contributes pairs among a random subset of {@code cap + 1} of them ([REF-CODE]'s cap, A-19).
 */
public final class CooccurrenceCounts {
    private CooccurrenceCounts() {
    }

    /**
     * @param groups group × member 0/1 matrix (values ignored)
     * @param cap    largest group used whole; 0 or less = no cap
     * @param seed   seed of the subset draws (used only when a group exceeds the cap)
     * @return the symmetric member × member count matrix, zero diagonal, only positive counts stored
     */
    public static SparseRows of(SparseRows groups, int cap, long seed) {
        SparseRows used = cap > 0 ? capped(groups, cap, seed) : groups;
        SparseRows byMember = used.transpose();
        int n = used.cols();
        int[][] cols = new int[n][];
        float[][] counts = new float[n][];
        ThreadLocal<int[]> accumulators = ThreadLocal.withInitial(() -> new int[n]);
        IntStream.range(0, n).parallel().forEach(i -> {
            int[] acc = accumulators.get();
            int[] touched = new int[16];
            int size = 0;
            for (int e = byMember.rowStart()[i]; e < byMember.rowStart()[i + 1]; e++) {
                int g = byMember.columns()[e];
                for (int f = used.rowStart()[g]; f < used.rowStart()[g + 1]; f++) {
                    int j = used.columns()[f];
                    if (j == i) {
                        continue;
                    }
                    if (acc[j]++ == 0) {
                        if (size == touched.length) {
                            touched = Arrays.copyOf(touched, size * 2);
                        }
                        touched[size++] = j;
                    }
                }
            }
            int[] row = Arrays.copyOf(touched, size);
            Arrays.sort(row);
            float[] values = new float[size];
            for (int t = 0; t < size; t++) {
                values[t] = acc[row[t]];
                acc[row[t]] = 0;
            }
            cols[i] = row;
            counts[i] = values;
        });
        return assemble(n, cols, counts);
    }

    /** @return total number of ordered pairs the uncapped counts would generate: sum over groups of |g|(|g|-1) */
    public static long pairs(SparseRows groups) {
        long total = 0;
        for (int g = 0; g < groups.rows(); g++) {
            long s = groups.rowSize(g);
            total += s * (s - 1);
        }
        return total;
    }

    static SparseRows assemble(int n, int[][] cols, float[][] values) {
        int[] start = new int[n + 1];
        for (int i = 0; i < n; i++) {
            start[i + 1] = start[i] + cols[i].length;
        }
        int[] allCols = new int[start[n]];
        float[] allValues = new float[start[n]];
        for (int i = 0; i < n; i++) {
            System.arraycopy(cols[i], 0, allCols, start[i], cols[i].length);
            System.arraycopy(values[i], 0, allValues, start[i], values[i].length);
        }
        return new SparseRows(n, n, start, allCols, allValues);
    }

    private static SparseRows capped(SparseRows groups, int cap, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[][] members = new int[groups.rows()][];
        for (int g = 0; g < groups.rows(); g++) {
            int[] row = Arrays.copyOfRange(groups.columns(), groups.rowStart()[g], groups.rowStart()[g + 1]);
            if (row.length > cap + 1) {
                for (int p = 0; p <= cap; p++) {
                    int q = p + random.nextInt(row.length - p);
                    int t = row[p];
                    row[p] = row[q];
                    row[q] = t;
                }
                row = Arrays.copyOf(row, cap + 1);
            }
            members[g] = row;
        }
        return SparseRows.ofSets(groups.cols(), members);
    }
}
