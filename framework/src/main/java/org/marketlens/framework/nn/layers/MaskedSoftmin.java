package org.marketlens.framework.nn.layers;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Metric attention over a padded context: {@code a_k = exp(−z_k) / Σ_{p valid} exp(−z_p)} (Eq. 5.10, 5.16) with
 * padded positions at weight exactly 0 and absent from the denominator, and a row without any valid position
 * giving all-zero weights (MODELS.md §0.4).
 */
public final class MaskedSoftmin {
    /** Added to padded distances before the row minimum so a padded position never becomes the shift. */
    private static final double PADDING_OFFSET = 1e6;

    private MaskedSoftmin() {
    }

    /**
     * The terms of a context mask that every attention over that context shares (SDM's hops): compute them once per
     * model call with {@link #prepare} and pass them to {@link #weights(SameDiff, SDVariable, Mask)}.
     *
     * @param valid         {@code [n, s]}: 1 = valid, 0 = padding, in the distances' type
     * @param paddingOffset {@code [n, s]}: 0 at valid positions, a large offset at padding
     * @param emptyRows     {@code [n, 1]}: 1 for rows without a valid position, else 0
     */
    public record Mask(SDVariable valid, SDVariable paddingOffset, SDVariable emptyRows) {
    }

    /**
     * @param sd   the graph
     * @param mask {@code [n, s]}: 1 = valid, 0 = padding (any floating type)
     * @param type the type of the distances the mask will weigh
     * @return the mask's shared terms
     */
    public static Mask prepare(SameDiff sd, SDVariable mask, DataType type) {
        SDVariable m = mask.dataType() == type ? mask : mask.castTo(type);
        return new Mask(m, m.rsub(1.0).mul(PADDING_OFFSET), m.max(true, 1).rsub(1.0));
    }

    /**
     * @param sd   the graph
     * @param z    distances {@code [n, s]}
     * @param mask {@code [n, s]}: 1 = valid, 0 = padding (any floating type; cast to z's type)
     * @return attention weights {@code [n, s]}: rows sum to 1 over valid positions, 0 for empty rows
     */
    public static SDVariable weights(SameDiff sd, SDVariable z, SDVariable mask) {
        return weights(sd, z, prepare(sd, mask, z.dataType()));
    }

    /**
     * @param sd   the graph
     * @param z    distances {@code [n, s]}
     * @param mask the prepared mask of the context
     * @return attention weights {@code [n, s]}: rows sum to 1 over valid positions, 0 for empty rows
     */
    public static SDVariable weights(SameDiff sd, SDVariable z, Mask mask) {
        // Shift by the smallest valid distance (softmin is shift invariant): the largest weight is exp(0) = 1, so
        // nothing overflows or underflows to an all-zero row whatever the scale of z.
        SDVariable shifted = z.add(mask.paddingOffset());
        SDVariable minimum = shifted.min(true, 1);
        SDVariable w = sd.math().exp(minimum.sub(shifted)).mul(mask.valid());
        // Rows with a valid position have a sum >= 1; empty rows divide 0 by 1.
        return w.div(w.sum(true, 1).add(mask.emptyRows()));
    }

    /**
     * @param weights {@code [n, s]}
     * @param values  {@code [n, s, k]}
     * @return {@code Σ_k weights[:, k] · values[:, k, :]}, {@code [n, k]} (Eq. 5.13, 5.19)
     */
    public static SDVariable pool(SameDiff sd, SDVariable weights, SDVariable values) {
        return values.mul(sd.expandDims(weights, 2)).sum(1);
    }
}
