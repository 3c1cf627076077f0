package org.marketlens.model.rme.bench;

import org.marketlens.framework.cooccurrence.SparseRows;

/**
 * An outside implicit-feedback ALS (Hu et al., the WMF of Eq. 4.1) that {@link AlsSpeedBenchmark} times beside ours
 * on the same data. Implementations live in source folders compiled only by an opt-in Maven profile, so the default
 * build never downloads them; the benchmark finds them by class name.
 */
public interface ImplicitAlsBaseline {
    /** @return name and version for the report */
    String name();

    /**
     * @param liked      the liked matrix M [m, n] (every cell a positive observation)
     * @param k          rank
     * @param iterations timed iterations
     * @param lambda     L2 weight
     * @param alpha      confidence of a liked cell is {@code 1 + alpha} (our φ with l = 1)
     * @param threads    workers
     * @return seconds per iteration, measured as the time of {@code 1 + iterations} iterations minus the time of 1
     *         iteration, divided by {@code iterations}, so that input preparation is not counted
     */
    double secondsPerIteration(SparseRows liked, int k, int iterations, double lambda, double alpha, int threads);
}
