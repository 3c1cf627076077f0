package org.marketlens.api.train;

import java.util.SplittableRandom;
import org.marketlens.api.data.InteractionData;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Draws negative items for (user, positive) training pairs; registered with {@code marketlens.name}
 * (e.g. {@code uniform}). A negative is never an item among the user's training positives.
 */
@ConsumerType
public interface NegativeSampler {
    /**
     * @param train     training interactions
     * @param users     user of each pair
     * @param positives positive item of each pair
     * @param negatives output: one negative per pair, same length as {@code users}
     * @param random    the caller's random stream
     */
    void sample(InteractionData train, int[] users, int[] positives, int[] negatives, SplittableRandom random);
}
