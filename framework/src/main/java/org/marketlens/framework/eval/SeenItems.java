package org.marketlens.framework.eval;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.marketlens.api.data.EvalCase;
import org.marketlens.api.data.IdMap;
import org.marketlens.api.data.InteractionData;

/**
 * The training data seen through the eyes of a full-ranking protocol: {@link #contains} is true for the user's
 * training items and for every item in the context of the user's evaluation cases. Passing this view as the
 * {@code train} argument of {@link RankingEvaluation#evaluate} excludes from the candidates both the training items
 * and the items the case reports as already known, which is how test ranking skips validation items
 * (MODELS.md §2.11: "exclude the user's training items (and validation items when testing)"). Every other method
 * delegates to the training data, so models still see exactly what they were trained on.
 */
public final class SeenItems implements InteractionData {
    private final InteractionData train;
    /** Per user, sorted distinct context items of its cases, or null when it has none. */
    private final int[][] extra;

    /**
     * @param train the training data
     * @param cases the evaluation cases whose contexts add to the excluded items
     */
    public SeenItems(InteractionData train, List<EvalCase> cases) {
        this(train, cases, EvalCase::context);
    }

    private SeenItems(InteractionData train, List<EvalCase> cases, Function<EvalCase, int[]> known) {
        this.train = train;
        this.extra = new int[train.numUsers()][];
        for (EvalCase c : cases) {
            int[] items = known.apply(c);
            if (items.length == 0) {
                continue;
            }
            int[] before = extra[c.user()] == null ? new int[0] : extra[c.user()];
            int[] merged = Arrays.copyOf(before, before.length + items.length);
            System.arraycopy(items, 0, merged, before.length, items.length);
            extra[c.user()] = Arrays.stream(merged).sorted().distinct().toArray();
        }
    }

    /**
     * The training data plus the positives of earlier held-out cases: ranking test cases against it skips each
     * user's validation items, which the user is known to have (MODELS.md §2.11).
     *
     * @param train   the training data
     * @param heldOut held-out cases (typically the validation split) whose positives are excluded from candidates
     * @return the view
     */
    public static SeenItems withPositivesOf(InteractionData train, List<EvalCase> heldOut) {
        return new SeenItems(train, heldOut, EvalCase::positives);
    }

    @Override
    public boolean contains(int user, int item) {
        return train.contains(user, item) || (extra[user] != null && Arrays.binarySearch(extra[user], item) >= 0);
    }

    @Override
    public int numUsers() {
        return train.numUsers();
    }

    @Override
    public int numItems() {
        return train.numItems();
    }

    @Override
    public int size() {
        return train.size();
    }

    @Override
    public IdMap users() {
        return train.users();
    }

    @Override
    public IdMap items() {
        return train.items();
    }

    @Override
    public int userStart(int user) {
        return train.userStart(user);
    }

    @Override
    public int userEnd(int user) {
        return train.userEnd(user);
    }

    @Override
    public int item(int k) {
        return train.item(k);
    }

    @Override
    public float rating(int k) {
        return train.rating(k);
    }

    @Override
    public long timestamp(int k) {
        return train.timestamp(k);
    }

    @Override
    public int group(int k) {
        return train.group(k);
    }

    @Override
    public boolean hasRatings() {
        return train.hasRatings();
    }

    @Override
    public boolean hasTimestamps() {
        return train.hasTimestamps();
    }

    @Override
    public boolean hasGroups() {
        return train.hasGroups();
    }
}
