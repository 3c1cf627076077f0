package org.marketlens.framework.nn.kernel;

/**
 * A pairwise loss whose data term the kernel trainer can differentiate with respect to the scores directly (BPR),
 * so a {@link KernelModel}'s hand-written {@link ScoreKernel} can train with it instead of the SameDiff graph
 * ({@link KernelTraining}). The model's penalty is not part of it: the trainer adds the kernel's
 * {@link ScoreKernel.RowPenalty}. A loss implementing this must mean exactly what its SameDiff objective does on the
 * clean parameters, with no {@link org.marketlens.api.nn.Loss#beforeStep} work and no pre-training loss.
 */
public interface ScoreGradientLoss {
    /**
     * @param scores    {@code 2n} scores: {@code scores[t]} of triple {@code t}'s positive, {@code scores[n + t]} of
     *                  its negative (the rows of the fused positive/negative call)
     * @param triples   {@code n}
     * @param gradients receives the data term's derivative with respect to {@code scores[r]}, {@code r < 2n}
     * @return the data term (a mean over the triples)
     */
    double dataTerm(float[] scores, int triples, float[] gradients);
}
