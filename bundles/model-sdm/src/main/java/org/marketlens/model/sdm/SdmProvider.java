package org.marketlens.model.sdm;

import java.util.List;
import java.util.Map;
import org.marketlens.api.rec.HyperParameter;
import org.marketlens.api.rec.ModelProvider;
import org.marketlens.api.rec.PluginProperties;
import org.marketlens.api.rec.Recommender;
import org.marketlens.framework.nn.SameDiffModelProvider;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.osgi.service.component.annotations.Component;

/**
 * SDM (Chapter 5.2; MODELS.md §4.3–4.4): the implicit signed distance of a multi-hop memory network with metric
 * attention over the user's {@code s} latest items (general task) or the other items of the basket (basket task),
 * trained by the experiment's pairwise loss on instances with at least one context item. The trained model
 * exposes its final-layer vectors ({@link org.marketlens.api.nn.FinalLayerVectors}) for SDMR and its per-hop
 * attention weights per prediction ({@link org.marketlens.api.nn.AttentionWeights}, Figure 5.6). An optional
 * dropout rate (A-8, default 0) acts in training only; {@code dropoutMasks} says whether {@code p} and {@code r_k}
 * draw their masks once per forward pass ({@code pass}, default) or in every hop ({@code hop}, the authors' code).
 * {@code gateInput} says whether the gate between hops reads the previous query ({@code query}, Eq. 5.14,
 * default) or the previous hop's output ({@code output}, the authors' code), {@code gateTying} whether all gates
 * share one {@code W_g, b_g} ({@code global}, default) or each has its own ({@code hop}, Eq. 5.14 as written).
 * {@code outputAggregation} says whether a hop sums its weighted outputs ({@code sum}, Eq. 5.13/5.19, default) or
 * passes each through a learned {@code ReLU(T · + t)} before summing ({@code relu}, the authors' code, not in the
 * dissertation).
 */
@Component(service = ModelProvider.class, property = {PluginProperties.NAME + "=" + SdmProvider.NAME,
        PluginProperties.TASKS + "=general,basket"})
public final class SdmProvider extends SameDiffModelProvider<SdmModel> {
    static final String NAME = "SDM";

    public SdmProvider() {
        super(NAME, List.of(new HyperParameter("dim", 64, "embedding size d, in {8, 16, 32, 64, 128} (MODELS.md §4.8)"),
                new HyperParameter("hops", 4, "memory hops H, in {1, 2, 3, 4}; 4 is best on ML-100k validation (MODELS.md §4.4, §4.8)"),
                new HyperParameter("contextSize", 5,
                        "context items s: in {5, 10, 20} (general task), the largest basket - 1 (basket task) (MODELS.md §4.1, §4.8)"),
                new HyperParameter("lambda", 0.0001,
                        "L2 weight λ on batch memory rows and dense weights, in {1e-1..1e-5} (MODELS.md §4.8, A-6)"),
                new HyperParameter("dropout", 0.0,
                        "dropout rate p on q, p, the attention and output hiddens, training only, in [0, 1); A-8: off by default, the authors' code uses 0.2"),
                new HyperParameter("dropoutMasks", "pass",
                        "when p and the output hiddens r_k draw their dropout masks: pass (once per forward pass) or hop (afresh in every hop, as the authors' code)"),
                new HyperParameter("gateInput", "query",
                        "what the gate between hops reads: query (g = σ(W_g q + b_g), Eq. 5.14) or output (g = σ(W_g e + b_g), the authors' code); A-38"),
                new HyperParameter("gateTying", "global",
                        "gate weights between hops: global (one W_g, b_g, the weight constraint) or hop (W_g^(h), b_g^(h) per gate, Eq. 5.14); A-38"),
                new HyperParameter("outputAggregation", "sum",
                        "how a hop aggregates its slots into e: sum (Σ_k a_k square(r_k), Eq. 5.13) or relu (Σ_k ReLU(T (a_k ⊙ square(r_k)) + t), the authors' code, not in the dissertation)")));
    }

    @Override
    protected SdmModel model(Map<String, Object> values) {
        return new SdmModel(intValue(values, "numUsers"), intValue(values, "numItems"), intValue(values, "dim"),
                intValue(values, "hops"), intValue(values, "contextSize"), doubleValue(values, "lambda"),
                SdmModel.Activation.TANH, values.containsKey("dropout") ? doubleValue(values, "dropout") : 0.0,
                values.containsKey("dropoutMasks")
                        ? SdmModel.DropoutMasks.parse(String.valueOf(values.get("dropoutMasks")))
                        : SdmModel.DropoutMasks.PASS,
                values.containsKey("gateInput")
                        ? SdmModel.GateInput.parse(String.valueOf(values.get("gateInput")))
                        : SdmModel.GateInput.QUERY,
                values.containsKey("gateTying")
                        ? SdmModel.GateTying.parse(String.valueOf(values.get("gateTying")))
                        : SdmModel.GateTying.GLOBAL,
                values.containsKey("outputAggregation")
                        ? SdmModel.OutputAggregation.parse(String.valueOf(values.get("outputAggregation")))
                        : SdmModel.OutputAggregation.SUM);
    }

    /**
     * Serves the final-layer vectors too, which SDMR fuses (MODELS.md §4.5), and the attention weights (Figure 5.6),
     * of the model without dropout: validation, inference and SDMR's frozen part are deterministic. Snapshots from
     * before the dropout option lack its value, which reads as 0; those before {@code dropoutMasks} read as
     * {@code pass}, those before {@code gateInput} and {@code gateTying} as {@code query} and {@code global}, those before
     * {@code outputAggregation} as {@code sum}.
     */
    @Override
    protected Recommender serve(SdmModel model, Map<String, INDArray> parameters, Map<String, Object> values) {
        return new SdmRecommender(NAME, model.withoutDropout(), parameters, values, intValue(values, "numItems"));
    }
}
