package org.marketlens.api.delivery;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * The Chapter 3 workflow behind {@code marketlens delivery train|evaluate|predict} (MODELS.md §1.6–§1.9),
 * registered with {@code marketlens.name} (the experiment bundle registers {@code chapter3}). It composes the
 * registered {@link ProjectSource}, {@link FeatureExtractor}, {@link FeatureSelector} and {@link DeliveryPredictor}
 * services, looked up by name at every call, so a predictor bundle replaced at run time serves the next call.
 *
 * <p>Settings understood by every method (all optional): {@value #FOLDS} (10), {@value #SEED} (1),
 * {@value #TIME_POINTS} (comma-separated, default all four), {@value #SELECTION} (comma-separated selector names,
 * default {@code vif,boruta}; empty for none), {@value #EXTRACTORS} (comma-separated feature groups, default all
 * registered except {@code kim}), {@value #CLASSIFIER} ({@code xgboost}), {@value #REGRESSION}
 * ({@code true}: also Table 3.5), {@value #BACKER_COUNTS} ({@value #BACKERS_FINAL} or {@value #BACKERS_TIME_POINT},
 * A-9; absent: the semantic group's configured default, {@value #BACKERS_FINAL}), {@value #REPEATS} (1: how many
 * times {@link #evaluate} repeats the k-fold cross-validation on new stratified folds),
 * {@value #REGRESSION_SELECTION} (comma-separated selector names for the duration regression, default
 * {@code stepAIC}; empty for none). The settings reach the feature groups through
 * {@link FeatureExtractor#withSettings}.
 *
 * @since 0.2.0
 */
@ConsumerType
public interface DeliveryWorkflow {
    /** Setting: cross-validation folds. */
    String FOLDS = "folds";
    /** Setting: experiment seed. */
    String SEED = "seed";
    /** Setting: time points. */
    String TIME_POINTS = "timePoints";
    /** Setting: classifier selection chain. */
    String SELECTION = "selection";
    /** Setting: feature groups. */
    String EXTRACTORS = "extractors";
    /** Setting: the classifier's name. */
    String CLASSIFIER = "classifier";
    /** Setting: whether to run the duration regression too. */
    String REGRESSION = "regression";
    /**
     * Setting: which backer counts weight the semantic reward-cluster columns at TP1 and TP2.
     *
     * @since 0.3.0
     */
    String BACKER_COUNTS = "backerCounts";
    /**
     * {@link #BACKER_COUNTS} value: every reward's final backers at every time point, as the dissertation did (its
     * cluster rows are identical at TP1–TP4); the final counts leak into TP1 and TP2.
     *
     * @since 0.3.0
     */
    String BACKERS_FINAL = "final";
    /**
     * {@link #BACKER_COUNTS} value: only what is known at the time point: at TP1 each reward counts once, later
     * the backers as of the time point.
     *
     * @since 0.3.0
     */
    String BACKERS_TIME_POINT = "timePoint";
    /**
     * Setting: repetitions of the k-fold cross-validation in {@link #evaluate}, each on new stratified folds.
     *
     * @since 0.4.0
     */
    String REPEATS = "repeats";
    /**
     * Setting: selection chain of the duration regression (MODELS.md §1.8: stepAIC).
     *
     * @since 0.4.0
     */
    String REGRESSION_SELECTION = "regressionSelection";

    /**
     * Where projects come from.
     *
     * @param name    the {@link ProjectSource}'s {@code marketlens.name}
     * @param options its options ({@link ProjectSource#PATH}, {@link ProjectSource#SIZE}, ...)
     */
    record Source(String name, Map<String, String> options) {
        /** Copies the options. */
        public Source {
            options = Map.copyOf(options);
        }
    }

    /**
     * One prediction.
     *
     * @param projectId the project's id
     * @param probabilityLate the classifier's probability that the project is late
     */
    record Prediction(String projectId, double probabilityLate) {
    }

    /**
     * Runs the cross-validated comparison (Tables 3.2–3.5).
     *
     * @param source   labeled projects
     * @param settings see the class comment
     * @return the Markdown report
     * @throws IOException when the source cannot be read
     */
    String evaluate(Source source, Map<String, String> settings) throws IOException;

    /**
     * Fits the feature blocks, the selection and the classifier on all labeled projects at one time point and
     * writes a model file (atomically).
     *
     * @param source    labeled training projects
     * @param timePoint the time point
     * @param settings  see the class comment
     * @param model     the file to write
     * @return a one-paragraph summary (projects, kept features, training accuracy)
     * @throws IOException when the source cannot be read or the model cannot be written
     */
    String train(Source source, TimePoint timePoint, Map<String, String> settings, Path model) throws IOException;

    /**
     * @param model    a file written by {@link #train}
     * @param projects the projects to score (labels ignored)
     * @return one prediction per project, in source order
     * @throws IOException when a file cannot be read or the model's services are not registered
     */
    List<Prediction> predict(Path model, Source projects) throws IOException;
}
