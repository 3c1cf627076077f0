package org.marketlens.framework.nn;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.marketlens.api.rec.HyperParameter;
import org.marketlens.framework.train.HyperParameterValues;

/**
 * Optimiser settings every SameDiff model shares (MODELS.md §3.12, §4.8: Adam, learning rate 0.001, batch 256,
 * 4 negatives per positive), how a positive's negatives enter a pairwise loss ({@link NegativePooling}), and an
 * optional step decay of the learning rate ({@link #learningRate(int)}; the authors' SDMR trainer, thanhdtran/SDMR
 * {@code model_rec.py}, uses PyTorch's {@code StepLR(step_size=20, gamma=0.5)} stepped once per epoch). The default
 * decay 1 keeps the rate fixed, as MODELS.md §4.8 specifies, bit-identical to the trainer without the setting.
 *
 * @param learningRate           Adam learning rate (of the first epoch)
 * @param batchSize              triples per mini-batch ({@link NegativePooling#EACH}), positives per mini-batch
 *                               ({@link NegativePooling#HARDEST}: a batch holds {@code batchSize · negatives} triples)
 * @param negatives              negatives per positive
 * @param negativePooling        how the negatives of a positive enter the loss
 * @param learningRateDecay      γ in (0, 1]: the rate is multiplied by γ every {@code learningRateDecayEvery}
 *                               epochs; 1 keeps it fixed
 * @param learningRateDecayEvery epochs per decay step, at least 1
 */
public record NeuralSettings(double learningRate, int batchSize, int negatives, NegativePooling negativePooling,
        double learningRateDecay, int learningRateDecayEvery) {
    /** The default {@code learningRateDecayEvery}: the authors' {@code decay_step} (thanhdtran/SDMR main.py). */
    public static final int DEFAULT_DECAY_EVERY = 20;

    /** Declarations to append to a model's own hyper-parameters. */
    public static final List<HyperParameter> HYPER_PARAMETERS = List.of(
            new HyperParameter("learningRate", 0.001, "Adam learning rate (MODELS.md §4.8)"),
            new HyperParameter("batchSize", 256, "triples per mini-batch (MODELS.md §4.8); positives per mini-batch"
                    + " under negativePooling=hardest"),
            new HyperParameter("negatives", 4, "sampled negatives per positive (MODELS.md §4.8)"),
            new HyperParameter("negativePooling", "each", "each: one loss term per (positive, negative) triple;"
                    + " hardest: one term per positive against the max-scoring of its negatives (thanhdtran/SDMR"
                    + " model_rec.py fit/_get_neg_pred)"),
            new HyperParameter("learningRateDecay", 1.0, "step decay γ in (0, 1] of the Adam rate: epoch e (from 0,"
                    + " per training stage) uses learningRate·γ^floor(e/learningRateDecayEvery); 1 = fixed rate"
                    + " (MODELS.md §4.8); the authors' SDMR uses StepLR gamma 0.5 (thanhdtran/SDMR model_rec.py)"),
            new HyperParameter("learningRateDecayEvery", DEFAULT_DECAY_EVERY, "epochs per learning-rate decay"
                    + " step, >= 1 (the authors' StepLR step_size 20, thanhdtran/SDMR main.py decay_step)"));

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
        if (!(learningRateDecay > 0 && learningRateDecay <= 1)) {
            throw new IllegalArgumentException("learningRateDecay must lie in (0, 1] (1 keeps the learning rate"
                    + " fixed, 0.5 halves it every learningRateDecayEvery epochs), not " + learningRateDecay);
        }
        if (learningRateDecayEvery < 1) {
            throw new IllegalArgumentException("learningRateDecayEvery must be at least 1 epoch, not "
                    + learningRateDecayEvery);
        }
    }

    /** Settings with a fixed learning rate (no decay). */
    public NeuralSettings(double learningRate, int batchSize, int negatives, NegativePooling negativePooling) {
        this(learningRate, batchSize, negatives, negativePooling, 1.0, DEFAULT_DECAY_EVERY);
    }

    /** Settings with {@link NegativePooling#EACH} (one loss term per triple). */
    public NeuralSettings(double learningRate, int batchSize, int negatives) {
        this(learningRate, batchSize, negatives, NegativePooling.EACH);
    }

    /** @return the settings from resolved values that include {@link #HYPER_PARAMETERS} */
    public static NeuralSettings from(HyperParameterValues values) {
        return new NeuralSettings(values.doubleValue("learningRate"), values.intValue("batchSize"),
                values.intValue("negatives"), NegativePooling.parse(values.stringValue("negativePooling")),
                values.doubleValue("learningRateDecay"), values.intValue("learningRateDecayEvery"));
    }

    /**
     * The settings from a provider's map of resolved values (which also holds its own hyper-parameters), for a
     * stage the provider trains itself (NeuMF++'s pre-trained towers): keys of {@link #HYPER_PARAMETERS} absent from
     * {@code values} take their defaults, every other key is ignored.
     *
     * @param owner  plugin name for error messages
     * @param values resolved values
     * @return the settings
     */
    public static NeuralSettings from(String owner, Map<String, Object> values) {
        Map<String, Object> own = new LinkedHashMap<>();
        for (HyperParameter h : HYPER_PARAMETERS) {
            if (values.containsKey(h.name())) {
                own.put(h.name(), values.get(h.name()));
            }
        }
        return from(HyperParameterValues.resolve(owner, HYPER_PARAMETERS, own));
    }

    /**
     * The learning rate of an epoch: {@code learningRate · γ^floor(epoch / learningRateDecayEvery)} (PyTorch's
     * {@code StepLR} stepped once per epoch). The value equals ND4J's
     * {@code StepSchedule(ScheduleType.EPOCH, learningRate, γ, learningRateDecayEvery).valueAt(·, epoch)} to the bit,
     * which the SameDiff path uses, so the graph and the kernel path train with the same rates.
     *
     * @param epoch the epoch within a training stage, from 0 ({@link SameDiffTraining} counts each stage from 0:
     *              pre-training and then APR each start at the full rate)
     * @return {@link #learningRate()} when there is no decay
     */
    public double learningRate(int epoch) {
        if (epoch < 0) {
            throw new IllegalArgumentException("epoch " + epoch + " < 0");
        }
        if (!decays()) {
            return learningRate;
        }
        return learningRate * Math.pow(learningRateDecay, Math.floor((double) epoch / learningRateDecayEvery));
    }

    /** @return whether the learning rate changes over the epochs ({@code learningRateDecay < 1}) */
    public boolean decays() {
        return learningRateDecay != 1.0;
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
