package org.marketlens.framework.delivery.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * A small GloVe trainer (Pennington et al. 2014) for the reward corpus of MODELS.md §1.4.6 step 2: vocabulary of
 * words seen at least {@code minCount} times, symmetric co-occurrence counts within {@code window} words weighted
 * 1/distance (inside one document only), then AdaGrad on
 * {@code J = Σ f(X_ij) (w_iᵀ w̃_j + b_i + b̃_j − ln X_ij)²} with {@code f(x) = min(1, (x/x_max)^α)}. The word
 * vector is {@code w_i + w̃_i}, as in the reference implementation. One thread; the order of the co-occurrence
 * entries is shuffled each iteration with the given seed, so a run is reproducible.
 */
public final class Glove {
    private Glove() {
    }

    /**
     * Hyper-parameters.
     *
     * @param dimension    vector size (50 in §1.4.6)
     * @param iterations   passes over the co-occurrence entries (20)
     * @param window       context words on each side (15)
     * @param minCount     vocabulary minimum count (5)
     * @param xMax         cut-off of the weighting function (reference default 100)
     * @param alpha        exponent of the weighting function (0.75)
     * @param learningRate initial AdaGrad step (0.05)
     */
    public record Settings(int dimension, int iterations, int window, int minCount, double xMax, double alpha,
            double learningRate) {
        /** @return the dissertation's settings with the reference defaults for the rest (§1.4.6 [ASSUMPTION]) */
        public static Settings dissertation() {
            return new Settings(50, 20, 15, 5, 100, 0.75, 0.05);
        }
    }

    /**
     * Trained word vectors.
     *
     * @param words   vocabulary, sorted
     * @param vectors one vector per word ({@code words.size() × dimension})
     * @param loss    weighted squared error of the last iteration, divided by the number of entries
     */
    public record Vectors(List<String> words, double[][] vectors, double loss) {
        /** @return word → row index */
        public Map<String, Integer> index() {
            Map<String, Integer> out = new HashMap<>();
            for (int i = 0; i < words.size(); i++) {
                out.put(words.get(i), i);
            }
            return out;
        }
    }

    /**
     * @param documents tokenised documents (already lower-cased and filtered)
     * @param s         settings
     * @param seed      seed for the initial weights and the shuffles
     * @return the vectors; an empty vocabulary gives empty vectors
     */
    public static Vectors train(List<List<String>> documents, Settings s, long seed) {
        TreeMap<String, Integer> counts = new TreeMap<>();
        for (List<String> d : documents) {
            for (String w : d) {
                counts.merge(w, 1, Integer::sum);
            }
        }
        List<String> words = new ArrayList<>();
        Map<String, Integer> id = new HashMap<>();
        counts.forEach((w, c) -> {
            if (c >= s.minCount()) {
                id.put(w, words.size());
                words.add(w);
            }
        });
        int v = words.size();
        int dim = s.dimension();
        if (v == 0) {
            return new Vectors(List.of(), new double[0][dim], 0);
        }
        Map<Long, Double> cooc = new HashMap<>();
        for (List<String> d : documents) {
            int[] ids = new int[d.size()];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = id.getOrDefault(d.get(i), -1);
            }
            for (int i = 0; i < ids.length; i++) {
                if (ids[i] < 0) {
                    continue;
                }
                for (int j = i + 1; j <= Math.min(ids.length - 1, i + s.window()); j++) {
                    if (ids[j] < 0) {
                        continue;
                    }
                    double w = 1.0 / (j - i);
                    cooc.merge((long) ids[i] * v + ids[j], w, Double::sum);
                    cooc.merge((long) ids[j] * v + ids[i], w, Double::sum);
                }
            }
        }
        int e = cooc.size();
        int[] row = new int[e];
        int[] col = new int[e];
        double[] x = new double[e];
        int k = 0;
        for (Map.Entry<Long, Double> en : new TreeMap<>(cooc).entrySet()) {
            row[k] = (int) (en.getKey() / v);
            col[k] = (int) (en.getKey() % v);
            x[k++] = en.getValue();
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        double[][] w = new double[v][dim];
        double[][] c = new double[v][dim];
        double[][] gw = new double[v][dim];
        double[][] gc = new double[v][dim];
        double[] bw = new double[v];
        double[] bc = new double[v];
        double[] gbw = new double[v];
        double[] gbc = new double[v];
        for (int i = 0; i < v; i++) {
            for (int d = 0; d < dim; d++) {
                w[i][d] = (rnd.nextDouble() - 0.5) / dim;
                c[i][d] = (rnd.nextDouble() - 0.5) / dim;
                gw[i][d] = 1;
                gc[i][d] = 1;
            }
            bw[i] = (rnd.nextDouble() - 0.5) / dim;
            bc[i] = (rnd.nextDouble() - 0.5) / dim;
            gbw[i] = 1;
            gbc[i] = 1;
        }
        int[] order = new int[e];
        for (int i = 0; i < e; i++) {
            order[i] = i;
        }
        double loss = 0;
        for (int it = 0; it < s.iterations(); it++) {
            for (int i = e - 1; i > 0; i--) {
                int j = rnd.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            loss = 0;
            for (int o : order) {
                int a = row[o];
                int b = col[o];
                double dot = bw[a] + bc[b] - Math.log(x[o]);
                for (int d = 0; d < dim; d++) {
                    dot += w[a][d] * c[b][d];
                }
                double f = x[o] >= s.xMax() ? 1 : Math.pow(x[o] / s.xMax(), s.alpha());
                double fdiff = f * dot;
                loss += 0.5 * fdiff * dot;
                double step = s.learningRate() * fdiff;
                for (int d = 0; d < dim; d++) {
                    double g1 = step * c[b][d];
                    double g2 = step * w[a][d];
                    w[a][d] -= g1 / Math.sqrt(gw[a][d]);
                    c[b][d] -= g2 / Math.sqrt(gc[b][d]);
                    gw[a][d] += g1 * g1;
                    gc[b][d] += g2 * g2;
                }
                bw[a] -= step / Math.sqrt(gbw[a]);
                bc[b] -= step / Math.sqrt(gbc[b]);
                gbw[a] += step * step;
                gbc[b] += step * step;
            }
        }
        double[][] out = new double[v][dim];
        for (int i = 0; i < v; i++) {
            for (int d = 0; d < dim; d++) {
                out[i][d] = w[i][d] + c[i][d];
            }
        }
        return new Vectors(List.copyOf(words), out, e == 0 ? 0 : loss / e);
    }
}
