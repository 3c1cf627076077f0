package org.marketlens.framework.als;

import java.util.ArrayList;
import java.util.List;
import org.marketlens.api.data.InteractionData;
import org.marketlens.api.rec.HyperParameter;
import org.marketlens.framework.cooccurrence.CooccurrenceCounts;
import org.marketlens.framework.cooccurrence.SparseRows;
import org.marketlens.framework.cooccurrence.Sppmi;
import org.marketlens.framework.train.HyperParameterValues;

/**
 * What WMF, Cofactor and the RME variants share besides the solver: their hyper-parameters with the defaults of
 * MODELS.md §2.11 and §6.3, the liked/disliked matrices of §2.2 and the SPPMI inputs of §2.4.
 */
public final class AlsRecipe {
    /** Above this many generated user pairs the user matrix is capped by default (A-19: "> 10⁸ non-zeros"). */
    public static final long AUTO_CAP_PAIRS = 100_000_000L;

    private AlsRecipe() {
    }

    /**
     * @param cooccurrence whether the model has the co-liked SPPMI term (Cofactor and the RME family)
     * @return the declared hyper-parameters (the RME variants add {@link #userAndDislikeHyperParameters()})
     */
    public static List<HyperParameter> hyperParameters(boolean cooccurrence) {
        List<HyperParameter> out = new ArrayList<>(List.of(
                new HyperParameter("k", 40, "latent dimension (§2.11 grid 30..100; k = 40 in the ML sensitivity runs)"),
                new HyperParameter("lambda", 1.0, "L2 weight λ (§2.11 grid 0.001..10; ML-10M used λ = 1)"),
                new HyperParameter("l", 1.0, "WMF weight of unobserved cells (A-21)"),
                new HyperParameter("phi", 9.0, "WMF confidence boost, liked weight l(1+φ) (A-21)"),
                new HyperParameter("like_threshold", 4.0, "rating >= this is liked (§2.2); data without ratings: all liked"),
                new HyperParameter("threads", Runtime.getRuntime().availableProcessors(), "solver workers")));
        if (cooccurrence) {
            out.addAll(List.of(
                    new HyperParameter("lambda_context", 0.0, "λ2 for γ, δ, θ in the dynamic setting; 0 = same as lambda (§2.5)"),
                    new HyperParameter("w", 1.0, "weight of every SPPMI cell (A-22)"),
                    new HyperParameter("shift", 1.0, "SPPMI shift s (A-20)"),
                    new HyperParameter("item_pair_cap", 0, "cap of liked/disliked items per user for pairs, 0 = none (A-19)")));
        }
        return out;
    }

    /**
     * @return what only models with user co-occurrence or disliked items (the RME variants) add to
     *         {@link #hyperParameters}{@code (true)}: the user-pair cap and the dislike threshold (§2.2)
     */
    public static List<HyperParameter> userAndDislikeHyperParameters() {
        return List.of(
                new HyperParameter("user_pair_cap", -1,
                        "cap of likers per item for user pairs: 0 = none, -1 = 100 only when MMᵀ would exceed 10⁸ pairs (A-19)"),
                new HyperParameter("dislike_threshold", 2.0, "rating <= this is disliked (§2.2)"));
    }

    /** @return solver settings from resolved values */
    public static AlsSettings settings(HyperParameterValues v, boolean cooccurrence, long seed) {
        double lambda = v.doubleValue("lambda");
        double context = cooccurrence && v.doubleValue("lambda_context") > 0 ? v.doubleValue("lambda_context") : lambda;
        double w = cooccurrence ? v.doubleValue("w") : 0;
        return new AlsSettings(v.intValue("k"), lambda, context, v.doubleValue("l"), v.doubleValue("phi"), w, seed,
                Math.max(1, v.intValue("threads")));
    }

    /** @return M [m, n]: liked cells (rating ≥ threshold, or every interaction without ratings), §2.2 */
    public static SparseRows liked(InteractionData train, double threshold) {
        return select(train, true, threshold);
    }

    /** @return Dis [m, n]: explicitly disliked cells (rating ≤ threshold); empty without ratings, §2.2 */
    public static SparseRows disliked(InteractionData train, double threshold) {
        if (!train.hasRatings()) {
            return SparseRows.empty(train.numUsers(), train.numItems());
        }
        return select(train, false, threshold);
    }

    private static SparseRows select(InteractionData train, boolean likes, double threshold) {
        int[][] rows = new int[train.numUsers()][];
        for (int u = 0; u < rows.length; u++) {
            int[] buffer = new int[train.countOf(u)];
            int size = 0;
            for (int k = train.userStart(u); k < train.userEnd(u); k++) {
                float r = train.rating(k);
                boolean keep = !train.hasRatings() || Float.isNaN(r) ? likes : likes ? r >= threshold : r <= threshold;
                if (keep) {
                    buffer[size++] = train.item(k);
                }
            }
            rows[u] = java.util.Arrays.copyOf(buffer, size);
        }
        return SparseRows.ofSets(train.numItems(), rows);
    }

    /**
     * @param sets  group × member sets (M or Dis for item pairs, Mᵀ for user pairs)
     * @param shift SPPMI shift
     * @param cap   cap per group (0 = none; -1 = 100 when the pairs exceed {@link #AUTO_CAP_PAIRS})
     * @param seed  seed of the cap's subsets
     * @return the SPPMI matrix over members
     */
    public static SparseRows sppmi(SparseRows sets, double shift, int cap, long seed) {
        int used = cap >= 0 ? cap : CooccurrenceCounts.pairs(sets) > AUTO_CAP_PAIRS ? 100 : 0;
        return Sppmi.of(CooccurrenceCounts.of(sets, used, seed), shift);
    }
}
