package org.marketlens.framework.train;

import java.util.Arrays;
import org.marketlens.api.data.InteractionData;

/**
 * Fixed-length, padded and masked context windows of {@code s} items (MODELS.md §0.4, §4.1, A-39, A-40).
 * <ul>
 * <li>General task (data without groups): the context of training interaction {@code k} is the {@code s} latest
 * training items of its user strictly before {@code k} in stored (chronological, or file) order.</li>
 * <li>Basket task (data with groups): the other training items of the same user and group, in stored order, the
 * first {@code s} of them.</li>
 * <li>At inference ({@link #fillQuery}): the {@code s} latest items of a query's context (oldest first).</li>
 * </ul>
 * A window is written oldest first into {@code s} slots from the left; unused slots hold item 0 with mask 0.
 */
public final class ContextWindows {
    private final int size;

    /** @param size the number {@code s} of context slots, at least 1 */
    public ContextWindows(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("context size must be >= 1, got " + size);
        }
        this.size = size;
    }

    /** @return the number of slots {@code s} */
    public int size() {
        return size;
    }

    /**
     * Writes the context of one training interaction into row {@code row} of {@code [rows, s]} row-major arrays.
     *
     * @param train   training data
     * @param user    the interaction's user
     * @param k       the interaction's offset
     * @param context item slots, {@code rows * s}
     * @param mask    mask slots, {@code rows * s}
     * @param row     the row to write
     * @return the number of real (unmasked) items written
     */
    public int fillTraining(InteractionData train, int user, int k, int[] context, float[] mask, int row) {
        int at = row * size;
        Arrays.fill(context, at, at + size, 0);
        Arrays.fill(mask, at, at + size, 0f);
        int n = 0;
        if (train.hasGroups() && train.group(k) != InteractionData.NO_GROUP) {
            int group = train.group(k);
            for (int j = train.userStart(user); j < train.userEnd(user) && n < size; j++) {
                if (j != k && train.group(j) == group) {
                    context[at + n] = train.item(j);
                    mask[at + n++] = 1f;
                }
            }
            return n;
        }
        int from = Math.max(train.userStart(user), k - size);
        for (int j = from; j < k; j++) {
            context[at + n] = train.item(j);
            mask[at + n++] = 1f;
        }
        return n;
    }

    /**
     * Writes the {@code s} latest items of a query context into row {@code row}.
     *
     * @param queryContext items, oldest first
     * @param context      item slots
     * @param mask         mask slots
     * @param row          the row to write
     * @return the number of real items written
     */
    public int fillQuery(int[] queryContext, int[] context, float[] mask, int row) {
        int at = row * size;
        Arrays.fill(context, at, at + size, 0);
        Arrays.fill(mask, at, at + size, 0f);
        int from = Math.max(0, queryContext.length - size);
        int n = 0;
        for (int j = from; j < queryContext.length; j++) {
            context[at + n] = queryContext[j];
            mask[at + n++] = 1f;
        }
        return n;
    }

    /**
     * @param train training data
     * @return the offsets of the interactions whose context is not empty, ascending: SDM-style models train only
     *         on those (MODELS.md A-39)
     */
    public int[] instancesWithContext(InteractionData train) {
        int[] scratch = new int[size];
        float[] mask = new float[size];
        int[] out = new int[train.size()];
        int n = 0;
        for (int u = 0; u < train.numUsers(); u++) {
            for (int k = train.userStart(u); k < train.userEnd(u); k++) {
                if (fillTraining(train, u, k, scratch, mask, 0) > 0) {
                    out[n++] = k;
                }
            }
        }
        return Arrays.copyOf(out, n);
    }
}
