package org.marketlens.framework.nn.kernel;

/**
 * Dense algebra of the kernels on row-major float matrices addressed as (array, row stride, column offset): the
 * affine layers {@code y = W x + b} of SDP and SDM (Eq. 5.1, 5.7–5.9) applied to blocks of rows, and their
 * gradients. A weight {@code W} is {@code [out, ld]}; a block of it is its columns {@code [wCol0, wCol0 + in)}, so a
 * layer on a concatenation {@code [q; v]} is two blocks. Every inner loop runs over contiguous memory in the form
 * {@code a[i] += s · b[i]}, which HotSpot's C2 compiles to SIMD; a dot product in the inner loop would not be.
 */
public final class Dense {
    private Dense() {
    }

    /** @return columns {@code [wCol0, wCol0 + in)} of the {@code [out, ld]} matrix {@code w}, transposed to {@code [in, out]} */
    public static float[] transposeBlock(float[] w, int out, int ld, int wCol0, int in) {
        float[] t = new float[in * out];
        for (int o = 0; o < out; o++) {
            int row = o * ld + wCol0;
            for (int i = 0; i < in; i++) {
                t[i * out + o] = w[row + i];
            }
        }
        return t;
    }

    /** {@code y[r, yCol0 + o] = b[o]} ({@code 0} when {@code b} is null) for rows {@code [from, to)}, {@code o < out}. */
    public static void fillRows(float[] b, int out, float[] y, int stride, int col0, int from, int to) {
        for (int r = from; r < to; r++) {
            int at = r * stride + col0;
            if (b == null) {
                java.util.Arrays.fill(y, at, at + out, 0f);
            } else {
                System.arraycopy(b, 0, y, at, out);
            }
        }
    }

    /**
     * {@code y[r, yCol0 + o] += Σ_i x[r, xCol0 + i] · wT[i, o]} for rows {@code [from, to)}: the block's linear map,
     * with {@code wT} from {@link #transposeBlock}.
     */
    public static void multiplyAdd(float[] x, int xStride, int xCol0, float[] wT, int in, int out, float[] y,
            int yStride, int yCol0, int from, int to) {
        for (int r = from; r < to; r++) {
            int xr = r * xStride + xCol0;
            int yr = r * yStride + yCol0;
            for (int i = 0; i < in; i++) {
                float xi = x[xr + i];
                if (xi == 0f) {
                    continue;
                }
                int wi = i * out;
                for (int o = 0; o < out; o++) {
                    y[yr + o] += xi * wT[wi + o];
                }
            }
        }
    }

    /** {@code dx[r, dxCol0 + i] += Σ_o dy[r, dyCol0 + o] · w[o, wCol0 + i]}: the gradient of the block's input. */
    public static void backwardInput(float[] dy, int dyStride, int dyCol0, float[] w, int ld, int wCol0, int in,
            int out, float[] dx, int dxStride, int dxCol0, int from, int to) {
        for (int r = from; r < to; r++) {
            int dyr = r * dyStride + dyCol0;
            int dxr = r * dxStride + dxCol0;
            for (int o = 0; o < out; o++) {
                float g = dy[dyr + o];
                if (g == 0f) {
                    continue;
                }
                int wo = o * ld + wCol0;
                for (int i = 0; i < in; i++) {
                    dx[dxr + i] += g * w[wo + i];
                }
            }
        }
    }

    /** {@code dw[o, wCol0 + i] += Σ_r dy[r, dyCol0 + o] · x[r, xCol0 + i]}: the gradient of the block's weights. */
    public static void backwardWeights(float[] dy, int dyStride, int dyCol0, float[] x, int xStride, int xCol0,
            int in, int out, float[] dw, int ld, int wCol0, int from, int to) {
        for (int r = from; r < to; r++) {
            int dyr = r * dyStride + dyCol0;
            int xr = r * xStride + xCol0;
            for (int o = 0; o < out; o++) {
                float g = dy[dyr + o];
                if (g == 0f) {
                    continue;
                }
                int wo = o * ld + wCol0;
                for (int i = 0; i < in; i++) {
                    dw[wo + i] += g * x[xr + i];
                }
            }
        }
    }

    /** {@code db[o] += Σ_r dy[r, dyCol0 + o]}: the gradient of the bias. */
    public static void backwardBias(float[] dy, int dyStride, int dyCol0, int out, float[] db, int from, int to) {
        for (int r = from; r < to; r++) {
            int dyr = r * dyStride + dyCol0;
            for (int o = 0; o < out; o++) {
                db[o] += dy[dyr + o];
            }
        }
    }
}
