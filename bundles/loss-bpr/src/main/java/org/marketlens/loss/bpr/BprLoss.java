package org.marketlens.loss.bpr;

import org.marketlens.api.nn.Loss;
import org.marketlens.api.nn.LossGraph;
import org.marketlens.api.rec.PluginProperties;
import org.marketlens.framework.nn.PairwiseObjectives;
import org.nd4j.autodiff.samediff.SDVariable;
import org.osgi.service.component.annotations.Component;

/**
 * BPR: {@code mean(-ln σ(score_pos − score_neg)) + penalty} over the batch (Eq. 4.30, 5.22, 5.38; regularisation
 * scope A-6 is the model's penalty).
 */
@Component(property = PluginProperties.NAME + "=BPR")
public final class BprLoss implements Loss {
    @Override
    public SDVariable objective(LossGraph graph) {
        return PairwiseObjectives.bprData(graph, graph.parameters()).add(graph.penalty());
    }
}
