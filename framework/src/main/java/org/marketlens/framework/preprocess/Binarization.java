package org.marketlens.framework.preprocess;

import org.marketlens.api.data.InteractionData;
import org.marketlens.framework.data.Interactions;
import org.marketlens.framework.data.InteractionsBuilder;

/** Binarisation (MODELS.md §4.8, §5.7): every observed interaction becomes a positive; ratings are dropped. */
public final class Binarization {
    private Binarization() {
    }

    /** @return the same interactions without ratings */
    public static Interactions dropRatings(InteractionData data) {
        InteractionsBuilder b = Interactions.builder(data.users(), data.items());
        for (int u = 0; u < data.numUsers(); u++) {
            for (int k = data.userStart(u); k < data.userEnd(u); k++) {
                b.add(u, data.item(k), InteractionData.NO_RATING, data.timestamp(k), data.group(k));
            }
        }
        return b.build();
    }
}
