package org.marketlens.framework.nn;

import java.util.List;
import java.util.Locale;
import org.marketlens.api.rec.HyperParameter;
import org.marketlens.framework.train.HyperParameterValues;

/**
 * Optimiser settings every SameDiff model shares (MODELS.md §3.12, §4.8: Adam, learning rate 0.001, batch 256,
 * 4 negatives per positive), and how a positive's negatives enter a pairwise loss ({@link NegativePooling}).
 *
 * @param learningRate    Adam learning rate
 * @param batchSize       triples per mini-batch ({@link NegativePooling#EACH}), positives per mini-batch
 *                        ({@link NegativePooling#HARDEST}: a batch holds {@code batchSize · negatives} triples)
 * @param negatives       negatives per positive
 * @param negativePooling how the negatives of a positive enter the loss
 */
public record NeuralSettings(double learningRate, int batchSize, int negatives, NegativePooling negativePooling) {
    /** Declarations to append to a model's own hyper-parameters. */
    public static final List<HyperParameter> HYPER_PARAMETERS = List.of(
            new HyperParameter("learningRate", 0.001, "Adam learning rate (MODELS.md §4.8)"),
            new HyperParameter("batchSize", 256, "triples per mini-batch (MODELS.md §4.8); positives per mini-batch"
                    + " under negativePooling=hardest"),
            new HyperParameter("negatives", 4, "sampled negatives per positive (MODELS.md §4.8)"),
            new HyperParameter("negativePooling", "each", "each: one loss term per (positive, negative) triple;"
                    + " hardest: one term per positive against the max-scoring of its negatives (thanhdtran/SDMR"
                    + " model_rec.py fit/_get_neg_pred)"));

    /** How the {@code negatives} sampled negatives of a positive enter a pairwise loss. */
    public enum NegativePooling {
        /** Every (positive, negative) triple is its own loss term, triples shuffled independently (the default). */
        EACH,
        /**
         * A positive's negatives are scored together and the loss sees the positive against the highest-scoring
         * of them (the authors' SDMR training loop, thanhdtran/SDMR {@code model_rec.py}).
         */
        HARDEST;

        /** @return the pooling named {@code each} or {@code hardest} (case-insensitive) */
        public static NegativePooling parse(String name) {
            String key = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
            return switch (key) {
                case "each" -> EACH;
                case "hardest" -> HARDEST;
                default -> throw new IllegalArgumentException("negativePooling must be 'each' (one loss term per"
                        + " triple, the default) or 'hardest' (one term per positive against its max-scoring"
                        + " negative), not '" + name + "'");
            };
        }
    }

    /** Validates the settings. */
    public NeuralSettings {
        if (negativePooling == null) {
            throw new IllegalArgumentException("negativePooling must be given (each or hardest)");
        }
    }

    /** Settings with {@link NegativePooling#EACH} (one loss term per triple). */
    public NeuralSettings(double learningRate, int batchSize, int negatives) {
        this(learningRate, batchSize, negatives, NegativePooling.EACH);
    }

    /** @return the settings from resolved values that include {@link #HYPER_PARAMETERS} */
    public static NeuralSettings from(HyperParameterValues values) {
        return new NeuralSettings(values.doubleValue("learningRate"), values.intValue("batchSize"),
                values.intValue("negatives"), NegativePooling.parse(values.stringValue("negativePooling")));
    }

    /** @return the triples in one group that the loss pools: {@code negatives} when hardest, else 1 */
    public int poolSize() {
        return negativePooling == NegativePooling.HARDEST ? negatives : 1;
    }

    /** @return the most triples in one mini-batch */
    public int triplesPerBatch() {
        return batchSize * poolSize();
    }
}
