package org.marketlens.framework.cooccurrence;

/**
 * Pointwise mutual information of one cell of a symmetric co-occurrence count matrix, unshifted and unclipped
 * (Eq. 4.2 and Eq. 5.23; MODELS.md §2.4, §4.9): {@code PMI(i,j) = ln(#(i,j)·|D| / (#(i)·#(j)))} with
 * {@code #(i)} the row sum of i and {@code |D|} the sum of all counts. {@link Sppmi} keeps only the positive,
 * shifted part of the same quantity; the attention analysis of Figure 5.6 needs the signed value.
 */
public final class Pmi {
    private final SparseRows counts;
    private final double[] marginal;
    private final double total;

    private Pmi(SparseRows counts, double[] marginal, double total) {
        this.counts = counts;
        this.marginal = marginal;
        this.total = total;
    }

    /**
     * @param counts symmetric non-negative counts, e.g. {@link CooccurrenceCounts#of} of the users' training sets
     * @return the PMI of those counts
     */
    public static Pmi of(SparseRows counts) {
        double[] marginal = new double[counts.rows()];
        double total = 0;
        for (int i = 0; i < counts.rows(); i++) {
            for (int e = counts.rowStart()[i]; e < counts.rowStart()[i + 1]; e++) {
                marginal[i] += counts.values()[e];
            }
            total += marginal[i];
        }
        return new Pmi(counts, marginal, total);
    }

    /** @return {@code #(i,j)}, 0 when the pair never co-occurs */
    public double count(int i, int j) {
        return counts.get(i, j);
    }

    /** @return {@code |D|}, the number of (ordered) co-occurrence pairs */
    public double pairs() {
        return total;
    }

    /**
     * @return {@code PMI(i,j)}; {@link Double#NEGATIVE_INFINITY} when i and j never co-occur (the logarithm of 0),
     *         so callers decide whether to skip such pairs
     */
    public double of(int i, int j) {
        double c = count(i, j);
        if (c <= 0) {
            return Double.NEGATIVE_INFINITY;
        }
        return Math.log(c * total / (marginal[i] * marginal[j]));
    }
}
