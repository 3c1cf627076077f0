package org.marketlens.api.rec;

import java.io.IOException;
import java.io.OutputStream;
import org.osgi.annotation.versioning.ConsumerType;

/** A trained model. Implementations are immutable and safe to call from several threads. */
@ConsumerType
public interface Recommender {
    /** @return number of items the model can score */
    int numItems();

    /**
     * Scores candidate items for one query.
     *
     * @param query the query
     * @param items candidate item indices
     * @return one score per candidate, higher = more relevant
     */
    float[] score(Query query, int[] items);

    /** @return scores of every item {@code 0..numItems()-1} for the query */
    default float[] scoreAll(Query query) {
        int[] all = new int[numItems()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        return score(query, all);
    }

    /**
     * Writes the model so that {@link ModelProvider#load} of the same provider restores it and scores identically.
     *
     * @param out destination, not closed
     * @throws IOException on write failure
     */
    void save(OutputStream out) throws IOException;
}
