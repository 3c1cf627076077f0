package org.marketlens.framework.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.marketlens.framework.train.Seeds;

/** Cross-validation folds: stratified by the binary label (MODELS.md §1.7 [ASSUMPTION]) or plain random. */
public final class Folds {
    private Folds() {
    }

    /**
     * @param labels 0/1 labels; each class is shuffled and dealt round-robin over the folds
     * @param k      number of folds
     * @param seed   seed
     * @return the fold of each row
     */
    public static int[] stratified(double[] labels, int k, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int[] fold = new int[labels.length];
        int next = 0;
        for (int cls = 0; cls <= 1; cls++) {
            List<Integer> rows = new ArrayList<>();
            for (int i = 0; i < labels.length; i++) {
                if ((labels[i] >= 0.5 ? 1 : 0) == cls) {
                    rows.add(i);
                }
            }
            shuffle(rows, rnd);
            for (int r : rows) {
                fold[r] = next;
                next = (next + 1) % k;
            }
        }
        return fold;
    }

    /**
     * Folds for repeated stratified k-fold cross-validation: repetition 1 is {@link #stratified}{@code (labels, k,
     * seed)}, so one repetition gives the plain protocol's folds; repetition r &gt; 1 shuffles again with the seed
     * {@link Seeds#derive}{@code (seed, "delivery-folds", r)}. Within a repetition the k test folds are disjoint,
     * cover every row and keep the class share.
     *
     * @param labels  0/1 labels
     * @param k       folds per repetition
     * @param repeats repetitions (at least 1)
     * @param seed    seed
     * @return {@code [repetition][row]} → fold
     */
    public static int[][] repeatedStratified(double[] labels, int k, int repeats, long seed) {
        if (repeats < 1) {
            throw new IllegalArgumentException("repeats must be at least 1, got " + repeats);
        }
        int[][] out = new int[repeats][];
        for (int r = 0; r < repeats; r++) {
            out[r] = stratified(labels, k, r == 0 ? seed : Seeds.derive(seed, "delivery-folds", r));
        }
        return out;
    }

    /** @return rows of fold {@code f} (test) or of every other fold (train) */
    public static int[] rows(int[] fold, int f, boolean test) {
        int n = 0;
        for (int x : fold) {
            if ((x == f) == test) {
                n++;
            }
        }
        int[] out = new int[n];
        int c = 0;
        for (int i = 0; i < fold.length; i++) {
            if ((fold[i] == f) == test) {
                out[c++] = i;
            }
        }
        return out;
    }

    private static void shuffle(List<Integer> rows, SplittableRandom rnd) {
        for (int i = rows.size() - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            Integer t = rows.get(i);
            rows.set(i, rows.get(j));
            rows.set(j, t);
        }
    }
}
