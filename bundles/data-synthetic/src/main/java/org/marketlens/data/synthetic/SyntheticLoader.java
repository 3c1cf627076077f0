package org.marketlens.data.synthetic;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.marketlens.api.data.Dataset;
import org.marketlens.api.data.DatasetLoader;
import org.marketlens.api.data.InteractionData;
import org.marketlens.api.rec.HyperParameter;
import org.marketlens.api.rec.PluginProperties;
import org.marketlens.framework.train.HyperParameterValues;
import org.osgi.service.component.annotations.Component;

/**
 * Synthetic data with the shapes the dissertation's datasets have (ARCHITECTURE.md "Data"): implicit interactions
 * with learnable tastes and power-law popularity, timestamps with short-term drift (for the sequential models of
 * MODELS.md §3–§4), explicit 1–5 ratings with likes and dislikes (RME, MODELS.md §2), and playlists or baskets
 * (MODELS.md §4–§5). The maths is in {@link SyntheticGenerator}; the same parameters and seed give the same data.
 */
@Component(property = PluginProperties.NAME + "=" + SyntheticLoader.NAME)
public final class SyntheticLoader implements DatasetLoader {
    static final String NAME = "synthetic";

    /** The loader parameters with their defaults. */
    static final List<HyperParameter> PARAMETERS = List.of(
            new HyperParameter("users", 500, "number of users"),
            new HyperParameter("items", 400, "number of items"),
            new HyperParameter("interactionsPerUser", 40, "mean interactions per user (log-normal, at least 5)"),
            new HyperParameter("latentDim", 8, "dimension of the hidden user tastes and item factors"),
            new HyperParameter("seed", 42L, "random seed: equal seeds give identical data"),
            new HyperParameter("popularityExponent", 1.0, "item popularity ~ rank^-exponent (power law)"),
            new HyperParameter("tasteWeight", 2.0, "weight of the taste affinity in the choice softmax"),
            new HyperParameter("driftWeight", 1.5, "weight of the similarity to recent items (short-term drift)"),
            new HyperParameter("groups", "none", "none | playlists | baskets"),
            new HyperParameter("groupSize", 10, "items per playlist; mean items per basket is groupSize / 2"));

    @Override
    public Dataset load(Map<String, Object> params) {
        HyperParameterValues v = HyperParameterValues.resolve(NAME, PARAMETERS, params);
        SyntheticGenerator.Settings settings = new SyntheticGenerator.Settings(
                v.intValue("users"), v.intValue("items"), v.intValue("interactionsPerUser"), v.intValue("latentDim"),
                v.longValue("seed"), v.doubleValue("popularityExponent"), v.doubleValue("tasteWeight"),
                v.doubleValue("driftWeight"), grouping(v.stringValue("groups")), v.intValue("groupSize"));
        InteractionData data = new SyntheticGenerator(settings).generate();
        Map<String, Object> facts = new LinkedHashMap<>(v.asMap());
        facts.put("loader", NAME);
        facts.put("generatorVersion", SyntheticGenerator.VERSION);
        facts.put("interactions", data.size());
        facts.put("numUsers", data.numUsers());
        facts.put("numItems", data.numItems());
        return new Dataset(NAME + "-" + settings.seed(), data, Optional.empty(), facts);
    }

    private static SyntheticGenerator.Grouping grouping(String name) {
        try {
            return SyntheticGenerator.Grouping.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(NAME + ": groups must be none, playlists or baskets, got '" + name + "'",
                    e);
        }
    }
}
