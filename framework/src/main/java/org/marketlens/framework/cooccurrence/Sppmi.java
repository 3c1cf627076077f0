package org.marketlens.framework.cooccurrence;

/**
 * Shifted positive pointwise mutual information of a symmetric count matrix (Eq. 4.2–4.3; MODELS.md §2.4):
 * {@code PMI(i,j) = ln(#(i,j)·|D| / (#(i)·#(j)))}, {@code SPPMI = max(PMI − ln s, 0)}, computed only on stored
 * counts; cells whose SPPMI is 0 are not stored, so the result's non-zeros are the sets N_X(p) of Eq. 4.5–4.8.
 */
public final class Sppmi {
    private Sppmi() {
    }

    /**
     * @param counts symmetric non-negative counts (e.g. from {@link CooccurrenceCounts#of})
     * @param shift  s ≥ 1 (A-20: default 1, plain positive PMI)
     * @return the SPPMI matrix
     */
    public static SparseRows of(SparseRows counts, double shift) {
        if (!(shift >= 1)) {
            throw new IllegalArgumentException("SPPMI shift s must be >= 1, got " + shift);
        }
        int n = counts.rows();
        double[] marginal = new double[n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            for (int e = counts.rowStart()[i]; e < counts.rowStart()[i + 1]; e++) {
                marginal[i] += counts.values()[e];
            }
            total += marginal[i];
        }
        double logShift = Math.log(shift);
        int[][] cols = new int[n][];
        float[][] values = new float[n][];
        for (int i = 0; i < n; i++) {
            int from = counts.rowStart()[i];
            int to = counts.rowStart()[i + 1];
            int[] c = new int[to - from];
            float[] v = new float[to - from];
            int kept = 0;
            for (int e = from; e < to; e++) {
                double count = counts.values()[e];
                if (count <= 0) {
                    continue;
                }
                int j = counts.columns()[e];
                // #(j) is the column sum; for a symmetric matrix it equals the row sum of j.
                double pmi = Math.log(count * total / (marginal[i] * marginal[j]));
                double shifted = pmi - logShift;
                if (shifted > 0) {
                    c[kept] = j;
                    v[kept++] = (float) shifted;
                }
            }
            cols[i] = java.util.Arrays.copyOf(c, kept);
            values[i] = java.util.Arrays.copyOf(v, kept);
        }
        return CooccurrenceCounts.assemble(n, cols, values);
    }
}
