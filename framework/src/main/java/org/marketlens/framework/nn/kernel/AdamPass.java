package org.marketlens.framework.nn.kernel;

import java.util.Set;

/**
 * The update half of a {@link KernelTraining} step: the gradient of the {@link ScoreKernel.RowPenalty} (MODELS.md
 * A-6), the sum of the workers' gradients, and Adam (MODELS.md §4.8: β1 0.9, β2 0.999, ε 1e-8) computed exactly as
 * ND4J 1.0.0-M1.1's {@code AdamUpdater} / libnd4j's {@code adam_updater} in float:
 * {@code m ← β1 m + (1 − β1) g}, {@code v ← β2 v + (1 − β2) g²},
 * {@code p ← p − m · α_t / (√v + ε)} with {@code α_t = lr · √(1 − β2^t) / (1 − β1^t)}, {@code t = iteration + 1}
 * (ε is not bias-corrected). Every tensor is updated densely, as the SameDiff path does: an embedding row outside
 * the batch has gradient 0 and its moments still decay. The element ranges of the tensors are split over the
 * threads; each thread also clears the workers' gradients in its ranges for the next step.
 */
final class AdamPass {
    static final float BETA1 = 0.9f;
    static final float BETA2 = 0.999f;
    static final float EPSILON = 1e-8f;

    private final float[][] values;
    private final float[][] first;
    private final float[][] second;
    /** {@code [tensor][thread]}: each worker's gradient of the tensor. */
    private final float[][][] gradients;
    /** Per tensor: whether it is penalised as a whole ({@code λ ||w||²}). */
    private final boolean[] dense;
    private final int threads;
    private double learningRate;
    private final float lambda;
    private final float[] userTable;
    private final float[] itemTable;
    private final float[] userGradient;
    private final float[] itemGradient;
    private final int userWidth;
    private final int itemWidth;
    private final float[] contextTable;
    private final float[] contextGradient;
    private final int contextWidth;
    private final float[] groupTable;
    private final float[] groupGradient;
    private final int groupWidth;
    private final float[] itemBias;
    private final float[] itemBiasGradient;
    private final float[][] denseValues;
    private float alpha;

    AdamPass(KernelParameters parameters, KernelParameters[] workerGradients, ScoreKernel.RowPenalty penalty,
            double learningRate) {
        Set<String> names = parameters.names();
        int count = names.size();
        this.threads = workerGradients.length;
        this.values = new float[count][];
        this.first = new float[count][];
        this.second = new float[count][];
        this.gradients = new float[count][threads][];
        this.dense = new boolean[count];
        int k = 0;
        for (String name : names) {
            values[k] = parameters.values(name);
            first[k] = new float[values[k].length];
            second[k] = new float[values[k].length];
            for (int t = 0; t < threads; t++) {
                gradients[k][t] = workerGradients[t].values(name);
            }
            dense[k] = penalty.dense().contains(name);
            k++;
        }
        this.learningRate = learningRate;
        this.lambda = (float) penalty.lambda();
        boolean users = penalty.userTable() != null;
        boolean rows = penalty.itemTable() != null;
        boolean context = penalty.contextTable() != null;
        this.userTable = users ? parameters.values(penalty.userTable()) : null;
        this.itemTable = rows ? parameters.values(penalty.itemTable()) : null;
        this.userGradient = users ? workerGradients[0].values(penalty.userTable()) : null;
        this.itemGradient = rows ? workerGradients[0].values(penalty.itemTable()) : null;
        this.userWidth = users ? width(parameters, penalty.userTable()) : 0;
        this.itemWidth = rows ? width(parameters, penalty.itemTable()) : 0;
        this.contextTable = context ? parameters.values(penalty.contextTable()) : null;
        this.contextGradient = context ? workerGradients[0].values(penalty.contextTable()) : null;
        this.contextWidth = context ? width(parameters, penalty.contextTable()) : 0;
        boolean groups = penalty.groupTable() != null;
        this.groupTable = groups ? parameters.values(penalty.groupTable()) : null;
        this.groupGradient = groups ? workerGradients[0].values(penalty.groupTable()) : null;
        this.groupWidth = groups ? width(parameters, penalty.groupTable()) : 0;
        boolean bias = penalty.itemBias() != null;
        this.itemBias = bias ? parameters.values(penalty.itemBias()) : null;
        this.itemBiasGradient = bias ? workerGradients[0].values(penalty.itemBias()) : null;
        this.denseValues = penalty.dense().stream().map(parameters::values).toArray(float[][]::new);
    }

    private static int width(KernelParameters parameters, String table) {
        long[] shape = parameters.shape(table);
        if (shape.length != 2) {
            throw new IllegalArgumentException("penalised table " + table + " is not 2-d");
        }
        return (int) shape[1];
    }

    /**
     * Adds the row part of the penalty's gradient, {@code 2λ/n} times each row a triple uses (once per use), to the
     * first worker's gradients.
     *
     * @return the penalty, {@code λ (mean over triples of ||U[u]||² + ||V[i+]||² + ||V[i−]||² + Σ_dense ||w||²)}
     */
    double rowPenalty(int[] users, int[] positives, int[] negatives) {
        return rowPenalty(users, positives, negatives, null, null, 0);
    }

