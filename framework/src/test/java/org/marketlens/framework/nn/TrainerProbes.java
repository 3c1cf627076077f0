package org.marketlens.framework.nn;

import java.util.List;
import java.util.Map;
import org.marketlens.api.nn.DifferentiableModel;
import org.marketlens.api.nn.Loss;
import org.marketlens.api.nn.LossGraph;
import org.marketlens.api.nn.ParameterSpec;
import org.marketlens.api.nn.ParameterView;
import org.marketlens.api.nn.ScoreInputs;
import org.marketlens.api.nn.TrainingInputs;
import org.marketlens.framework.train.HyperParameterValues;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * The probe model, loss and settings of the trainer tests in this package (the model and loss bundles are not
 * visible here): plain BPR, a dot-product model and {@link NeuralSettings} resolved from given hyper-parameters.
 */
final class TrainerProbes {
    private TrainerProbes() {
    }

    /** Plain BPR: the data term plus the model's penalty. */
    static final Loss BPR = (LossGraph graph) -> PairwiseObjectives.bprData(graph, graph.parameters())
            .add(graph.penalty());

    /** {@code score = U[u] · V[i]} with {@code dim} columns, initial scale 0.1, no penalty (a zero term on V). */
    record DotModel(int users, int items, int dim) implements DifferentiableModel {
        @Override
        public List<ParameterSpec> parameters() {
            return List.of(ParameterSpec.embedding("user", users, dim, 0.1),
                    ParameterSpec.embedding("item", items, dim, 0.1));
        }

        @Override
        public SDVariable score(SameDiff sd, ParameterView params, ScoreInputs in) {
            return sd.gather(params.get("user"), in.users(), 0).mul(sd.gather(params.get("item"), in.items(), 0))
                    .sum(1);
        }

        @Override
        public SDVariable penalty(SameDiff sd, ParameterView params, TrainingInputs in) {
            return params.get("item").mul(0).sum();
        }
    }

    /** The trainer's settings from {@code given} hyper-parameters, the rest at their defaults (as providers read them). */
    static NeuralSettings settings(Map<String, Object> given) {
        return NeuralSettings.from(HyperParameterValues.resolve("probe", NeuralSettings.HYPER_PARAMETERS, given));
    }
}
