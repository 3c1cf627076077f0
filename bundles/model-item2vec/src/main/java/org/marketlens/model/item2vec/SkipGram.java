package org.marketlens.model.item2vec;

import java.util.SplittableRandom;

/**
 * Skip-gram with negative sampling (Mikolov et al. 2013) over item sets: for a target i and a context j of the same
 * set, maximise {@code log σ(v_iᵀc_j) + Σ_neg log σ(−v_iᵀc_n)}, negatives from the unigram distribution to the power
 * 0.75. Input vectors v (returned) start uniform in ±0.5/k, output vectors c at 0, as in word2vec.
 */
final class SkipGram {
    private static final int TABLE = 1 << 20;
    private final int k;
    private final int negatives;
    private final int contexts;
    private final int[][] sets;
    private final SplittableRandom random;
    private final float[] input;
    private final float[] output;
    private final int[] unigram;

    SkipGram(int items, int k, int negatives, int contexts, int[][] sets, SplittableRandom random) {
        this.k = k;
        this.negatives = negatives;
        this.contexts = contexts;
        this.sets = sets;
        this.random = random;
        this.input = new float[items * k];
        this.output = new float[items * k];
        for (int i = 0; i < input.length; i++) {
            input[i] = (float) ((random.nextDouble() - 0.5) / k);
        }
        double[] counts = new double[items];
        for (int[] set : sets) {
            for (int i : set) {
                counts[i]++;
            }
        }
        double total = 0;
        for (int i = 0; i < items; i++) {
            counts[i] = Math.pow(counts[i], 0.75);
            total += counts[i];
        }
        unigram = new int[TABLE];
        int item = 0;
        double cumulative = counts.length == 0 ? 0 : counts[0] / total;
        for (int t = 0; t < TABLE; t++) {
            unigram[t] = item;
            if ((double) t / TABLE > cumulative && item < items - 1) {
                item++;
                cumulative += counts[item] / total;
            }
        }
    }

    /** One pass over every set in random order. */
    void epoch(double rate) {
        int[] order = new int[sets.length];
        for (int u = 0; u < order.length; u++) {
            order[u] = u;
        }
        for (int u = order.length - 1; u > 0; u--) {
            int q = random.nextInt(u + 1);
            int t = order[u];
            order[u] = order[q];
            order[q] = t;
        }
        float[] gradient = new float[k];
        for (int u : order) {
            int[] set = sets[u];
            if (set.length < 2) {
                continue;
            }
            for (int target : set) {
                int draws = Math.min(contexts, set.length - 1);
                for (int c = 0; c < draws; c++) {
                    int context = set[random.nextInt(set.length)];
                    if (context == target) {
                        continue;
                    }
                    java.util.Arrays.fill(gradient, 0f);
                    update(target, context, 1, rate, gradient);
                    for (int n = 0; n < negatives; n++) {
                        int negative = unigram[random.nextInt(TABLE)];
                        if (negative != context) {
                            update(target, negative, 0, rate, gradient);
                        }
                    }
                    int t = target * k;
                    for (int d = 0; d < k; d++) {
                        input[t + d] += gradient[d];
                    }
                }
            }
        }
    }

    private void update(int target, int context, int label, double rate, float[] gradient) {
        int t = target * k;
        int c = context * k;
        double dot = 0;
        for (int d = 0; d < k; d++) {
            dot += input[t + d] * output[c + d];
        }
        double sigmoid = 1 / (1 + Math.exp(-Math.max(-30, Math.min(30, dot))));
        float g = (float) ((label - sigmoid) * rate);
        for (int d = 0; d < k; d++) {
            gradient[d] += g * output[c + d];
            output[c + d] += g * input[t + d];
        }
    }

    /** @return a copy of the item vectors, row-major [items, k] */
    float[] vectors() {
        return input.clone();
    }
}
