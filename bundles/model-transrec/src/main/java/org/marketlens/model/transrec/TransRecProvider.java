package org.marketlens.model.transrec;

import java.util.List;
import java.util.Map;
import org.marketlens.api.rec.HyperParameter;
import org.marketlens.api.rec.ModelProvider;
import org.marketlens.api.rec.PluginProperties;
import org.marketlens.framework.nn.SameDiffModelProvider;
import org.osgi.service.component.annotations.Component;

/** TransRec (He et al. 2017; MODELS.md §4.7), a Group-2 baseline of Tables 5.3–5.4, trained by the experiment's loss. */
@Component(service = ModelProvider.class, property = {PluginProperties.NAME + "=" + TransRecProvider.NAME,
        PluginProperties.TASKS + "=general,basket"})
public final class TransRecProvider extends SameDiffModelProvider<TransRecModel> {
    static final String NAME = "TransRec";

    public TransRecProvider() {
        super(NAME, List.of(new HyperParameter("dim", 64, "embedding size d, in {8, 16, 32, 64, 128} (MODELS.md §4.8)"),
                new HyperParameter("lambda", 0.0001,
                        "L2 weight λ on the batch rows, in {1e-1..1e-5} (MODELS.md §4.8, A-6)")));
    }

    @Override
    protected TransRecModel model(Map<String, Object> values) {
        return new TransRecModel(intValue(values, "numUsers"), intValue(values, "numItems"), intValue(values, "dim"),
                doubleValue(values, "lambda"));
    }
}
