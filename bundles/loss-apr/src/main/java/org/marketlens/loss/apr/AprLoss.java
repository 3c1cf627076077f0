package org.marketlens.loss.apr;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.marketlens.api.nn.Loss;
import org.marketlens.api.nn.LossGraph;
import org.marketlens.api.nn.StepState;
import org.marketlens.api.rec.HyperParameter;
import org.marketlens.api.rec.PluginProperties;
import org.marketlens.framework.nn.PairwiseObjectives;
import org.marketlens.framework.train.HyperParameterValues;
import org.nd4j.autodiff.samediff.SDVariable;
import org.osgi.service.component.annotations.Component;

/**
 * Adversarial personalized ranking with flexible noise magnitude (Eq. 4.31–4.33; MODELS.md §3.8, A-29, A-30):
 * {@code L_BPR(Θ) + λ_δ · L_BPRdata(Θ + δ̂)} with δ̂ fixed per step; δ_P = ε·std(P)·g_P/||g_P|| from the gradient
 * of the adversarial term at δ = 0 (fast gradient method), normalised per row for 2-D tensors. Every parameter is
 * perturbed; the regulariser appears once, in the clean term. Training starts from the best BPR checkpoint (step 1).
 */
@Component(property = PluginProperties.NAME + "=" + AprLoss.NAME)
public final class AprLoss implements Loss {
    static final String NAME = "APR";
    private static final List<HyperParameter> HYPER_PARAMETERS = List.of(
            new HyperParameter("epsilon", 0.5, "noise magnitude ε, in {0.5, 1.0} (MODELS.md §3.12)"),
            new HyperParameter("adversarialWeight", 1.0, "λ_δ, the weight of the adversarial term (MODELS.md §3.8)"),
            new HyperParameter("flexible", true, "radius ε·std(P) per tensor (true) or the fixed ε of original APR"),
            new HyperParameter("perRow", true, "normalise the gradient per row of 2-D tensors (A-30) or per tensor"));

    private final AdversarialNoise noise;
    private final double adversarialWeight;

    /** Creates APR with its defaults (the DS constructor). */
    public AprLoss() {
        this(HyperParameterValues.resolve(NAME, HYPER_PARAMETERS, Map.of()));
    }

    private AprLoss(HyperParameterValues values) {
        this.noise = new AdversarialNoise(values.doubleValue("epsilon"), values.booleanValue("flexible"),
                values.booleanValue("perRow"));
        this.adversarialWeight = values.doubleValue("adversarialWeight");
    }

    @Override
    public List<HyperParameter> hyperParameters() {
        return HYPER_PARAMETERS;
    }

    @Override
    public Loss configure(Map<String, Object> params) {
        return new AprLoss(HyperParameterValues.resolve(NAME, HYPER_PARAMETERS, params));
    }

    /** Eq. 4.32 with the A-29 reading: clean BPR plus λ_δ times the BPR data term on Θ + δ̂. */
    @Override
    public SDVariable objective(LossGraph graph) {
        SDVariable clean = PairwiseObjectives.bprData(graph, graph.parameters()).add(graph.penalty());
        SDVariable adversarial = PairwiseObjectives.bprData(graph, graph.perturbed());
        return clean.add(adversarial.mul(adversarialWeight));
    }

    /** Steps 2–3 of MODELS.md §3.8: recompute δ̂ on the current batch before the optimiser step. */
    @Override
    public void beforeStep(StepState step) {
        noise.update(step);
    }

    @Override
    public Optional<String> pretrainWith() {
        return Optional.of("BPR");
    }
}
