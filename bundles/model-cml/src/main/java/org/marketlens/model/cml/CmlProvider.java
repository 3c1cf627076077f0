package org.marketlens.model.cml;

import java.util.List;
import java.util.Map;
import org.marketlens.api.rec.HyperParameter;
import org.marketlens.api.rec.ModelProvider;
import org.marketlens.api.rec.PluginProperties;
import org.marketlens.framework.nn.SameDiffModelProvider;
import org.osgi.service.component.annotations.Component;

/** CML with BPR (Hsieh et al. 2017; MODELS.md §4.7), a Group-1 baseline of Table 5.3. */
@Component(service = ModelProvider.class,
        property = {PluginProperties.NAME + "=" + CmlProvider.NAME, PluginProperties.TASKS + "=general"})
public final class CmlProvider extends SameDiffModelProvider<CmlModel> {
    static final String NAME = "CML";

    public CmlProvider() {
        super(NAME, List.of(
                new HyperParameter("dim", 64, "embedding size d, in {8, 16, 32, 64, 128} (MODELS.md §4.8)"),
                new HyperParameter("lambda", 0.0001,
                        "L2 weight λ on the batch rows, in {1e-1..1e-5} (MODELS.md §4.8, A-6)")));
    }

    @Override
    protected CmlModel model(Map<String, Object> values) {
        return new CmlModel(intValue(values, "numUsers"), intValue(values, "numItems"), intValue(values, "dim"),
                doubleValue(values, "lambda"));
    }
}
