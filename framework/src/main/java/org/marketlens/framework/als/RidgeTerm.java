package org.marketlens.framework.als;

import org.marketlens.framework.cooccurrence.SparseRows;

/**
 * One sparse data term of a batch of ridge problems: for output row r and every stored entry e of row r of
 * {@code entries} (column j), the normal matrix of r gains {@code gram[e] · y_j y_jᵀ} and its right-hand side
 * gains {@code rhs[e] · y_j}, where {@code y_j} is row j of {@code factors}.
 *
 * @param factors the fixed factor matrix, row-major [columns of entries, k]
 * @param entries which factor rows enter which output row (its values are not read)
 * @param gram    weight of each entry in the normal matrix (≥ 0), aligned with {@code entries}' non-zeros
 * @param rhs     coefficient of each entry in the right-hand side, aligned likewise
 */
public record RidgeTerm(float[] factors, SparseRows entries, float[] gram, float[] rhs) {
    public RidgeTerm {
        if (gram.length != entries.nonZeros() || rhs.length != entries.nonZeros()) {
            throw new IllegalArgumentException("one gram weight and one rhs coefficient per entry are needed");
        }
    }
}
