package org.marketlens.framework.preprocess;

import org.marketlens.api.data.InteractionData;
import org.marketlens.framework.data.Interactions;

/**
 * Liked and disliked interactions of explicit data (MODELS.md §2.2): liked iff rating ≥ {@code like}, disliked iff
 * rating ≤ {@code dislike}; ratings strictly between (3, and the half stars 2.5 and 3.5 of MovieLens-10M/20M with
 * the defaults 4 and 2) are neither. Interactions without a rating (implicit data) are liked.
 *
 * @param like    lowest liked rating (4 in the dissertation)
 * @param dislike highest disliked rating (2 in the dissertation), or NaN for "no dislikes"
 */
public record RatingThresholds(double like, double dislike) {
    public RatingThresholds {
        if (Double.isNaN(like)) {
            throw new IllegalArgumentException("the like threshold must be a number");
        }
        if (!Double.isNaN(dislike) && dislike >= like) {
            throw new IllegalArgumentException("dislike threshold " + dislike + " must be below like threshold " + like);
        }
    }

    /** @return true when interaction {@code k} of {@code data} is liked */
    public boolean liked(InteractionData data, int k) {
        float r = data.rating(k);
        return Float.isNaN(r) || r >= like;
    }

    /** @return true when interaction {@code k} of {@code data} is disliked */
    public boolean disliked(InteractionData data, int k) {
        float r = data.rating(k);
        return !Float.isNaN(r) && !Double.isNaN(dislike) && r <= dislike;
    }

    /** @return the liked interactions only */
    public Interactions liked(InteractionData data) {
        return Interactions.subset(data, k -> liked(data, k));
    }

    /** @return the disliked interactions only */
    public Interactions disliked(InteractionData data) {
        return Interactions.subset(data, k -> disliked(data, k));
    }

    /** @return liked and disliked interactions (neutral ones dropped), ratings kept so that the two stay apart */
    public Interactions likedOrDisliked(InteractionData data) {
        return Interactions.subset(data, k -> liked(data, k) || disliked(data, k));
    }
}
