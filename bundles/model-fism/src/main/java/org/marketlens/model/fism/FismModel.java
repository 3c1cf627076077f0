package org.marketlens.model.fism;

import java.util.List;
import org.marketlens.api.nn.ParameterSpec;
import org.marketlens.api.nn.ParameterView;
import org.marketlens.api.nn.ScoreInputs;
import org.marketlens.api.nn.TrainingInputs;
import org.marketlens.framework.nn.kernel.KernelModel;
import org.marketlens.framework.nn.kernel.ScoreKernel;
import org.marketlens.framework.nn.layers.RowLookup;
import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * FISM (Kabbur, Ning and Karypis, KDD 2013), the item-neighbourhood baseline of Chapter 4.3 (MODELS.md §3.11:
 * "candidate vs member songs by dot products"; dissertation §4.3.4, L4013–L4017, L4051–L4056). With two item tables,
 * P for members and Q for candidates, and an item bias b:
 * <pre>
 * score(k | T) = b_k + |T'|^(−α) Σ_{t ∈ T'} p_t · q_k,      T' = { t ∈ T valid : t ≠ k }
 * </pre>
 * where T is the row's member list: in training the other training songs of the same playlist (the basket-task
 * context of {@link org.marketlens.framework.train.ContextWindows}, MODELS.md A-31: the target is not a member of
 * its own list, for the positive and its negatives alike), at inference the playlist's training songs. The
 * dissertation trains every Chapter 4.3 baseline with BPR "for a fair comparison", so this is FISMauc's score with
 * the experiment's generic pairwise loss (BPR, APR) instead of FISM's own objectives.
 * <p>
 * Decisions (none is fixed by the dissertation, which names FISM and its idea only):
 * <ul>
 * <li>{@code t ≠ k} is enforced in the score itself, as in FISM (an item never supports itself); so a candidate
 * that is also a member is scored from the other members. |T'| counts the valid members other than k, and α ∈ [0, 1]
 * is FISM's agreement exponent (0: sum, 1: mean, default 0.5).</li>
 * <li>An empty T' gives {@code score = b_k}: the count is clamped to at least 1 before the power, and the masked sum
 * is then the zero vector, so there is no division by zero (MODELS.md §0.4: padding gets weight exactly 0).</li>
 * <li>The user index is not used: FISM measures P(s | p, s_1..s_l) from member songs only (the dissertation reports
 * the better of the user/playlist variants; both reduce to the same member list in the basket task).</li>
 * <li>Storage: {@code q_k} and {@code b_k} are one row {@code [q_k | b_k]} of the candidate table, so the candidate
 * index is gathered once per score (ND4J 1.0.0-M1.1 fails on two gathers of one index input); both are initialised
 * N(0, 0.01²) like P.</li>
 * <li>Penalty (A-6, the rows the batch uses): {@code λ · mean over triples of (||[q|b]_{i+}||² + ||[q|b]_{i−}||² +
 * Σ_{t valid} ||p_t||²)}, i.e. FISM's β‖P‖² + β‖Q‖² + λ‖b‖² restricted to the batch with one weight.</li>
 * </ul>
 * The padded slots of the context never contribute, whatever item they hold. This graph is the definition;
 * {@link FismKernel} computes the same score, gradient and penalty on float arrays, the trainer's and the
 * recommender's fast path ({@code -Dmarketlens.kernels=false} keeps the graph): on the AOTM subset the graph
 * allocates and sums full {@code [270,124, d]} gradient tables per gather and step.
 */
final class FismModel implements KernelModel {
    /** Member table P {@code [N, d]}. */
    static final String MEMBERS = "member_embedding";
    /** Candidate table {@code [N, d + 1]}: columns {@code [0, d)} are Q, column {@code d} the item bias b. */
    static final String CANDIDATES = "candidate_embedding";

    private final int numItems;
    private final int dim;
    private final int contextSize;
    private final double alpha;
    private final double lambda;

