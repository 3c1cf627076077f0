package org.marketlens.model.prme;

import java.util.List;
import java.util.Map;
import org.marketlens.api.rec.HyperParameter;
import org.marketlens.api.rec.ModelProvider;
import org.marketlens.api.rec.PluginProperties;
import org.marketlens.framework.nn.SameDiffModelProvider;
import org.osgi.service.component.annotations.Component;

/**
 * PRME / PRME_s (Feng et al. 2015; MODELS.md §4.7, A-42), a Group-2 baseline of Tables 5.3–5.4: {@code contextSize}
 * 1 is PRME (previous item), {@code contextSize} s > 1 is PRME_s (mean over the previous s items).
 */
@Component(service = ModelProvider.class, property = {PluginProperties.NAME + "=" + PrmeProvider.NAME,
        PluginProperties.TASKS + "=general,basket"})
public final class PrmeProvider extends SameDiffModelProvider<PrmeModel> {
    static final String NAME = "PRME";

    public PrmeProvider() {
        super(NAME, List.of(new HyperParameter("dim", 64, "embedding size d, in {8, 16, 32, 64, 128} (MODELS.md §4.8)"),
                new HyperParameter("contextSize", 1, "previous items: 1 = PRME, s > 1 = PRME_s (MODELS.md §4.7)"),
                new HyperParameter("alpha", 0.5, "weight α of the user–item distance, in {0.2, 0.5, 0.8} (A-42)"),
                new HyperParameter("lambda", 0.0001,
                        "L2 weight λ on the batch rows, in {1e-1..1e-5} (MODELS.md §4.8, A-6)")));
    }

    @Override
    protected PrmeModel model(Map<String, Object> values) {
        return new PrmeModel(intValue(values, "numUsers"), intValue(values, "numItems"), intValue(values, "dim"),
                intValue(values, "contextSize"), doubleValue(values, "alpha"), doubleValue(values, "lambda"));
    }
}
