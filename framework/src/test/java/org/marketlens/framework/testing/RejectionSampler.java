package org.marketlens.framework.testing;

import java.util.SplittableRandom;
import org.marketlens.api.data.InteractionData;
import org.marketlens.api.train.NegativeSampler;

/**
 * A uniform negative sampler for model tests that must not depend on the {@code sampler-uniform} bundle: draws until
 * an item outside the user's training positives comes up.
 */
public final class RejectionSampler implements NegativeSampler {
    @Override
    public void sample(InteractionData train, int[] users, int[] positives, int[] negatives, SplittableRandom random) {
        for (int b = 0; b < users.length; b++) {
            int j;
            do {
                j = random.nextInt(train.numItems());
            } while (train.contains(users[b], j));
            negatives[b] = j;
        }
    }
}