    /**
     * {@link #rowPenalty(int[], int[], int[])} plus, for a penalty with a context table, {@code mask_t} times the
     * squared norm of each context row of each triple (its gradient {@code 2λ/n · mask_t} times the row).
     *
     * @param context     {@code n · s} context items per triple, or {@code null}
     * @param mask        {@code n · s} mask, or {@code null}
     * @param contextSize {@code s}
     * @return the penalty
     */
    double rowPenalty(int[] users, int[] positives, int[] negatives, int[] context, float[] mask, int contextSize) {
        return rowPenalty(users, positives, negatives, context, mask, contextSize, null);
    }

    /**
     * {@link #rowPenalty(int[], int[], int[], int[], float[], int)} plus, for a penalty with a group table, the
     * squared norm of each triple's group row, and with an item bias, the squared bias of its positive and negative.
     *
     * @param groups the group of each triple, or {@code null}
     * @return the penalty
     */
    double rowPenalty(int[] users, int[] positives, int[] negatives, int[] context, float[] mask, int contextSize,
            int[] groups) {
        if (lambda == 0f) {
            return 0;
        }
        int n = users.length;
        float scale = 2f * lambda / n;
        double rows = userTable == null ? 0 : addRows(userTable, userGradient, userWidth, users, scale);
        if (itemTable != null) {
            rows += addRows(itemTable, itemGradient, itemWidth, positives, scale)
                    + addRows(itemTable, itemGradient, itemWidth, negatives, scale);
        }
        if (contextTable != null) {
            if (context == null || mask == null) {
                throw new IllegalArgumentException("the penalty has a context table but the batch has no context");
            }
            for (int k = 0; k < n * contextSize; k++) {
                float m = mask[k];
                if (m != 0f) {
                    int at = context[k] * contextWidth;
                    double squares = 0;
                    for (int c = 0; c < contextWidth; c++) {
                        float x = contextTable[at + c];
                        contextGradient[at + c] += scale * m * x;
                        squares += (double) x * x;
                    }
                    rows += m * squares;
                }
            }
        }
        if (groupTable != null) {
            if (groups == null) {
                throw new IllegalArgumentException("the penalty has a group table but the batch has no groups");
            }
            rows += addRows(groupTable, groupGradient, groupWidth, groups, scale);
        }
        if (itemBias != null) {
            rows += addRows(itemBias, itemBiasGradient, 1, positives, scale)
                    + addRows(itemBias, itemBiasGradient, 1, negatives, scale);
        }
        double whole = 0;
        for (float[] w : denseValues) {
            for (float x : w) {
                whole += (double) x * x;
            }
        }
        return lambda * (rows / n + whole);
    }

    /** {@code gradient[row] += scale · table[row]} for each index; @return Σ of the rows' squared norms */
    private static double addRows(float[] table, float[] gradient, int width, int[] indices, float scale) {
        double sum = 0;
        for (int index : indices) {
            int at = index * width;
            for (int c = 0; c < width; c++) {
                float x = table[at + c];
                gradient[at + c] += scale * x;
                sum += (double) x * x;
            }
        }
        return sum;
    }

    /** Sets the learning rate from the next {@link #prepare(int)} on (a decay by epoch; the default is fixed). */
    void learningRate(double rate) {
        if (!(rate > 0) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException("learning rate must be positive and finite, not " + rate);
        }
        this.learningRate = rate;
    }

    /** Sets the bias-corrected step size of iteration {@code iteration} (0-based) at the current learning rate. */
    void prepare(int iteration) {
        float t = iteration + 1;
        float beta1t = (float) Math.pow(BETA1, t);
        float beta2t = (float) Math.pow(BETA2, t);
        float a = (float) (learningRate * Math.sqrt(1f - beta2t)) / (1f - beta1t);
        alpha = Float.isNaN(a) || Float.isInfinite(a) || a == 0f ? EPSILON : a;
    }

    /** Thread {@code t}'s share: sums, clears and applies the gradients of its element range of every tensor. */
    void run(int t) {
        float twoLambda = 2f * lambda;
        for (int k = 0; k < values.length; k++) {
            float[] p = values[k];
            int from = (int) ((long) p.length * t / threads);
            int to = (int) ((long) p.length * (t + 1) / threads);
            float[] g = gradients[k][0];
            for (int w = 1; w < threads; w++) {
                float[] other = gradients[k][w];
                for (int i = from; i < to; i++) {
                    g[i] += other[i];
                    other[i] = 0f;
                }
            }
            if (dense[k] && twoLambda != 0f) {
                for (int i = from; i < to; i++) {
                    g[i] += twoLambda * p[i];
                }
            }
            update(p, first[k], second[k], g, from, to, alpha);
        }
    }

    /** Adam on {@code [from, to)}, then {@code g = 0} there. */
    static void update(float[] p, float[] m, float[] v, float[] g, int from, int to, float alpha) {
        for (int i = from; i < to; i++) {
            float gi = g[i];
            float mi = BETA1 * m[i] + gi * (1f - BETA1);
            float vi = BETA2 * v[i] + gi * gi * (1f - BETA2);
            m[i] = mi;
            v[i] = vi;
            p[i] -= mi * alpha / ((float) Math.sqrt(vi) + EPSILON);
            g[i] = 0f;
        }
    }
}
