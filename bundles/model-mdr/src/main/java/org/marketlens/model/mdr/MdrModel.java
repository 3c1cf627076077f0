package org.marketlens.model.mdr;

import java.util.ArrayList;
import java.util.List;
import org.marketlens.api.nn.ParameterSpec;
import org.marketlens.api.nn.ParameterView;
import org.marketlens.api.nn.ScoreInputs;
import org.marketlens.api.nn.TrainingInputs;
import org.marketlens.framework.nn.kernel.KernelModel;
import org.marketlens.framework.nn.layers.RowLookup;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * MDR, the Mahalanobis Distance based Recommender (Eq. 4.20; MODELS.md §3.4): for user i, playlist j and song k
 * <pre>
 * D(i, j, k) = Σ_q (B1[q](u_i[q] − s_k[q]))² + Σ_q (B2[q](p_j[q] − s_k[q]))² + θ[k],   score = −D
 * </pre>
 * with the squared diagonal Mahalanobis distance of Eq. 4.12 (MODELS.md §3.2; B1 = B2 = 1 gives squared Euclidean
 * distances) and the sign convention of A-1/§0.2. The playlist is the interaction's group
 * ({@link #usesGroups()}). {@link Terms} selects the Table 4.5 variants (§3.9): {@code us} drops the playlist term
 * (and P, B2), {@code ps} the user term (and U, B1).
 * <p>
 * Initialisation (§3.4 [ASSUMPTION], after [REF-CODE]; the dissertation gives none): U, P, S ~ N(0, (1/d)²), i.e.
 * standard deviation 1/d as the reference code draws them; B1 = 1; B2 ~ U[0, 1); θ = 0.
 * <p>
 * Penalty: λ times the batch mean of {@code ||u_i||² + ||p_j||² + ||s_k+||² + ||s_k−||² + θ[k+]² + θ[k−]²}
 * over the rows a batch uses, plus {@code λ(||B1||² + ||B2||²)} once per batch, of the parameters the variant has.
 * <p>
 * The graph is the definition; {@link MdrKernel} is the same score and gradient by hand, which BPR training and
 * serving take (issue 6: each SameDiff step densely zeroes and scatters the gradients of the song tables).
 */
final class MdrModel implements KernelModel {
    static final String USERS = "user_embedding";
    static final String PLAYLISTS = "playlist_embedding";
    static final String SONGS = "song_embedding";
    static final String USER_METRIC = "user_metric";
    static final String PLAYLIST_METRIC = "playlist_metric";
    static final String SONG_BIAS = "song_bias";

    /** Which distance terms D has (Table 4.5, MODELS.md §3.9). */
    enum Terms {
        /** User and playlist terms: MDR itself (MDR_ups). */
        UPS(true, true),
        /** User term only (MDR_us). */
        US(true, false),
        /** Playlist term only (MDR_ps). */
        PS(false, true);

        final boolean user;
        final boolean playlist;

        Terms(boolean user, boolean playlist) {
            this.user = user;
            this.playlist = playlist;
        }

        /** @return the variant named {@code ups}, {@code us} or {@code ps} */
        static Terms of(String name) {
            for (Terms t : values()) {
                if (t.name().equalsIgnoreCase(name.trim())) {
                    return t;
                }
            }
            throw new IllegalArgumentException("MDR terms must be ups, us or ps (MODELS.md §3.9), not '" + name + "'");
        }
    }

    private final int numUsers;
    private final int numPlaylists;
    private final int numSongs;
    private final int dim;
    private final double lambda;
    private final Terms terms;

    /**
     * @param numPlaylists number of playlists (groups); unused by {@link Terms#US}
     */
    MdrModel(int numUsers, int numPlaylists, int numSongs, int dim, double lambda, Terms terms) {
        if (dim < 1) {
            throw new IllegalArgumentException("MDR dim must be positive, not " + dim);
        }
        if (terms.playlist && numPlaylists < 1) {
            throw new IllegalArgumentException("MDR needs grouped data (playlists); the training data has none");
        }
        this.numUsers = numUsers;
        this.numPlaylists = numPlaylists;
        this.numSongs = numSongs;
        this.dim = dim;
        this.lambda = lambda;
        this.terms = terms;
    }

    Terms terms() {
        return terms;
    }

    /** @return true unless the variant has no playlist term ({@code us}) */
    @Override
    public boolean usesGroups() {
        return terms.playlist;
    }

    @Override
    public List<ParameterSpec> parameters() {
        List<ParameterSpec> out = new ArrayList<>();
        double std = 1.0 / dim;
        if (terms.user) {
            out.add(ParameterSpec.embedding(USERS, numUsers, dim, std));
        }
        if (terms.playlist) {
            out.add(ParameterSpec.embedding(PLAYLISTS, numPlaylists, dim, std));
        }
        out.add(ParameterSpec.embedding(SONGS, numSongs, dim, std));
        if (terms.user) {
            out.add(new ParameterSpec(USER_METRIC, new long[] {dim}, ParameterSpec.Init.CONSTANT, 1.0));
        }
        if (terms.playlist) {
            out.add(new ParameterSpec(PLAYLIST_METRIC, new long[] {dim}, ParameterSpec.Init.UNIFORM, 1.0));
        }
        out.add(new ParameterSpec(SONG_BIAS, new long[] {numSongs}, ParameterSpec.Init.CONSTANT, 0.0));
        return out;
    }

    /** @return {@code −D(i, j, k)} of Eq. 4.20 (with the variant's terms), {@code [batch]} */
    @Override
    public SDVariable score(SameDiff sd, ParameterView params, ScoreInputs in) {
        SDVariable songs = RowLookup.rows(sd, params.get(SONGS), in.items());
        SDVariable distance = RowLookup.rows(sd, params.get(SONG_BIAS), sd.identity(in.items()));
        if (terms.user) {
            distance = distance.add(metric(sd, params.get(USER_METRIC),
                    RowLookup.rows(sd, params.get(USERS), in.users()), songs));
        }
        if (terms.playlist) {
            if (in.groups() == null) {
                throw new IllegalArgumentException("MDR's playlist term needs the group of each row");
            }
            distance = distance.add(metric(sd, params.get(PLAYLIST_METRIC),
                    RowLookup.rows(sd, params.get(PLAYLISTS), in.groups()), songs));
        }
        return distance.neg();
    }

    /** @return {@code Σ_q (B[q](x[q] − y[q]))²} per row (Eq. 4.12 squared), {@code [batch]} */
    private static SDVariable metric(SameDiff sd, SDVariable b, SDVariable x, SDVariable y) {
        return sd.squaredNorm(x.sub(y).mul(b), false, 1);
    }

    @Override
    public SDVariable penalty(SameDiff sd, ParameterView params, TrainingInputs in) {
        SDVariable rows = rowNorms(sd, params.get(SONGS), in.positives())
                .add(rowNorms(sd, params.get(SONGS), in.negatives()))
                .add(sd.math().square(RowLookup.rows(sd, params.get(SONG_BIAS), sd.identity(in.positives()))))
                .add(sd.math().square(RowLookup.rows(sd, params.get(SONG_BIAS), sd.identity(in.negatives()))));
        SDVariable dense = null;
        if (terms.user) {
            rows = rows.add(rowNorms(sd, params.get(USERS), in.users()));
            dense = sd.squaredNorm(params.get(USER_METRIC));
        }
        if (terms.playlist) {
            rows = rows.add(rowNorms(sd, params.get(PLAYLISTS), in.groups()));
            SDVariable b2 = sd.squaredNorm(params.get(PLAYLIST_METRIC));
            dense = dense == null ? b2 : dense.add(b2);
        }
        return rows.mean().add(dense).mul(lambda);
    }

    private static SDVariable rowNorms(SameDiff sd, SDVariable table, SDVariable indices) {
        return sd.squaredNorm(RowLookup.rows(sd, table, indices), false, 1);
    }

    /** @return the score and gradient on float arrays, equal to {@link #score} */
    @Override
    public MdrKernel kernel() {
        return new MdrKernel(dim, terms, lambda);
    }
}
