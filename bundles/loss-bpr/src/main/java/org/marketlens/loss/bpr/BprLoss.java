package org.marketlens.loss.bpr;

import org.marketlens.api.nn.Loss;
import org.marketlens.api.nn.LossGraph;
import org.marketlens.api.rec.PluginProperties;
import org.marketlens.framework.nn.PairwiseObjectives;
import org.marketlens.framework.nn.kernel.ScoreGradientLoss;
import org.nd4j.autodiff.samediff.SDVariable;
import org.osgi.service.component.annotations.Component;

/**
 * BPR: {@code mean(-ln σ(score_pos − score_neg)) + penalty} over the batch (Eq. 4.30, 5.22, 5.38; regularisation
 * scope A-6 is the model's penalty). Its data term also differentiates scores directly
 * ({@link ScoreGradientLoss}), so models with a hand-written kernel train without the SameDiff graph (issue 6).
 */
@Component(property = PluginProperties.NAME + "=BPR")
public final class BprLoss implements Loss, ScoreGradientLoss {
    @Override
    public SDVariable objective(LossGraph graph) {
        return PairwiseObjectives.bprData(graph, graph.parameters()).add(graph.penalty());
    }

    /**
     * {@code mean_t softplus(x_t)} with {@code x_t = score_neg − score_pos}, the objective's data term; its
     * derivatives are {@code ∓σ(x_t) / n} for the positive and the negative score (MODELS.md §0.2).
     */
    @Override
    public double dataTerm(float[] scores, int triples, float[] gradients) {
        double sum = 0;
        double perTriple = 1.0 / triples;
        for (int t = 0; t < triples; t++) {
            double x = (double) scores[triples + t] - scores[t];
            double e = Math.exp(-Math.abs(x));
            // softplus(x) = max(x, 0) + ln(1 + e^−|x|); σ(x) = 1 / (1 + e^−x), both without overflow.
            sum += Math.max(x, 0) + Math.log1p(e);
            double sigmoid = x >= 0 ? 1 / (1 + e) : e / (1 + e);
            gradients[t] = (float) (-sigmoid * perTriple);
            gradients[triples + t] = (float) (sigmoid * perTriple);
        }
        return sum * perTriple;
    }
}
