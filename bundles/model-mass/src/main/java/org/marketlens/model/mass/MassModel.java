package org.marketlens.model.mass;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.marketlens.api.nn.ParameterSpec;
import org.marketlens.api.nn.ParameterView;
import org.marketlens.api.nn.ScoreInputs;
import org.marketlens.api.nn.TrainingInputs;
import org.marketlens.framework.nn.BatchRows;
import org.marketlens.framework.nn.kernel.KernelModel;
import org.marketlens.framework.nn.kernel.ScoreKernel;
import org.marketlens.framework.nn.layers.Affine;
import org.marketlens.framework.nn.layers.MaskedSoftmin;
import org.marketlens.framework.nn.layers.RowLookup;
import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * MASS, Mahalanobis distance based Attentive Song Similarity (Eq. 4.21–4.28; MODELS.md §3.5, variants §3.9 Table
 * 4.6). The context of a (user i, candidate song k) row is the member songs {@code s_1..s_l} of the target playlist,
 * padded to {@code l = contextSize} slots with a mask (MODELS.md §0.4); during training the members exclude the
 * target song (A-31, {@link org.marketlens.framework.train.ContextWindows}' basket task), at inference they are the
 * playlist's training songs. The playlist id itself is not an input (MASS_us).
 * <pre>
 * q       = ReLU(W1 [u_i; s_k] + b1)                              (4.21; W1 is d × 2d, b1 a d-vector, A-32)
 * dist_t  = Σ_q (B3[q] (q[q] − s_t[q]))²                          (4.23, 4.24; eᵀe, A-27)
 * qa      = ReLU(W2 [u_a,i; s_a,k] + b2)                          (4.25)
 * adist_t = Σ_q (B4[q] (qa[q] − s_a,t[q]))²                       (4.26)
 * α_t     = exp(−adist_t) / Σ_{t' valid} exp(−adist_t'), 0 at padding          (4.27, §0.4)
 * D       = Σ_t α_t dist_t + b[k],   score = −D                   (4.22, 4.28; A-1)
 * </pre>
 * Variants (Table 4.6): {@link Attention#DOT} replaces the metric attention by {@code α = softmax_t(dot(qa, s_a,t))}
 * over valid t, unscaled; {@link Memory#SHARED} reads {@code u_a, s_a} from the embedding layer's U and S
 * instead of the external memories U_a, S_a, keeping W2, b2 and B4 separate, so its tables have no U_a, S_a
 * columns.
 * <p>
 * <b>Storage</b>: U and U_a side by side in {@link #USER_MEMORY}, S, S_a and the song bias b in
 * {@link #SONG_MEMORY} (shared memory: U, and S with b), so each index input is gathered once per model call and the
 * A-6 penalty is the framework's row penalty ({@code ||U[u]||² + ||U_a[u]||² + ||S[k]||² + ||S_a[k]||² + b[k]²} for
 * the user, positive and negative of each triple, plus W1, W2, B3, B4 whole; b1, b2 and the member rows are not
 * penalised, as in SDM). APR therefore draws one radius per stored table, as for SDM's memories.
 * <p>
 * <b>Initialisation</b> (the dissertation gives none for MASS): the user and song tables N(0, 0.01²) as the other
 * embedding models here (SDM, MF-BPR), the song bias column included; W1, W2 He-normal (fan-in 2d); b1, b2 zero; the
 * metric vectors B3, B4 one, i.e. training starts from the squared Euclidean distance (a zero B would be a
 * stationary point: {@code ∂(B x)²/∂B = 2 B x² = 0}); [REF-CODE]'s MDR likewise starts its user metric at ones.
 * The graph is the definition; {@link MassKernel} computes the same score and gradients on float arrays, the
 * trainer's and the server's fast path (issue 6).
 */
final class MassModel implements KernelModel {
    /**
     * {@code [m, d]} with shared memory, {@code [m, 2d]} with external memory: columns {@code [0, d)} are the user
     * embeddings U, {@code [d, 2d)} the attention memory U_a (side by side so each index input is gathered once per
     * model call, ND4J 1.0.0-M1.1's gather-gradient naming clash, and the kernel's row penalty covers both).
     */
    static final String USER_MEMORY = "user_memory";
    /**
     * {@code [v, d + 1]} (shared) or {@code [v, 2d + 1]} (external): columns {@code [0, d)} the song embeddings S,
     * {@code [d, 2d)} the attention memory S_a, the last column the song bias b.
     */
    static final String SONG_MEMORY = "song_memory";
    static final String W1 = "W1";
    static final String B1 = "b1";
    static final String METRIC = "B3";
    static final String W2 = "W2";
    static final String B2 = "b2";
    static final String ATTENTION_METRIC = "B4";

    /** How the attention weighs the members (Table 4.6). */
    enum Attention {
        /** Masked softmin of Mahalanobis distances, Eq. 4.25–4.27 (proposed). */
        METRIC,
        /** Masked softmax of unscaled dot products {@code dot(qa, s_a,t)}. */
        DOT;

        static Attention parse(String value) {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        }
    }

    /** Where the attention reads its embeddings (Table 4.6). */
    enum Memory {
        /** Separate attention tables U_a, S_a (proposed). */
        EXTERNAL,
        /** The embedding layer's U and S. */
        SHARED;

        static Memory parse(String value) {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        }
    }

    private final int numUsers;
    private final int numSongs;
    private final int dim;
    private final int contextSize;
    private final double lambda;
    private final Attention attention;
    private final Memory memory;

    MassModel(int numUsers, int numSongs, int dim, int contextSize, double lambda, Attention attention, Memory memory) {
        if (dim < 1 || contextSize < 1) {
            throw new IllegalArgumentException("MASS needs dim and contextSize >= 1, got " + dim + ", " + contextSize);
        }
        this.numUsers = numUsers;
        this.numSongs = numSongs;
        this.dim = dim;
        this.contextSize = contextSize;
        this.lambda = lambda;
        this.attention = attention;
        this.memory = memory;
    }

    @Override
    public int contextSize() {
        return contextSize;
    }

    int dim() {
        return dim;
    }

    double lambda() {
        return lambda;
    }

    Attention attention() {
        return attention;
    }

    Memory memory() {
        return memory;
    }

    @Override
    public List<ParameterSpec> parameters() {
        List<ParameterSpec> p = new ArrayList<>();
        p.add(ParameterSpec.embedding(USER_MEMORY, numUsers, userWidth(), 0.01));
        p.add(ParameterSpec.embedding(SONG_MEMORY, numSongs, songWidth(), 0.01));
        p.add(new ParameterSpec(W1, new long[] {dim, 2L * dim}, ParameterSpec.Init.HE_NORMAL, 0));
        p.add(new ParameterSpec(B1, new long[] {dim}, ParameterSpec.Init.CONSTANT, 0));
        p.add(new ParameterSpec(METRIC, new long[] {dim}, ParameterSpec.Init.CONSTANT, 1));
        p.add(new ParameterSpec(W2, new long[] {dim, 2L * dim}, ParameterSpec.Init.HE_NORMAL, 0));
        p.add(new ParameterSpec(B2, new long[] {dim}, ParameterSpec.Init.CONSTANT, 0));
        if (attention == Attention.METRIC) {
            // The dot attention has no metric.
            p.add(new ParameterSpec(ATTENTION_METRIC, new long[] {dim}, ParameterSpec.Init.CONSTANT, 1));
        }
        return p;
    }

    /**
     * The parts of one forward pass.
     *
     * @param distance  {@code D}, {@code [n]} (Eq. 4.22)
     * @param weights   {@code α}, {@code [n, l]} (Eq. 4.27)
     * @param distances {@code dist_t}, {@code [n, l]} (Eq. 4.24)
     */
    record Forward(SDVariable distance, SDVariable weights, SDVariable distances) {
    }

    /** Builds Eq. 4.21–4.28 for the rows of {@code in}. */
    Forward forward(SameDiff sd, ParameterView params, ScoreInputs in) {
        if (in.context() == null || in.contextMask() == null) {
            throw new IllegalArgumentException("MASS scores need the playlist's member songs and their mask");
        }
        // Gather on flat indices: the gather gradient of ND4J 1.0.0-M1.1 fails for 2-d index arrays.
        int a = attentionOffset();
        int width = songWidth();
        SDVariable users = RowLookup.rows(sd, params.get(USER_MEMORY), in.users());                   // [n, uw]
        SDVariable songs = RowLookup.rows(sd, params.get(SONG_MEMORY), in.items());                   // [n, sw]
        SDVariable members = RowLookup.rows(sd, params.get(SONG_MEMORY), in.context().reshape(-1))
                .reshape(-1, contextSize, width);                                                       // [n, l, sw]
        SDVariable user = columns(users, 0);
        SDVariable song = columns(songs, 0);
        SDVariable context = members.get(SDIndex.all(), SDIndex.all(), SDIndex.interval(0, dim));
        SDVariable q = sd.nn().relu(Affine.of(sd, params.get(W1), params.get(B1)).apply(sd.concat(1, user, song)),
                0);                                                                                     // 4.21
        SDVariable dist = metricDistances(sd, q, context, params.get(METRIC));                          // 4.23, 4.24

        SDVariable userA = a == 0 ? user : columns(users, a);
        SDVariable songA = a == 0 ? song : columns(songs, a);
        SDVariable contextA = a == 0 ? context
                : members.get(SDIndex.all(), SDIndex.all(), SDIndex.interval(a, a + dim));
        SDVariable qa = sd.nn().relu(Affine.of(sd, params.get(W2), params.get(B2)).apply(
                sd.concat(1, userA, songA)), 0);                                                        // 4.25
        SDVariable logits = attention == Attention.METRIC
                ? metricDistances(sd, qa, contextA, params.get(ATTENTION_METRIC))                      // 4.26
                : contextA.mul(sd.expandDims(qa, 1)).sum(2).neg();              // softmax(dot) = softmin(−dot), A-35
        SDVariable alpha = MaskedSoftmin.weights(sd, logits, in.contextMask());                         // 4.27
        SDVariable bias = songs.get(SDIndex.all(), SDIndex.point(width - 1));                          // b[k], [n]
        SDVariable distance = alpha.mul(dist).sum(1).add(bias);                                         // 4.22
        return new Forward(distance, alpha, dist);
    }

    /** @return {@code Σ_q (B[q] (query[q] − rows_t[q]))²} per slot t, {@code [n, l]} */
    private static SDVariable metricDistances(SameDiff sd, SDVariable query, SDVariable rows, SDVariable metric) {
        return sd.squaredNorm(sd.expandDims(query, 1).sub(rows).mul(metric), false, 2);
    }

    /** @return {@code −D_MASS}, {@code [n]} (Eq. 4.28, MODELS.md §0.2) */
    @Override
    public SDVariable score(SameDiff sd, ParameterView params, ScoreInputs in) {
        return forward(sd, params, in).distance().neg();
    }

    /**
     * {@code λ · (batch mean over triples of the squared rows of u in U (and U_a), of k+ and k− in S (and S_a)
     * and their song biases b[k]², + ||W1||² + ||W2||² + ||B3||² (+ ||B4||²))}; the linear-layer biases b1, b2 are
     * not penalised (as in SDM), nor the member rows (as SDM's context rows).
     */
    @Override
    public SDVariable penalty(SameDiff sd, ParameterView params, TrainingInputs in) {
        SDVariable rows = BatchRows.squaredNorms(sd, params.get(USER_MEMORY), params.get(SONG_MEMORY), in);
        SDVariable dense = null;
        for (String w : denseWeights()) {
            SDVariable x = sd.squaredNorm(params.get(w));
            dense = dense == null ? x : dense.add(x);
        }
        return rows.mean().add(dense).mul(lambda);
    }

    /** @return the weight tensors the penalty takes whole: W1, W2, B3 and (metric attention) B4 */
    List<String> denseWeights() {
        return attention == Attention.METRIC ? List.of(W1, W2, METRIC, ATTENTION_METRIC) : List.of(W1, W2, METRIC);
    }

    /** @return the width of a user row: U, or U and U_a */
    int userWidth() {
        return memory == Memory.EXTERNAL ? 2 * dim : dim;
    }

    /** @return the width of a song row: S (and S_a) and the bias */
    int songWidth() {
        return userWidth() + 1;
    }

    /** @return the first column of the attention's embeddings in both tables: d (external) or 0 (shared, A-34) */
    int attentionOffset() {
        return memory == Memory.EXTERNAL ? dim : 0;
    }

    private SDVariable columns(SDVariable rows, int from) {
        return rows.get(SDIndex.all(), SDIndex.interval(from, from + dim));
    }

    /**
     * @return the hand-written forward pass and gradient of {@link #score}, with {@link #penalty}'s terms
     */
    @Override
    public ScoreKernel kernel() {
        return new MassKernel(dim, attention == Attention.METRIC, attentionOffset(), lambda, denseWeights());
    }
}