    FismModel(int numItems, int dim, int contextSize, double alpha, double lambda) {
        if (dim < 1 || contextSize < 1) {
            throw new IllegalArgumentException("FISM needs dim and contextSize >= 1, got " + dim + ", " + contextSize);
        }
        if (!(alpha >= 0 && alpha <= 1)) {
            throw new IllegalArgumentException("FISM needs alpha in [0, 1], got " + alpha);
        }
        if (!(lambda >= 0)) {
            throw new IllegalArgumentException("FISM needs lambda >= 0, got " + lambda);
        }
        this.numItems = numItems;
        this.dim = dim;
        this.contextSize = contextSize;
        this.alpha = alpha;
        this.lambda = lambda;
    }

    @Override
    public int contextSize() {
        return contextSize;
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(ParameterSpec.embedding(MEMBERS, numItems, dim, 0.01),
                ParameterSpec.embedding(CANDIDATES, numItems, dim + 1L, 0.01));
    }

    /** @return {@code b_k + |T'|^(−α) Σ_{t ∈ T'} p_t · q_k}, {@code [batch]} */
    @Override
    public SDVariable score(SameDiff sd, ParameterView params, ScoreInputs in) {
        if (in.context() == null || in.contextMask() == null) {
            throw new IllegalArgumentException("FISM scores need the member songs and their mask");
        }
        SDVariable candidate = RowLookup.rows(sd, params.get(CANDIDATES), in.items());            // [b, d + 1]
        SDVariable q = candidate.get(SDIndex.all(), SDIndex.interval(0, dim));                     // [b, d]
        SDVariable bias = candidate.get(SDIndex.all(), SDIndex.interval(dim, dim + 1)).reshape(-1); // [b]
        // Gather on flat indices: the gather gradient of ND4J 1.0.0-M1.1 fails for 2-d index arrays.
        SDVariable members = RowLookup.rows(sd, params.get(MEMBERS), in.context().reshape(-1))
                .reshape(-1, contextSize, dim);                                                    // [b, s, d]
        DataType type = candidate.dataType();
        SDVariable valid = in.contextMask().dataType() == type ? in.contextMask() : in.contextMask().castTo(type);
        SDVariable notSelf = in.context().neq(sd.expandDims(in.items(), 1)).castTo(type);          // t ≠ k
        SDVariable weights = valid.mul(notSelf);                                                   // [b, s]
        SDVariable pooled = members.mul(sd.expandDims(weights, 2)).sum(1);                         // Σ_{T'} p_t
        SDVariable scale = sd.scalarMax(weights.sum(1), 1.0).pow(-alpha);                          // max(|T'|, 1)^−α
        return bias.add(pooled.mul(q).sum(1).mul(scale));
    }

    /** λ · batch mean of {@code ||[q|b]_{i+}||² + ||[q|b]_{i−}||² + Σ_{t valid} ||p_t||²}. */
    @Override
    public SDVariable penalty(SameDiff sd, ParameterView params, TrainingInputs in) {
        SDVariable table = params.get(CANDIDATES);
        SDVariable candidates = sd.squaredNorm(RowLookup.rows(sd, table, in.positives()), false, 1)
                .add(sd.squaredNorm(RowLookup.rows(sd, table, in.negatives()), false, 1));
        SDVariable members = sd.squaredNorm(RowLookup.rows(sd, params.get(MEMBERS), in.context().reshape(-1)),
                false, 1).reshape(-1, contextSize);                                                // [b, s]
        SDVariable valid = in.contextMask().dataType() == members.dataType() ? in.contextMask()
                : in.contextMask().castTo(members.dataType());
        return candidates.add(members.mul(valid).sum(1)).mean().mul(lambda);
    }

    /** @return the hand-written score and gradient ({@link FismKernel}), equal to {@link #score} and {@link #penalty} */
    @Override
    public ScoreKernel kernel() {
        return new FismKernel(dim, alpha, lambda);
    }
}
