package org.marketlens.framework.nn.kernel;

import java.util.List;

/**
 * A hand-written forward pass and vector-Jacobian product of a model's score graph
 * ({@link org.marketlens.api.nn.DifferentiableModel#score}) on {@link KernelParameters}, equal to the graph to float
 * precision (each kernel's tests compare it with the graph's scores and gradients). The trainer runs one
 * {@link Worker} per thread on disjoint row ranges and sums their gradients.
 */
public interface ScoreKernel {
    /**
     * @return the model's regularisation term (the graph's {@link org.marketlens.api.nn.DifferentiableModel#penalty})
     *         in the form every model of this kind shares, which the trainer differentiates itself
     */
    RowPenalty penalty();

    /**
     * @param parameters the parameters to read (live: the trainer updates them between steps)
     * @param maxRows    the most rows one {@link Worker#forward} call will get
     * @return a worker with its own scratch space; not thread-safe, one per thread
     */
    Worker worker(KernelParameters parameters, int maxRows);

    /**
     * A training worker: {@code seed} seeds its training-time randomness (e.g. dropout masks, fresh per forward
     * pass), so training is reproducible per seed. The trainer derives one seed per worker from the experiment's
     * seed; serving and {@link #worker(KernelParameters, int)} get none. The default ignores the seed (kernels
     * without randomness).
     *
     * @since 0.2.0
     */
    default Worker worker(KernelParameters parameters, int maxRows, long seed) {
        return worker(parameters, maxRows);
    }

    /** Scores row ranges and differentiates them; keeps what the backward pass needs from the last forward pass. */
    interface Worker {
        /**
         * Scores rows {@code [from, to)} of the batch into {@code scores[from .. to)} (higher = more relevant).
         */
        void forward(KernelBatch batch, int from, int to, float[] scores);

        /**
         * Adds to {@code gradients} (same names and shapes as the parameters) the gradient of
         * {@code Σ_{r in [from, to)} scoreGradients[r] · score_r} with respect to every parameter, using the
         * activations of the last {@link #forward} call, which covered the same rows of the same batch.
         */
        void backward(KernelBatch batch, int from, int to, float[] scoreGradients, KernelParameters gradients);
    }

    /**
     * The penalty of MODELS.md A-6 that the signed-distance models share:
     * {@code λ · (mean over the batch's triples of ||U[u]||² + ||V[i+]||² + ||V[i−]||² + Σ_t mask_t ||C[t]||²
     * [+ ||G[g]||² + b[i+]² + b[i−]²] + Σ_{w in dense} ||w||²)}, where the context term (item-neighbourhood models such as FISM, whose member rows
     * are parameters the batch uses) sums over the triple's context slots {@code t}, weighted by their mask.
     *
     * @param lambda       λ
     * @param userTable    name of the user table whose rows are penalised, or {@code null} for no user-row term
     * @param itemTable    name of the item table whose rows are penalised, or {@code null} for no row term
     * @param dense        names of the weight tensors penalised as a whole
     * @param contextTable name of the table whose rows the context slots index, penalised per triple, or
     *                     {@code null} for no context term
     * @param groupTable   name of the table whose rows the triples' groups index ({@code ||G[g]||²} per triple,
     *                     e.g. MDR's playlists), or {@code null}
     * @param itemBias     name of a per-item bias ({@code [numItems]}) penalised at the positive and the negative
     *                     ({@code b[i+]² + b[i−]²} per triple), or {@code null}
     */
    record RowPenalty(double lambda, String userTable, String itemTable, List<String> dense, String contextTable,
            String groupTable, String itemBias) {
        public RowPenalty {
            if (userTable != null && itemTable == null) {
                throw new IllegalArgumentException("a penalised user table needs a penalised item table");
            }
            dense = List.copyOf(dense);
        }

        /** The penalty without a context term. */
        public RowPenalty(double lambda, String userTable, String itemTable, List<String> dense) {
            this(lambda, userTable, itemTable, dense, null);
        }

        /** The penalty without group-row and item-bias terms. */
        public RowPenalty(double lambda, String userTable, String itemTable, List<String> dense,
                String contextTable) {
            this(lambda, userTable, itemTable, dense, contextTable, null, null);
        }
    }
}
