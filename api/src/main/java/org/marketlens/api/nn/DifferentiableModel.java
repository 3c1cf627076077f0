package org.marketlens.api.nn;

import java.util.List;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A model whose score is a SameDiff graph over named parameters. It never chooses its loss: a
 * {@link Loss} builds the objective from {@link #score} and {@link #penalty}.
 */
@ConsumerType
public interface DifferentiableModel {
    /**
     * @return the number {@code s} of context items each score row needs (the latest items before the target in
     *         the general task, the other items of the basket in the basket task; MODELS.md §4.1), or 0 when the
     *         model needs no context; with {@code s > 0} {@link ScoreInputs#context()} is set
     * @since 0.2.0
     */
    default int contextSize() {
        return 0;
    }

    /**
     * @return whether the model's score reads the group index of each row, e.g. the playlist of a (user, playlist,
     *         song) triple (MODELS.md §3.1, §3.4); then {@link ScoreInputs#groups()} and
     *         {@link TrainingInputs#groups()} are set, and training needs grouped data and serving queries with a
     *         group
     * @since 0.4.0
     */
    default boolean usesGroups() {
        return false;
    }

    /** @return the trainable tensors, their shapes and initialisations */
    List<ParameterSpec> parameters();

    /**
     * Builds the score graph (higher = more relevant; distance models return {@code -D}, MODELS.md §0.2).
     *
     * @param sd     the graph
     * @param params the parameter view to read parameters from
     * @param in     index inputs, shape {@code [batch]}
     * @return scores, shape {@code [batch]}
     */
    SDVariable score(SameDiff sd, ParameterView params, ScoreInputs in);

    /**
     * Builds the regularisation term of one batch: squared L2 of the rows the batch uses plus dense weights
     * (MODELS.md A-6), already multiplied by the model's lambda.
     *
     * @param sd     the graph
     * @param params the clean parameter view
     * @param in     the batch inputs
     * @return a scalar
     */
    SDVariable penalty(SameDiff sd, ParameterView params, TrainingInputs in);
}
