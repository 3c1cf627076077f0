package org.marketlens.framework.nn;

import java.util.List;
import org.marketlens.api.rec.HyperParameter;
import org.marketlens.framework.train.HyperParameterValues;

/**
 * Optimiser settings every SameDiff model shares (MODELS.md §3.12, §4.8: Adam, learning rate 0.001, batch 256,
 * 4 negatives per positive).
 *
 * @param learningRate Adam learning rate
 * @param batchSize    triples per mini-batch
 * @param negatives    negatives per positive
 */
public record NeuralSettings(double learningRate, int batchSize, int negatives) {
    /** Declarations to append to a model's own hyper-parameters. */
    public static final List<HyperParameter> HYPER_PARAMETERS = List.of(
            new HyperParameter("learningRate", 0.001, "Adam learning rate (MODELS.md §4.8)"),
            new HyperParameter("batchSize", 256, "triples per mini-batch (MODELS.md §4.8)"),
            new HyperParameter("negatives", 4, "sampled negatives per positive (MODELS.md §4.8)"));

    /** @return the settings from resolved values that include {@link #HYPER_PARAMETERS} */
    public static NeuralSettings from(HyperParameterValues values) {
        return new NeuralSettings(values.doubleValue("learningRate"), values.intValue("batchSize"),
                values.intValue("negatives"));
    }
}
