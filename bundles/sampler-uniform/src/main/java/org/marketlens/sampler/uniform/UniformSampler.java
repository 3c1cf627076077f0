package org.marketlens.sampler.uniform;

import java.util.SplittableRandom;
import org.marketlens.api.data.InteractionData;
import org.marketlens.api.rec.PluginProperties;
import org.marketlens.api.train.NegativeSampler;
import org.osgi.service.component.annotations.Component;

/**
 * Uniform negative sampling (MODELS.md §3.7, §4.6, §4.8: "a negative (unconsumed) item sampled uniformly"): each
 * negative is uniform over the items that are not among the user's training positives, never over validation or test
 * knowledge. Draws are rejection samples, see {@link UnobservedItemDraw}.
 */
@Component(property = PluginProperties.NAME + "=" + UniformSampler.NAME)
public final class UniformSampler implements NegativeSampler {
    static final String NAME = "uniform";

    @Override
    public void sample(InteractionData train, int[] users, int[] positives, int[] negatives, SplittableRandom random) {
        if (users.length != positives.length || users.length != negatives.length) {
            throw new IllegalArgumentException("users, positives and negatives must have the same length, got "
                    + users.length + ", " + positives.length + ", " + negatives.length);
        }
        UnobservedItemDraw draw = new UnobservedItemDraw(train);
        for (int p = 0; p < users.length; p++) {
            negatives[p] = draw.next(users[p], random);
        }
    }
}
