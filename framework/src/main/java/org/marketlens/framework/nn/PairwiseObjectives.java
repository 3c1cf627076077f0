package org.marketlens.framework.nn;

import org.marketlens.api.nn.LossGraph;
import org.marketlens.api.nn.ParameterView;
import org.nd4j.autodiff.samediff.SDVariable;

/** Objective terms shared by the pairwise losses (BPR, APR, QABPR). */
public final class PairwiseObjectives {
    private PairwiseObjectives() {
    }

    /**
     * The BPR data term on a parameter view, averaged over the batch:
     * {@code mean(-ln σ(score_pos − score_neg)) = mean(softplus(score_neg − score_pos))} (Eq. 4.30, 5.22, 5.38;
     * MODELS.md §0.2), written with softplus for numerical stability.
     *
     * @param graph the loss graph
     * @param view  clean or perturbed parameters
     * @return a scalar
     */
    public static SDVariable bprData(LossGraph graph, ParameterView view) {
        SDVariable positive = graph.score(view, graph.inputs().positive());
        SDVariable negative = graph.score(view, graph.inputs().negative());
        return graph.sameDiff().nn().softplus(negative.sub(positive)).mean();
    }
}
