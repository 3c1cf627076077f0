package org.marketlens.sampler.em;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import org.marketlens.api.data.InteractionData;
import org.marketlens.api.rec.PluginProperties;
import org.marketlens.api.rec.Query;
import org.marketlens.api.rec.Recommender;
import org.marketlens.api.train.DislikeSampler;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * E-step of Algorithm 2 (MODELS.md §2.8): for every user, {@code floor(τ·count(u))} i.i.d. draws with replacement
 * from the softmax prior {@code Pr_u(i) ∝ exp(−r_u[i] / T)} of Eq. 4.9 over the items the user has not observed
 * (observed items have r = +∞, probability 0); the distinct draws are the user's disliked items (A-25c). Computed
 * with the maximum subtracted; temperature T defaults to 1, i.e. Eq. 4.9 exactly.
 */
@Component(property = {PluginProperties.NAME + "=" + EmDislikeSampler.NAME})
@Designate(ocd = EmDislikeSampler.Config.class)
public final class EmDislikeSampler implements DislikeSampler {
    static final String NAME = "em";
    private double temperature = 1.0;

    /** Configuration. */
    @ObjectClassDefinition(name = "EM dislike sampler")
    public @interface Config {
        @AttributeDefinition(description = "softmax temperature of Eq. 4.9 (A-26: 1 = as printed)")
        double temperature() default 1.0;
    }

    /** Creates the sampler with temperature 1. */
    public EmDislikeSampler() {
    }

    @Activate
    void activate(Config config) {
        if (!(config.temperature() > 0)) {
            throw new IllegalArgumentException("temperature must be > 0, got " + config.temperature());
        }
        this.temperature = config.temperature();
    }

    @Override
    public int[][] sample(InteractionData train, Recommender model, double ratio, SplittableRandom random) {
        return sample(train, model, ratio, random, user -> new int[0]);
    }

    /** Validation items get probability 0 like observed ones (A-25d). */
    @Override
    public int[][] sample(InteractionData train, Recommender model, double ratio, SplittableRandom random,
                          IntFunction<int[]> excluded) {
        if (!(ratio >= 0)) {
            throw new IllegalArgumentException("ratio τ must be >= 0, got " + ratio);
        }
        int[][] out = new int[train.numUsers()][];
        for (int u = 0; u < out.length; u++) {
            int draws = (int) Math.floor(ratio * train.countOf(u));
            out[u] = draws == 0 ? new int[0]
                    : SoftmaxPrior.draw(model.scoreAll(Query.of(u)), known(train.itemsOf(u), excluded.apply(u)), draws,
                            temperature, random);
        }
        return out;
    }

    private static int[] known(int[] observed, int[] excluded) {
        if (excluded.length == 0) {
            return observed;
        }
        int[] all = Arrays.copyOf(observed, observed.length + excluded.length);
        System.arraycopy(excluded, 0, all, observed.length, excluded.length);
        return all;
    }

    /** Eq. 4.9 on one user's scores. */
    static final class SoftmaxPrior {
        private SoftmaxPrior() {
        }

        /**
         * @param scores   predicted scores r_u of every item
         * @param observed items with probability 0
         * @param draws    number of draws with replacement
         * @return distinct drawn items, ascending
         */
        static int[] draw(float[] scores, int[] observed, int draws, double temperature, SplittableRandom random) {
            double[] weight = new double[scores.length];
            boolean[] blocked = new boolean[scores.length];
            for (int i : observed) {
                blocked[i] = true;
            }
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < scores.length; i++) {
                if (!blocked[i]) {
                    max = Math.max(max, -scores[i] / temperature);
                }
            }
            if (max == Double.NEGATIVE_INFINITY) {
                return new int[0];
            }
            double[] cumulative = new double[scores.length];
            double total = 0;
            for (int i = 0; i < scores.length; i++) {
                weight[i] = blocked[i] ? 0 : Math.exp(-scores[i] / temperature - max);
                total += weight[i];
                cumulative[i] = total;
            }
            boolean[] chosen = new boolean[scores.length];
            int distinct = 0;
            for (int d = 0; d < draws; d++) {
                double target = random.nextDouble() * total;
                int at = Arrays.binarySearch(cumulative, target);
                int item = at >= 0 ? at : -at - 1;
                // Skip zero-weight slots that share the cumulative value (observed items).
                while (item < scores.length - 1 && weight[item] == 0) {
                    item++;
                }
                if (!chosen[item]) {
                    chosen[item] = true;
                    distinct++;
                }
            }
            int[] out = new int[distinct];
            int c = 0;
            for (int i = 0; i < scores.length; i++) {
                if (chosen[i]) {
                    out[c++] = i;
                }
            }
            return out;
        }
    }
}
