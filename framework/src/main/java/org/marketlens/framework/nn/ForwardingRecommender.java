package org.marketlens.framework.nn;

import java.io.IOException;
import java.io.OutputStream;
import org.marketlens.api.rec.Query;
import org.marketlens.api.rec.Recommender;

/**
 * A {@link Recommender} that scores and saves through another: the base of serving types that add a capability to a
 * served model (final-layer vectors, {@link FinalLayerRecommender}; attention weights, {@link ContextAttentionExport})
 * without changing its scores or snapshots.
 */
public abstract class ForwardingRecommender implements Recommender {
    private final Recommender serving;

    /** @param serving the recommender that scores and saves */
    protected ForwardingRecommender(Recommender serving) {
        this.serving = serving;
    }

    @Override
    public int numItems() {
        return serving.numItems();
    }

    @Override
    public float[] score(Query query, int[] items) {
        return serving.score(query, items);
    }

    @Override
    public void save(OutputStream out) throws IOException {
        serving.save(out);
    }
}
