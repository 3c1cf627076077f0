package org.marketlens.data.synthetic;

import java.util.SplittableRandom;
import org.marketlens.api.data.InteractionData;
import org.marketlens.framework.data.DenseIdMap;
import org.marketlens.framework.data.Interactions;
import org.marketlens.framework.data.InteractionsBuilder;

/**
 * The generative model behind {@link SyntheticLoader}. With hidden user tastes {@code t_u ~ N(0, I_d)}, item factors
 * {@code v_i ~ N(0, I_d)}, affinity {@code a(u,i) = t_u·v_i / sqrt(d)} (about N(0,1)) and a power-law popularity
 * {@code p_i ∝ (rank_i + 1)^-γ} over a random ranking of the items, user u's next item is drawn without replacement
 * from
 * <pre>
 *   P(i) ∝ exp( tasteWeight · a(u,i) + ln p_i + driftWeight · r_u·v_i / sqrt(d) ),
 * </pre>
 * where {@code r_u} is an exponential moving average (factor 1/2) of the factors of u's recent items, so consecutive
 * items are more alike than distant ones (short-term drift). Draws use the Gumbel-max trick, so the whole data set is
 * a function of the settings and the seed. Timestamps increase per user by 1 minute to 2 days (items of one basket
 * share a time). Ratings are {@code clamp(round(3 + 1.2 z + 0.5 ε), 1, 5)} with {@code z} the affinity standardised
 * over all drawn interactions and {@code ε ~ N(0,1)}, so likes (≥ 4) and dislikes (≤ 2) both occur.
 */
final class SyntheticGenerator {
    /** Bumped whenever the same settings would generate different data. */
    static final int VERSION = 1;
    /** First timestamp of the data (2017-07-14, seconds since the epoch). */
    static final long EPOCH = 1_500_000_000L;

    /** How interactions are grouped. */
    enum Grouping {
        /** No groups. */
        NONE,
        /** Each user's history is cut into consecutive playlists of {@code groupSize} items (the last may be shorter). */
        PLAYLISTS,
        /** Each user's history is cut into transactions of 1 to {@code groupSize - 1} items sharing one time. */
        BASKETS
    }

    /** Generator settings; see {@link SyntheticLoader#PARAMETERS} for their meaning. */
    record Settings(int users, int items, int interactionsPerUser, int latentDim, long seed,
                    double popularityExponent, double tasteWeight, double driftWeight, Grouping grouping,
                    int groupSize) {
        Settings {
            if (users < 1 || items < 10 || latentDim < 1 || interactionsPerUser < 1) {
                throw new IllegalArgumentException("synthetic: need users >= 1, items >= 10, latentDim >= 1 and "
                        + "interactionsPerUser >= 1");
            }
            if (groupSize < 2) {
                throw new IllegalArgumentException("synthetic: groupSize must be >= 2, got " + groupSize);
            }
        }
    }

    private final Settings s;
    private final double[][] tastes;
    private final double[][] factors;
    private final double[] logPopularity;
    private final SplittableRandom random;

    SyntheticGenerator(Settings settings) {
        this.s = settings;
        this.random = new SplittableRandom(settings.seed());
        this.tastes = gaussian(settings.users(), settings.latentDim());
        this.factors = gaussian(settings.items(), settings.latentDim());
        this.logPopularity = new double[settings.items()];
        int[] ranking = permutation(settings.items());
        for (int r = 0; r < ranking.length; r++) {
            logPopularity[ranking[r]] = -settings.popularityExponent() * Math.log(r + 1.0);
        }
    }

    /** @return the hidden affinity {@code a(u,i)} of the model (for tests of learnability) */
    double affinity(int user, int item) {
        return dot(tastes[user], factors[item]) / Math.sqrt(s.latentDim());
    }

    /** @return the hidden similarity of two items' factors, {@code v_i·v_j / sqrt(d)} */
    double itemSimilarity(int i, int j) {
        return dot(factors[i], factors[j]) / Math.sqrt(s.latentDim());
    }

    /** @return ln p_i, the log popularity of item i (0 for the most popular item) */
    double logPopularity(int item) {
        return logPopularity[item];
    }

