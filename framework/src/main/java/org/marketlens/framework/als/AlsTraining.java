package org.marketlens.framework.als;

import java.util.OptionalDouble;
import org.marketlens.api.rec.TrainingContext;
import org.marketlens.framework.train.EarlyStopping;

/**
 * The iteration loop of Algorithm 1 (MODELS.md §2.7): one {@link JointFactorization#sweep()} per iteration, then
 * validation (NDCG@100 in the RME protocol, whatever the context measures); stops after {@code ctx.patience()}
 * iterations without improvement, on cancellation or after {@code ctx.maxEpochs()} iterations, and returns the
 * best iterate. Without validation cases the last iterate is returned.
 */
public final class AlsTraining {
    private AlsTraining() {
    }

    /**
     * @param name  model name for snapshots and progress
     * @param model the factorization, freshly initialised
     * @param ctx   training context
     * @return the best model and its validation value (NaN without validation)
     */
    public static Result fit(String name, JointFactorization model, TrainingContext ctx) {
        EarlyStopping stopping = new EarlyStopping(Math.max(1, ctx.patience()));
        int k = model.settings().k();
        FactorRecommender best = null;
        int iterations = Math.max(1, ctx.maxEpochs());
        for (int it = 0; it < iterations && !ctx.cancelled(); it++) {
            model.sweep();
            FactorRecommender candidate = new FactorRecommender(name, k, model.userFactors(), model.itemFactors());
            ctx.progress(name + " ALS iteration", it + 1, iterations);
            OptionalDouble value = ctx.validate(candidate);
            if (value.isEmpty()) {
                best = candidate;
                continue;
            }
            if (stopping.record(it, value.getAsDouble())) {
                best = candidate;
            }
            if (stopping.shouldStop()) {
                break;
            }
        }
        if (best == null) {
            best = new FactorRecommender(name, k, model.userFactors(), model.itemFactors());
        }
        ctx.record("bestIteration", stopping.bestEpoch() + 1);
        return new Result(best, stopping.bestEpoch() < 0 ? Double.NaN : stopping.best());
    }

    /**
     * @param model      the best iterate
     * @param validation its validation value, NaN when there was no validation
     */
    public record Result(FactorRecommender model, double validation) {
    }
}
