package org.marketlens.framework.nn.kernel;

/**
 * Dense algebra of the kernels on row-major float matrices addressed as (array, row stride, column offset): the
 * affine layers {@code y = W x + b} of SDP and SDM (Eq. 5.1, 5.7–5.9) applied to blocks of rows, and their
 * gradients. A weight {@code W} is {@code [out, ld]}; a block of it is its columns {@code [wCol0, wCol0 + in)}, so a
 * layer on a concatenation {@code [q; v]} is two blocks. Every inner loop runs over contiguous memory in the form
 * {@code a[i] += s0 · b0[i] + … + s3 · b3[i]}, which HotSpot's C2 compiles to SIMD; a dot product in the inner loop
 * would not be. JDK 17's C2 vectorises such a loop only when every array in it is indexed by the same expression
 * ({@code a[i]}, {@code b[i]}), not by different offsets ({@code y[yr + o]}, {@code w[wi + o]}: measured 3–4 GFLOP/s,
 * scalar speed), so the operations copy the rows they stream into arrays of their own (offset 0) and accumulate a row
 * in one; four rows or columns per pass quarter the accumulator's loads and stores (issue 6: 2.5–5× faster on
 * SDP's [512, 128] × [128, 64] products).
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
        float[][] w = rows(wT, in, out, 0, out);
        float[] acc = new float[out];
        for (int r = from; r < to; r++) {
            int xr = r * xStride + xCol0;
            int yr = r * yStride + yCol0;
            System.arraycopy(y, yr, acc, 0, out);
            int i = 0;
            for (; i + 3 < in; i += 4) {
                float a0 = x[xr + i];
                float a1 = x[xr + i + 1];
                float a2 = x[xr + i + 2];
                float a3 = x[xr + i + 3];
                if (a0 == 0f && a1 == 0f && a2 == 0f && a3 == 0f) {
                    continue;
                }
                float[] w0 = w[i];
                float[] w1 = w[i + 1];
                float[] w2 = w[i + 2];
                float[] w3 = w[i + 3];
                for (int o = 0; o < out; o++) {
                    acc[o] += a0 * w0[o] + a1 * w1[o] + a2 * w2[o] + a3 * w3[o];
                }
            }
            for (; i < in; i++) {
                float a = x[xr + i];
                float[] wi = w[i];
                for (int o = 0; o < out; o++) {
                    acc[o] += a * wi[o];
                }
            }
            System.arraycopy(acc, 0, y, yr, out);
        }
    }

    /** {@code dx[r, dxCol0 + i] += Σ_o dy[r, dyCol0 + o] · w[o, wCol0 + i]}: the gradient of the block's input. */
    public static void backwardInput(float[] dy, int dyStride, int dyCol0, float[] w, int ld, int wCol0, int in,
            int out, float[] dx, int dxStride, int dxCol0, int from, int to) {
        float[][] wr = rows(w, out, ld, wCol0, in);
        float[] acc = new float[in];
        for (int r = from; r < to; r++) {
            int dyr = r * dyStride + dyCol0;
            int dxr = r * dxStride + dxCol0;
            System.arraycopy(dx, dxr, acc, 0, in);
            int o = 0;
            for (; o + 3 < out; o += 4) {
                float g0 = dy[dyr + o];
                float g1 = dy[dyr + o + 1];
                float g2 = dy[dyr + o + 2];
                float g3 = dy[dyr + o + 3];
                if (g0 == 0f && g1 == 0f && g2 == 0f && g3 == 0f) {
                    continue;
                }
                float[] w0 = wr[o];
                float[] w1 = wr[o + 1];
                float[] w2 = wr[o + 2];
                float[] w3 = wr[o + 3];
                for (int i = 0; i < in; i++) {
                    acc[i] += g0 * w0[i] + g1 * w1[i] + g2 * w2[i] + g3 * w3[i];
                }
            }
            for (; o < out; o++) {
                float g = dy[dyr + o];
                float[] wo = wr[o];
                for (int i = 0; i < in; i++) {
                    acc[i] += g * wo[i];
                }
            }
            System.arraycopy(acc, 0, dx, dxr, in);
        }
    }

    /** {@code dw[o, wCol0 + i] += Σ_r dy[r, dyCol0 + o] · x[r, xCol0 + i]}: the gradient of the block's weights. */
    public static void backwardWeights(float[] dy, int dyStride, int dyCol0, float[] x, int xStride, int xCol0,
            int in, int out, float[] dw, int ld, int wCol0, int from, int to) {
        float[][] acc = new float[out][in];
        float[] x0 = new float[in];
        float[] x1 = new float[in];
        float[] x2 = new float[in];
        float[] x3 = new float[in];
        int r = from;
        for (; r + 3 < to; r += 4) {
            System.arraycopy(x, r * xStride + xCol0, x0, 0, in);
            System.arraycopy(x, (r + 1) * xStride + xCol0, x1, 0, in);
            System.arraycopy(x, (r + 2) * xStride + xCol0, x2, 0, in);
            System.arraycopy(x, (r + 3) * xStride + xCol0, x3, 0, in);
            for (int o = 0; o < out; o++) {
                float g0 = dy[r * dyStride + dyCol0 + o];
                float g1 = dy[(r + 1) * dyStride + dyCol0 + o];
                float g2 = dy[(r + 2) * dyStride + dyCol0 + o];
                float g3 = dy[(r + 3) * dyStride + dyCol0 + o];
                if (g0 == 0f && g1 == 0f && g2 == 0f && g3 == 0f) {
                    continue;
                }
                float[] a = acc[o];
                for (int i = 0; i < in; i++) {
                    a[i] += g0 * x0[i] + g1 * x1[i] + g2 * x2[i] + g3 * x3[i];
                }
            }
        }
        for (; r < to; r++) {
            System.arraycopy(x, r * xStride + xCol0, x0, 0, in);
            for (int o = 0; o < out; o++) {
                float g = dy[r * dyStride + dyCol0 + o];
                float[] a = acc[o];
                for (int i = 0; i < in; i++) {
                    a[i] += g * x0[i];
                }
            }
        }
        for (int o = 0; o < out; o++) {
            float[] a = acc[o];
            int at = o * ld + wCol0;
            for (int i = 0; i < in; i++) {
                dw[at + i] += a[i];
            }
        }
    }

    /** @return {@code count} rows of width {@code width} of a row-major matrix, each its own array (offset 0) */
    private static float[][] rows(float[] m, int count, int ld, int col0, int width) {
        float[][] out = new float[count][];
        for (int k = 0; k < count; k++) {
            out[k] = java.util.Arrays.copyOfRange(m, k * ld + col0, k * ld + col0 + width);
        }
        return out;
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
