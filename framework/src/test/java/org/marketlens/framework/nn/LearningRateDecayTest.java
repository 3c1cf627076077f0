package org.marketlens.framework.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.marketlens.framework.nn.TrainerProbes.BPR;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.marketlens.api.data.InteractionData;
import org.marketlens.api.nn.Loss;
import org.marketlens.api.nn.LossGraph;
import org.marketlens.framework.data.Interactions;
import org.marketlens.framework.data.InteractionsBuilder;
import org.marketlens.framework.nn.NeuralSettings.NegativePooling;
import org.marketlens.framework.testing.FixedTrainingContext;
import org.marketlens.framework.testing.RejectionSampler;
import org.marketlens.api.train.NegativeSampler;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.schedule.ScheduleType;
import org.nd4j.linalg.schedule.StepSchedule;

/**
 * {@code learningRateDecay}/{@code learningRateDecayEvery}: the Adam rate of epoch {@code e} (from 0, per stage) is
 * {@code lr · γ^floor(e / every)}, the authors' {@code StepLR} (thanhdtran/SDMR {@code model_rec.py}); the default
 * γ = 1 keeps the fixed rate of MODELS.md §4.8.
 */
class LearningRateDecayTest {
    private static NeuralSettings decayed(double lr, double gamma, int every) {
        return new NeuralSettings(lr, 16, 2, NegativePooling.EACH, gamma, every);
    }

    /** Hand-computed rates: StepLR(step_size, gamma) stepped after each epoch. */
    @Test
    void ratePerEpochIsTheStepDecay() {
        NeuralSettings authors = decayed(0.001, 0.5, 20);
        assertEquals(0.001, authors.learningRate(0));
        assertEquals(0.001, authors.learningRate(19));
        assertEquals(0.0005, authors.learningRate(20));
        assertEquals(0.0005, authors.learningRate(39));
        assertEquals(0.00025, authors.learningRate(40));
        assertEquals(0.00025, authors.learningRate(49));
        NeuralSettings everyEpoch = decayed(0.01, 0.5, 1);
        assertEquals(0.01, everyEpoch.learningRate(0));
        assertEquals(0.005, everyEpoch.learningRate(1));
        assertEquals(0.00125, everyEpoch.learningRate(3));
        NeuralSettings threes = decayed(0.002, 0.75, 3);
        assertEquals(0.002, threes.learningRate(2));
        assertEquals(0.0015, threes.learningRate(3), 1e-18);
        assertEquals(0.0015, threes.learningRate(5), 1e-18);
        assertEquals(0.001125, threes.learningRate(6), 1e-18);
        assertEquals(0.002 * 0.75 * 0.75 * 0.75, threes.learningRate(11), 1e-18);
        NeuralSettings fixed = new NeuralSettings(0.003, 16, 2);
        assertTrue(!fixed.decays() && authors.decays());
        for (int e = 0; e < 200; e++) {
            assertEquals(0.003, fixed.learningRate(e), "epoch " + e);
        }
        assertThrows(IllegalArgumentException.class, () -> fixed.learningRate(-1));
    }

    /** The graph path's ND4J StepSchedule by epoch gives the very same double as the kernel path's rate. */
    @Test
    void nd4jStepScheduleGivesTheSameRates() {
        for (NeuralSettings s : List.of(decayed(0.001, 0.5, 20), decayed(0.01, 0.1, 1), decayed(0.002, 0.75, 3),
                decayed(0.0007, 0.9, 7))) {
            StepSchedule schedule = new StepSchedule(ScheduleType.EPOCH, s.learningRate(), s.learningRateDecay(),
                    s.learningRateDecayEvery());
            for (int e = 0; e < 120; e++) {
                assertEquals(schedule.valueAt(1000 + e, e), s.learningRate(e), 0.0, s + " epoch " + e);
            }
        }
    }

