package org.marketlens.model.item2vec;

import java.util.Arrays;
import org.marketlens.api.data.InteractionData;

/** The "sentences" of Item2Vec: each user's liked items (MODELS.md §2.2: rating ≥ threshold, or all when implicit). */
final class LikedSets {
    private LikedSets() {
    }

    static int[][] of(InteractionData train, double threshold) {
        int[][] out = new int[train.numUsers()][];
        for (int u = 0; u < out.length; u++) {
            int[] buffer = new int[train.countOf(u)];
            int size = 0;
            for (int k = train.userStart(u); k < train.userEnd(u); k++) {
                float r = train.rating(k);
                if (!train.hasRatings() || Float.isNaN(r) || r >= threshold) {
                    buffer[size++] = train.item(k);
                }
            }
            out[u] = Arrays.copyOf(buffer, size);
        }
        return out;
    }
}
