package org.marketlens.framework.preprocess;

import java.util.Arrays;
import org.marketlens.api.data.InteractionData;

/**
 * Chronological user histories and the long-/short-term views of MODELS.md §4.1 and §5.2. {@link InteractionData}
 * already stores each user's items in time order, so a history is {@code itemsOf(user)}.
 */
public final class UserSequences {
    private UserSequences() {
    }

    /**
     * The long-term length cap l = Q3 + 1.5·IQR of the users' sequence lengths (boxplot upper fence, MODELS.md §5.2,
     * Table 5.5), rounded down to an integer length. Quartiles use linear interpolation between order statistics
     * (position (n − 1)·q, the R type-7 / NumPy default). Users without interactions are ignored.
     *
     * @param data the (training) data
     * @return l, at least 1
     */
    public static int longTermCap(InteractionData data) {
        int[] lengths = new int[data.numUsers()];
        int n = 0;
        for (int u = 0; u < data.numUsers(); u++) {
            if (data.countOf(u) > 0) {
                lengths[n++] = data.countOf(u);
            }
        }
        if (n == 0) {
            throw new IllegalArgumentException("no user has any interaction");
        }
        int[] sorted = Arrays.copyOf(lengths, n);
        Arrays.sort(sorted);
        double q1 = quantile(sorted, 0.25);
        double q3 = quantile(sorted, 0.75);
        return Math.max(1, (int) Math.floor(q3 + 1.5 * (q3 - q1)));
    }

    /** @return the q-quantile of ascending {@code sorted}, linear interpolation at position (n − 1)·q */
    static double quantile(int[] sorted, double q) {
        double pos = (sorted.length - 1) * q;
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    /**
     * S(u) (MODELS.md §5.2): the {@code s} most recent items of a chronological history, oldest first.
     *
     * @param history the user's items, oldest first
     * @param s       short-term length (5 in the dissertation)
     * @return the last min(s, |history|) items
     */
    public static int[] shortTerm(int[] history, int s) {
        return Arrays.copyOfRange(history, Math.max(0, history.length - s), history.length);
    }

    /**
     * L(u) (MODELS.md §5.2, A-48): the history without its last {@code s} items, keeping only its {@code l} most
     * recent items when longer ([ASSUMPTION]), oldest first. Disjoint from {@link #shortTerm}.
     *
     * @param history the user's items, oldest first
     * @param s       short-term length
     * @param l       long-term cap from {@link #longTermCap}
     * @return the long-term items
     */
    public static int[] longTerm(int[] history, int s, int l) {
        int end = Math.max(0, history.length - s);
        return Arrays.copyOfRange(history, Math.max(0, end - l), end);
    }

    /**
     * The context of a general-task training instance (MODELS.md §4.1): the {@code s} most recent items of the user
     * strictly before chronological position {@code position}, oldest first.
     *
     * @param history  the user's items, oldest first
     * @param position 0-based position of the target in the history
     * @param s        context size
     * @return up to s items before the target
     */
    public static int[] recentBefore(int[] history, int position, int s) {
        return Arrays.copyOfRange(history, Math.max(0, position - s), position);
    }
}
