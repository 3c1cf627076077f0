package org.marketlens.framework.internal.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.marketlens.api.data.DatasetLoader;
import org.marketlens.api.delivery.DeliveryPredictor;
import org.marketlens.api.delivery.DeliveryWorkflow;
import org.marketlens.api.delivery.FeatureExtractor;
import org.marketlens.api.delivery.FeatureSelector;
import org.marketlens.api.delivery.ProjectSource;
import org.marketlens.api.eval.Evaluator;
import org.marketlens.api.nn.Loss;
import org.marketlens.api.rec.ModelProvider;
import org.marketlens.api.train.NegativeSampler;
import org.marketlens.framework.experiment.PluginRegistry;

/**
 * One registered plugin as {@code marketlens list} shows it.
 *
 * @param kind   plural kind label: {@code models}, {@code losses}, ...
 * @param name   its {@code marketlens.name}
 * @param origin bundle symbolic name and version that registered it
 */
record PluginEntry(String kind, String name, String origin) {
    /** The plugin kinds in display order: label and service interface. */
    static final Map<String, Class<?>> KINDS = kinds();

    /**
     * Reads every registered plugin now, so a bundle installed or updated a moment ago shows at once.
     *
     * @param registry the plugin registry
     * @return plugins by kind (in {@link #KINDS} order), then name
     */
    static List<PluginEntry> all(PluginRegistry registry) {
        List<PluginEntry> entries = new ArrayList<>();
        KINDS.forEach((kind, type) -> registry.names(type).forEach((name, origin) -> entries.add(new PluginEntry(kind, name, origin))));
        return entries;
    }

    private static Map<String, Class<?>> kinds() {
        Map<String, Class<?>> kinds = new LinkedHashMap<>();
        kinds.put("models", ModelProvider.class);
        kinds.put("losses", Loss.class);
        kinds.put("samplers", NegativeSampler.class);
        kinds.put("evaluators", Evaluator.class);
        kinds.put("loaders", DatasetLoader.class);
        kinds.put("features", FeatureExtractor.class);
        kinds.put("selectors", FeatureSelector.class);
        kinds.put("predictors", DeliveryPredictor.class);
        kinds.put("sources", ProjectSource.class);
        kinds.put("workflows", DeliveryWorkflow.class);
        return Collections.unmodifiableMap(kinds);
    }
}
