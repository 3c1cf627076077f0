package org.marketlens.framework.nn.kernel;

/**
 * The rows one kernel call scores, the plain-array form of {@link org.marketlens.api.nn.ScoreInputs}: row {@code r}
 * scores item {@code items[r]} for user {@code users[r]}; models with a context size {@code s > 0} read the row's
 * context {@code context[r * s .. r * s + s)} (item indices, oldest first, padded with any valid index) and its mask
 * {@code mask[r * s .. r * s + s)} (1 = real item, 0 = padding, MODELS.md §0.4); models that use groups
 * ({@link org.marketlens.api.nn.DifferentiableModel#usesGroups()}) read the row's group (playlist) {@code groups[r]}.
 *
 * @param users       user index per row
 * @param items       item index per row
 * @param contextSize {@code s}, or 0 for models without context
 * @param context     {@code rows · s} context item indices, or {@code null} when {@code s = 0}
 * @param mask        {@code rows · s} mask values, or {@code null} when {@code s = 0}
 * @param groups      group index per row, or {@code null} for models that use no groups
 */
public record KernelBatch(int[] users, int[] items, int contextSize, int[] context, float[] mask, int[] groups) {
    public KernelBatch {
        if (users.length != items.length) {
            throw new IllegalArgumentException(users.length + " users but " + items.length + " items");
        }
        if (contextSize > 0 && (context == null || mask == null || context.length != users.length * contextSize
                || mask.length != context.length)) {
            throw new IllegalArgumentException("a context of size " + contextSize + " needs " + users.length
                    * contextSize + " context indices and mask values");
        }
        if (groups != null && groups.length != users.length) {
            throw new IllegalArgumentException(users.length + " users but " + groups.length + " groups");
        }
    }

    /** A batch without groups. */
    public KernelBatch(int[] users, int[] items, int contextSize, int[] context, float[] mask) {
        this(users, items, contextSize, context, mask, null);
    }

    /** A batch without context. */
    public KernelBatch(int[] users, int[] items) {
        this(users, items, 0, null, null);
    }

    /** @return the number of rows */
    public int rows() {
        return users.length;
    }
}