    @Test
    void hyperParametersDefaultToAFixedRateAndAreValidated() {
        NeuralSettings defaults = TrainerProbes.settings(Map.of());
        assertEquals(new NeuralSettings(0.001, 256, 4), defaults);
        assertEquals(1.0, defaults.learningRateDecay());
        assertEquals(20, defaults.learningRateDecayEvery());
        NeuralSettings given = TrainerProbes.settings(Map.of("learningRateDecay", 0.5, "learningRateDecayEvery", 10));
        assertEquals(decayed(0.001, 0.5, 10).learningRateDecay(), given.learningRateDecay());
        assertEquals(10, given.learningRateDecayEvery());
        assertEquals(0.00025, given.learningRate(25));
        for (double bad : new double[] {0, -0.5, 1.5, Double.NaN}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> decayed(0.001, bad, 20));
            assertTrue(e.getMessage().contains("learningRateDecay must lie in (0, 1]"), e.getMessage());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrainerProbes.settings(Map.of("learningRateDecayEvery", 0)));
        assertTrue(e.getMessage().contains("learningRateDecayEvery must be at least 1"), e.getMessage());
    }

    @Test
    void settingsFromAProvidersValuesTakeTheTrainerKeysAndIgnoreTheRest() {
        Map<String, Object> providerValues = new java.util.LinkedHashMap<>();
        providerValues.put("dim", 64);
        providerValues.put("learningRate", 0.002);
        providerValues.put("negativePooling", "hardest");
        providerValues.put("learningRateDecay", 0.5);
        NeuralSettings settings = NeuralSettings.from("NeuMF", providerValues);
        assertEquals(new NeuralSettings(0.002, 256, 4, NegativePooling.HARDEST, 0.5, 20), settings);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NeuralSettings.from("NeuMF", Map.of("negativePooling", "softest")));
        assertTrue(e.getMessage().contains("softest"), e.getMessage());
    }

    private static InteractionData data() {
        InteractionsBuilder b = Interactions.builder();
        java.util.SplittableRandom r = new java.util.SplittableRandom(3);
        for (int u = 0; u < 12; u++) {
            for (int t = 0; t < 6; t++) {
                b.add("u" + u, "i" + ((u < 6 ? 0 : 8) + r.nextInt(8)), Float.NaN, t, -1);
            }
        }
        return b.build();
    }

    /** BPR again, asking to be preceded by a BPR stage (as APR is by BPR, MODELS.md §3.8). */
    private static final Loss STAGED = new Loss() {
        @Override
        public SDVariable objective(LossGraph graph) {
            return BPR.objective(graph);
        }

        @Override
        public Optional<String> pretrainWith() {
            return Optional.of("BPR");
        }
    };

    private static Map<String, INDArray> train(InteractionData data, NeuralSettings settings, int epochs) {
        return train(data, settings, epochs, BPR);
    }

    private static Map<String, INDArray> train(InteractionData data, NeuralSettings settings, int epochs, Loss loss) {
        FixedTrainingContext ctx = new FixedTrainingContext(11, epochs, 5).with(Loss.class, "probe", loss)
                .register(Loss.class, "BPR", BPR)
                .with(NegativeSampler.class, "uniform", new RejectionSampler())
                .validation(x -> java.util.OptionalDouble.empty());
        // The dot-product probe has no kernel: it trains through the SameDiff graph.
        return SameDiffTraining.train("probe", new TrainerProbes.DotModel(data.numUsers(), data.numItems(), 4), data,
                settings, ctx, p -> null);
    }

    /**
     * The SameDiff path applies the schedule by epoch (the kernel path is compared with it in the model bundles,
     * e.g. MfBprKernelTest): with γ = 0.5 every 2 epochs the first two epochs are bit-identical to the fixed rate
     * (the decay starts at epoch 2, not 1); with γ = 1e-6 every epoch the second epoch barely moves, so 2 epochs end
     * where 1 epoch ended (a trainer that ignored the decay would move ~0.05 further); with γ = 0.5 every epoch
     * the result differs from the fixed rate and lies between the two.
     */
    @Test
    void graphTrainingAppliesTheScheduleByEpoch() {
        InteractionData data = data();
        NeuralSettings fixed = decayed(0.05, 1, 20);
        Map<String, INDArray> fixed2 = train(data, fixed, 2);
        Map<String, INDArray> fixed1 = train(data, fixed, 1);
        assertEquals(0.0, KernelCheck.largestDifference(fixed2, train(data, decayed(0.05, 0.5, 2), 2)),
                "no decay within the first step of 2 epochs");
        assertEquals(0.0, KernelCheck.largestDifference(fixed1, train(data, decayed(0.05, 1e-6, 1), 1)),
                "epoch 0 runs at the full rate");
        double moved = KernelCheck.largestDifference(fixed1, fixed2);
        assertTrue(moved > 0.02, "the second epoch at the full rate moves " + moved);
        double frozen = KernelCheck.largestDifference(fixed1, train(data, decayed(0.05, 1e-6, 1), 2));
        assertTrue(frozen < 1e-5, "the second epoch at rate 5e-8 moved " + frozen);
        double halved = KernelCheck.largestDifference(fixed1, train(data, decayed(0.05, 0.5, 1), 2));
        assertTrue(halved > 0.2 * moved && halved < 0.8 * moved, "half the rate moved " + halved + " of " + moved);
    }

    /**
     * Each stage counts its epochs from 0: with a pre-training stage (as APR after BPR) of 2 epochs and then 2 more,
     * γ = 0.5 every 2 epochs never decays (bit-identical to the fixed rate), while a count across the stages would
     * halve the rate of the second stage; γ = 0.5 every epoch does decay in the staged training.
     */
    @Test
    void eachStageStartsItsScheduleAtEpochZero() {
        InteractionData data = data();
        Map<String, INDArray> fixed = train(data, decayed(0.05, 1, 20), 2, STAGED);
        assertEquals(0.0, KernelCheck.largestDifference(fixed, train(data, decayed(0.05, 0.5, 2), 2, STAGED)),
                "the second stage decayed");
        double moved = KernelCheck.largestDifference(fixed, train(data, decayed(0.05, 0.5, 1), 2, STAGED));
        assertTrue(moved > 1e-3, "decay ignored in staged training: " + moved);
    }
}
