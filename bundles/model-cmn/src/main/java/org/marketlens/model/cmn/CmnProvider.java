package org.marketlens.model.cmn;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.marketlens.api.data.InteractionData;
import org.marketlens.api.rec.HyperParameter;
import org.marketlens.api.rec.ModelProvider;
import org.marketlens.api.rec.PluginProperties;
import org.marketlens.api.rec.Recommender;
import org.marketlens.api.rec.TrainingContext;
import org.marketlens.framework.nn.SameDiffModelProvider;
import org.marketlens.framework.nn.SameDiffRecommender;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.osgi.service.component.annotations.Component;

/**
 * CMN (Ebesu et al. 2018; MODELS.md §4.7, the CMN++ row of Table 5.3): attention over the users who consumed the
 * scored item, with 1–4 hops. Its neighbourhoods come from the training data, which
 * {@link SameDiffModelProvider#model} does not see, so each training call builds them ({@link Neighbourhoods}) and
 * trains through a {@link SameDiffModelProvider} made for that table; the served model carries the table among its
 * parameters, which is how a loaded snapshot gets it back.
 */
@Component(service = ModelProvider.class,
        property = {PluginProperties.NAME + "=" + CmnProvider.NAME, PluginProperties.TASKS + "=general"})
public final class CmnProvider implements ModelProvider {
    static final String NAME = "CMN";

    private static final List<HyperParameter> OWN = List.of(
            new HyperParameter("dim", 64, "embedding size d, in {8, 16, 32, 64, 128} (MODELS.md §4.8)"),
            new HyperParameter("hops", 2, "memory hops, in {1, 2, 3, 4} (MODELS.md §4.7, §4.8)"),
            new HyperParameter("neighbours", 100,
                    "largest neighbourhood: an item with more training users keeps a seeded uniform sample [ASSUMPTION]"),
            new HyperParameter("lambda", 0.0001,
                    "L2 weight λ on batch memory rows and dense weights, in {1e-1..1e-5} (MODELS.md §4.8, A-6)"));

    @Override
    public List<HyperParameter> hyperParameters() {
        return new Trainer(null).hyperParameters();
    }

    @Override
    public Recommender train(InteractionData train, Map<String, Object> params, TrainingContext ctx) {
        Object cap = params.getOrDefault("neighbours", OWN.get(2).defaultValue());
        INDArray table = Neighbourhoods.build(train, ((Number) cap).intValue(), ctx.seed());
        return new Trainer(table).train(train, params, ctx);
    }

    @Override
    public Recommender load(InputStream in) throws IOException {
        return new Trainer(null).load(in);
    }

    /** The SameDiff trainer and loader for one neighbourhood table (or, to load, the table of the snapshot). */
    static final class Trainer extends SameDiffModelProvider<CmnModel> {
        private final INDArray table;

        Trainer(INDArray table) {
            super(NAME, OWN);
            this.table = table;
        }

        @Override
        protected CmnModel model(Map<String, Object> values) {
            return new CmnModel(intValue(values, "numUsers"), intValue(values, "numItems"), intValue(values, "dim"),
                    intValue(values, "hops"), intValue(values, "neighbours"), doubleValue(values, "lambda"), table);
        }

        @Override
        protected Recommender serve(CmnModel model, Map<String, INDArray> parameters, Map<String, Object> values) {
            Map<String, INDArray> all = new LinkedHashMap<>(parameters);
            if (model.neighbourhood() != null) {
                all.put(CmnModel.NEIGHBOURHOOD, model.neighbourhood());
            } else if (!all.containsKey(CmnModel.NEIGHBOURHOOD)) {
                throw new IllegalArgumentException("a CMN snapshot must hold its neighbourhood table");
            }
            return new SameDiffRecommender(NAME, model, all, values, intValue(values, "numItems"));
        }
    }
}
