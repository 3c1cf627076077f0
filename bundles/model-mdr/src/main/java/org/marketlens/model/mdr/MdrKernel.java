package org.marketlens.model.mdr;

import java.util.ArrayList;
import java.util.List;
import org.marketlens.framework.nn.kernel.KernelBatch;
import org.marketlens.framework.nn.kernel.KernelParameters;
import org.marketlens.framework.nn.kernel.ScoreKernel;

/**
 * MDR's score graph by hand (issue 6; Eq. 4.20, MODELS.md §3.4): forward
 * {@code s_r = −(θ[k] + Σ_q B1[q]² (u[q] − s_k[q])² + Σ_q B2[q]² (p_j[q] − s_k[q])²)} with the variant's terms, and for
 * score gradients {@code g} the vector-Jacobian product, with {@code e1 = u − s_k}, {@code e2 = p_j − s_k}:
 * {@code ∂u += −2g B1² e1}, {@code ∂p_j += −2g B2² e2}, {@code ∂s_k += 2g (B1² e1 + B2² e2)},
 * {@code ∂B1 += −2g B1 e1²}, {@code ∂B2 += −2g B2 e2²}, {@code ∂θ[k] += −g}. Penalty: the A-6 rows of
 * {@link MdrModel#penalty} (user, playlist and song rows, song biases, metric vectors as a whole). Equal to
 * {@link MdrModel#score} to float precision ({@code MdrKernelTest}).
 */
final class MdrKernel implements ScoreKernel {
    private final int dim;
    private final MdrModel.Terms terms;
    private final RowPenalty penalty;

    MdrKernel(int dim, MdrModel.Terms terms, double lambda) {
        this.dim = dim;
        this.terms = terms;
        List<String> dense = new ArrayList<>();
        if (terms.user) {
            dense.add(MdrModel.USER_METRIC);
        }
        if (terms.playlist) {
            dense.add(MdrModel.PLAYLIST_METRIC);
        }
        this.penalty = new RowPenalty(lambda, terms.user ? MdrModel.USERS : null, MdrModel.SONGS, dense, null,
                terms.playlist ? MdrModel.PLAYLISTS : null, MdrModel.SONG_BIAS);
    }

    @Override
    public RowPenalty penalty() {
        return penalty;
    }

    @Override
    public Worker worker(KernelParameters parameters, int maxRows) {
        float[] users = terms.user ? parameters.values(MdrModel.USERS) : null;
        float[] b1 = terms.user ? parameters.values(MdrModel.USER_METRIC) : null;
        float[] playlists = terms.playlist ? parameters.values(MdrModel.PLAYLISTS) : null;
        float[] b2 = terms.playlist ? parameters.values(MdrModel.PLAYLIST_METRIC) : null;
        float[] songs = parameters.values(MdrModel.SONGS);
        float[] bias = parameters.values(MdrModel.SONG_BIAS);
        return new Worker() {
            @Override
            public void forward(KernelBatch batch, int from, int to, float[] scores) {
                int[] u = batch.users();
                int[] k = batch.items();
                int[] j = groups(batch);
                for (int r = from; r < to; r++) {
                    int sa = k[r] * dim;
                    float d = bias[k[r]];
                    if (users != null) {
                        d += metric(b1, users, u[r] * dim, songs, sa);
                    }
                    if (playlists != null) {
                        d += metric(b2, playlists, j[r] * dim, songs, sa);
                    }
                    scores[r] = -d;
                }
            }

            private float metric(float[] b, float[] x, int xa, float[] y, int ya) {
                float sum = 0;
                for (int c = 0; c < dim; c++) {
                    float e = b[c] * (x[xa + c] - y[ya + c]);
                    sum += e * e;
                }
                return sum;
            }

            @Override
            public void backward(KernelBatch batch, int from, int to, float[] scoreGradients,
                    KernelParameters gradients) {
                float[] gu = users == null ? null : gradients.values(MdrModel.USERS);
                float[] gb1 = users == null ? null : gradients.values(MdrModel.USER_METRIC);
                float[] gp = playlists == null ? null : gradients.values(MdrModel.PLAYLISTS);
                float[] gb2 = playlists == null ? null : gradients.values(MdrModel.PLAYLIST_METRIC);
                float[] gs = gradients.values(MdrModel.SONGS);
                float[] gBias = gradients.values(MdrModel.SONG_BIAS);
                int[] u = batch.users();
                int[] k = batch.items();
                int[] j = groups(batch);
                for (int r = from; r < to; r++) {
                    float g = scoreGradients[r];
                    if (g == 0f) {
                        continue;
                    }
                    int sa = k[r] * dim;
                    gBias[k[r]] -= g;
                    float twoG = 2f * g;
                    if (users != null) {
                        accumulate(twoG, b1, users, u[r] * dim, gu, gb1, gs, sa);
                    }
                    if (playlists != null) {
                        accumulate(twoG, b2, playlists, j[r] * dim, gp, gb2, gs, sa);
                    }
                }
            }

            /** One term's gradients: {@code e = x − s}, {@code ∂x −= 2g B² e}, {@code ∂s += 2g B² e}, {@code ∂B −= 2g B e²}. */
            private void accumulate(float twoG, float[] b, float[] x, int xa, float[] gx, float[] gb, float[] gs,
                    int sa) {
                for (int c = 0; c < dim; c++) {
                    float e = x[xa + c] - songs[sa + c];
                    float be = b[c] * e;
                    float t = twoG * b[c] * be;
                    gx[xa + c] -= t;
                    gs[sa + c] += t;
                    gb[c] -= twoG * be * e;
                }
            }

            private int[] groups(KernelBatch batch) {
                if (playlists != null && batch.groups() == null) {
                    throw new IllegalArgumentException("MDR's playlist term needs the group of each row");
                }
                return batch.groups();
            }
        };
    }
}
