package org.marketlens.api.train;

import java.util.SplittableRandom;
import java.util.function.IntFunction;
import org.marketlens.api.data.InteractionData;
import org.marketlens.api.rec.Recommender;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Infers disliked items of implicit-feedback users from a current model: the E-step of the user-oriented EM-like
 * negative sampling of RME (Algorithm 2, MODELS.md §2.8, Eq. 4.9; ). Registered with
 * {@code marketlens.name} (e.g. {@code em}). Observed training items are never drawn.
 *
 * @since 0.1.0 (added with the RME family)
 */
@ConsumerType
public interface DislikeSampler {
    /**
     * @param train  training interactions (every one is an observed, liked item)
     * @param model  the current model; its scores drive the prior
     * @param ratio  τ: a user with c training items gets floor(τ·c) draws
     * @param random the caller's random stream
     * @return for every user the distinct drawn items, ascending
     */
    int[][] sample(InteractionData train, Recommender model, double ratio, SplittableRandom random);

    /**
     * As {@link #sample(InteractionData, Recommender, double, SplittableRandom)}, never returning the items
     * {@code excluded} gives for a user (its validation items, MODELS.md A-25d). The default drops them from the
     * plain draws; an implementation should rather give them probability 0 so that no draw is lost.
     *
     * @param excluded per user index, further items that must not be drawn
     * @since 0.2.0
     */
    default int[][] sample(InteractionData train, Recommender model, double ratio, SplittableRandom random,
                           IntFunction<int[]> excluded) {
        int[][] drawn = sample(train, model, ratio, random);
        for (int u = 0; u < drawn.length; u++) {
            java.util.Set<Integer> out = new java.util.HashSet<>();
            for (int i : excluded.apply(u)) {
                out.add(i);
            }
            drawn[u] = java.util.Arrays.stream(drawn[u]).filter(i -> !out.contains(i)).toArray();
        }
        return drawn;
    }
}
