package org.marketlens.framework.als;

import org.marketlens.framework.cooccurrence.SparseRows;

/**
 * One sparse data term of a batch of ridge problems: for output row r and every stored entry e of row r of
 * {@code entries} (column j), the normal matrix of r gains {@code gram[e] · y_j y_jᵀ} and its right-hand side
 * gains {@code rhs[e] · y_j}, where {@code y_j} is row j of {@code factors}. A term whose Gram weight is the same for
 * every entry (the WMF term's {@code l·φ}, an SPPMI term's w, Eq. 4.5–4.7) passes {@code gram = null} and the weight
 * in {@code uniformGram}, so no per-entry array is allocated: for the user SPPMI matrix Z of the 10M-interaction
 * benchmark (2·10⁸ non-zeros) that array alone was 0.8 GB per update.
 *
 * @param factors     the fixed factor matrix, row-major [columns of entries, k]
 * @param entries     which factor rows enter which output row (its values are not read)
 * @param gram        weight of each entry in the normal matrix (≥ 0), aligned with {@code entries}' non-zeros, or
 *                    null when every entry has weight {@code uniformGram}
 * @param rhs         coefficient of each entry in the right-hand side, aligned likewise
 * @param uniformGram the weight of every entry when {@code gram} is null (≥ 0); ignored otherwise
 */
public record RidgeTerm(float[] factors, SparseRows entries, float[] gram, float[] rhs, float uniformGram) {
    public RidgeTerm {
        if ((gram != null && gram.length != entries.nonZeros()) || rhs.length != entries.nonZeros()) {
            throw new IllegalArgumentException("one gram weight and one rhs coefficient per entry are needed");
        }
        if (gram == null && !(uniformGram >= 0)) {
            throw new IllegalArgumentException("a term without per-entry weights needs a uniform weight >= 0");
        }
    }

    /** A term with one Gram weight per entry. */
    public RidgeTerm(float[] factors, SparseRows entries, float[] gram, float[] rhs) {
        this(factors, entries, java.util.Objects.requireNonNull(gram, "gram"), rhs, Float.NaN);
    }

    /**
     * @return a term where every entry has Gram weight {@code weight} (no per-entry weight array)
     */
    public static RidgeTerm uniform(float[] factors, SparseRows entries, float weight, float[] rhs) {
        return new RidgeTerm(factors, entries, null, rhs, weight);
    }
}
