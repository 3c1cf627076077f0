package org.marketlens.api.data;

/**
 * One held-out ranking case of a split.
 *
 * @param user      the user index
 * @param group     the group (playlist, basket) the case belongs to, or {@link InteractionData#NO_GROUP}
 * @param context   context items the model may condition on, oldest first (e.g. the user's training history
 *                  or the other items of a basket); never contains a positive
 * @param positives the held-out relevant items
 * @param negatives sampled irrelevant candidates ranked together with the positives, or {@code null} for
 *                  full ranking over every item the user has no training interaction with
 */
public record EvalCase(int user, int group, int[] context, int[] positives, int[] negatives) {
    public EvalCase {
        if (positives == null || positives.length == 0) {
            throw new IllegalArgumentException("an evaluation case needs at least one positive item");
        }
        if (context == null) {
            context = new int[0];
        }
    }

    /** @return true when this case ranks against sampled negatives rather than the whole catalogue */
    public boolean sampled() {
        return negatives != null;
    }
}