    /** @return the interactions; call once per generator */
    InteractionData generate() {
        int d = s.latentDim();
        double scale = 1 / Math.sqrt(d);
        int[][] histories = new int[s.users()][];
        long[][] times = new long[s.users()][];
        int[][] groups = new int[s.users()][];
        int nextGroup = 0;
        for (int u = 0; u < s.users(); u++) {
            int n = historyLength();
            int[] history = new int[n];
            boolean[] taken = new boolean[s.items()];
            double[] recent = new double[d];
            double[] base = new double[s.items()];
            for (int i = 0; i < s.items(); i++) {
                base[i] = s.tasteWeight() * affinity(u, i) + logPopularity[i];
            }
            for (int t = 0; t < n; t++) {
                int best = -1;
                double bestKey = Double.NEGATIVE_INFINITY;
                for (int i = 0; i < s.items(); i++) {
                    if (taken[i]) {
                        continue;
                    }
                    double key = base[i] + s.driftWeight() * dot(recent, factors[i]) * scale + gumbel();
                    if (key > bestKey) {
                        bestKey = key;
                        best = i;
                    }
                }
                taken[best] = true;
                history[t] = best;
                for (int f = 0; f < d; f++) {
                    recent[f] = 0.5 * recent[f] + 0.5 * factors[best][f];
                }
            }
            histories[u] = history;
            groups[u] = new int[n];
            nextGroup = assignGroups(groups[u], nextGroup);
            times[u] = timestamps(groups[u]);
        }
        return build(histories, times, groups);
    }

    /** Log-normal length with the requested mean, at least 5 and at most half the catalogue. */
    private int historyLength() {
        double sigma = 0.5;
        double n = s.interactionsPerUser() * Math.exp(sigma * normal() - sigma * sigma / 2);
        return (int) Math.max(Math.min(5, s.items() / 2), Math.min(s.items() / 2, Math.round(n)));
    }

    private int assignGroups(int[] out, int nextGroup) {
        switch (s.grouping()) {
            case NONE -> java.util.Arrays.fill(out, InteractionData.NO_GROUP);
            case PLAYLISTS -> {
                for (int t = 0; t < out.length; t++) {
                    if (t > 0 && t % s.groupSize() == 0) {
                        nextGroup++;
                    }
                    out[t] = nextGroup;
                }
                nextGroup++;
            }
            case BASKETS -> {
                int left = 0;
                for (int t = 0; t < out.length; t++) {
                    if (left == 0) {
                        left = 1 + random.nextInt(s.groupSize() - 1);
                        if (t > 0) {
                            nextGroup++;
                        }
                    }
                    out[t] = nextGroup;
                    left--;
                }
                nextGroup++;
            }
            default -> throw new IllegalStateException("unknown grouping " + s.grouping());
        }
        return nextGroup;
    }

    /** Strictly increasing per user, except inside a basket, whose items share one time. */
    private long[] timestamps(int[] groups) {
        long[] out = new long[groups.length];
        long time = EPOCH + random.nextInt(30 * 86_400);
        for (int t = 0; t < out.length; t++) {
            boolean sameBasket = s.grouping() == Grouping.BASKETS && t > 0 && groups[t] == groups[t - 1];
            if (t > 0 && !sameBasket) {
                time += 60 + random.nextInt(2 * 86_400);
            }
            out[t] = time;
        }
        return out;
    }

    private InteractionData build(int[][] histories, long[][] times, int[][] groups) {
        double sum = 0;
        double squares = 0;
        long count = 0;
        for (int u = 0; u < histories.length; u++) {
            for (int i : histories[u]) {
                double a = affinity(u, i);
                sum += a;
                squares += a * a;
                count++;
            }
        }
        double mean = sum / count;
        double sd = Math.sqrt(Math.max(squares / count - mean * mean, 1e-12));
        InteractionsBuilder b = Interactions.builder(DenseIdMap.identity(s.users()), DenseIdMap.identity(s.items()));
        for (int u = 0; u < histories.length; u++) {
            for (int t = 0; t < histories[u].length; t++) {
                int i = histories[u][t];
                double z = (affinity(u, i) - mean) / sd;
                float rating = (float) Math.max(1, Math.min(5, Math.round(3 + 1.2 * z + 0.5 * normal())));
                b.add(u, i, rating, times[u][t], groups[u][t]);
            }
        }
        return b.build();
    }

    private double[][] gaussian(int rows, int cols) {
        double[][] out = new double[rows][cols];
        for (double[] row : out) {
            for (int c = 0; c < cols; c++) {
                row[c] = normal();
            }
        }
        return out;
    }

    private int[] permutation(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    /** Standard normal by Box–Muller (one value per call, so the stream is simple to reason about). */
    private double normal() {
        double u1 = 1.0 - random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    private double gumbel() {
        // uniform on the open interval (0, 1): a 53-bit draw shifted by half a step
        double u = ((random.nextLong() >>> 11) + 0.5) * 0x1.0p-53;
        return -Math.log(-Math.log(u));
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int f = 0; f < a.length; f++) {
            s += a[f] * b[f];
        }
        return s;
    }
}
