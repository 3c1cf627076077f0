package org.marketlens.framework.nn.layers;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * An affine map {@code x -> W x + b} with {@code W} stored {@code [out, in]} (so He-normal's fan-in is the last
 * dimension, MODELS.md §4.8) and {@code b} of shape {@code [out]}. For an input that is a concatenation
 * {@code [x; y]} (Eq. 5.1, 5.7–5.9), {@link #split} gives the two column blocks so that the part depending on
 * {@code y} alone can be computed once and reused (e.g. for every hop of SDM).
 */
public final class Affine {
    private final SameDiff sd;
    private final SDVariable weight;
    private final SDVariable bias;

    private Affine(SameDiff sd, SDVariable weight, SDVariable bias) {
        this.sd = sd;
        this.weight = weight;
        this.bias = bias;
    }

    /**
     * @param sd     the graph
     * @param weight {@code [out, in]}
     * @param bias   {@code [out]}, or {@code null} for none
     * @return the map
     */
    public static Affine of(SameDiff sd, SDVariable weight, SDVariable bias) {
        return new Affine(sd, weight, bias);
    }

    /**
     * @param x {@code [n, in]}
     * @return {@code x Wᵀ + b}, {@code [n, out]}
     */
    public SDVariable apply(SDVariable x) {
        SDVariable y = sd.mmul(x, weight, false, true, false);
        return bias == null ? y : y.add(bias);
    }

    /**
     * @param x {@code [n, in]}
     * @return {@code x Wᵀ} without the bias, {@code [n, out]}
     */
    public SDVariable applyLinear(SDVariable x) {
        return sd.mmul(x, weight, false, true, false);
    }

    /**
     * Applies the linear part to every row of a {@code [n, s, in]} tensor.
     *
     * @param x    {@code [n, s, in]}
     * @param in   the input width
     * @param out  the output width
     * @param rows {@code s}
     * @return {@code [n, s, out]} without the bias
     */
    public SDVariable applyLinearToRows(SDVariable x, int in, int out, int rows) {
        SDVariable flat = x.reshape(-1, in);
        return sd.mmul(flat, weight, false, true, false).reshape(-1, rows, out);
    }

    /** @return the bias, or {@code null} */
    public SDVariable bias() {
        return bias;
    }

    /**
     * Splits {@code W = [W_left | W_right]} for an input {@code [x; y]} with {@code x} of width {@code leftWidth}.
     *
     * @param out       output width (rows of W)
     * @param leftWidth width of the left input block
     * @param in        total input width
     * @return {@code [left, right]}: the left map carries the bias, the right one has none
     */
    public Affine[] split(int out, int leftWidth, int in) {
        SDVariable left = sd.slice(weight, new int[] {0, 0}, out, leftWidth);
        SDVariable right = sd.slice(weight, new int[] {0, leftWidth}, out, in - leftWidth);
        return new Affine[] {new Affine(sd, left, bias), new Affine(sd, right, null)};
    }
}
