package org.marketlens.api.eval;

import org.osgi.annotation.versioning.ConsumerType;

/** A ranking metric at one cut-off, e.g. {@code HIT@10}. */
@ConsumerType
public interface Metric {
    /** @return the name shown in tables, e.g. {@code NDCG@10} */
    String name();

    /**
     * @param ranks     0-based ranks of the relevant candidates, ascending
     * @param relevant  number of relevant items of the case (may exceed {@code ranks.length} when some were
     *                  not ranked)
     * @return the metric value of one case
     */
    double value(int[] ranks, int relevant);
}
