package org.marketlens.framework.train;

import java.util.SplittableRandom;

/**
 * The one documented function that derives every run's seed from the experiment seed, so that random streams
 * are split, never shared: {@code seed(experiment, label, fold)} = a SplittableRandom seeded with the experiment
 * seed mixed with the label's hash and the fold.
 */
public final class Seeds {
    private Seeds() {
    }

    /**
     * @param experimentSeed the experiment's seed
     * @param label          the model's label in the experiment
     * @param fold           repetition or fold number
     * @return the seed for that run
     */
    public static long derive(long experimentSeed, String label, int fold) {
        long mixed = experimentSeed * 0x9E3779B97F4A7C15L + label.hashCode() * 31L + fold;
        return new SplittableRandom(mixed).nextLong();
    }
}
