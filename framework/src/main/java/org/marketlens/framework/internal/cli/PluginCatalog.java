package org.marketlens.framework.internal.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.marketlens.api.data.DatasetLoader;
import org.marketlens.api.delivery.DeliveryPredictor;
import org.marketlens.api.delivery.FeatureExtractor;
import org.marketlens.api.delivery.FeatureSelector;
import org.marketlens.api.eval.Evaluator;
import org.marketlens.api.nn.Loss;
import org.marketlens.api.rec.ModelProvider;
import org.marketlens.api.rec.PluginProperties;
import org.marketlens.api.train.NegativeSampler;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * Lists the plugins registered right now, with the bundle and version behind each, straight from the service
 * registry, so a bundle installed or updated a moment ago shows at once.
 */
final class PluginCatalog {
    /** The plugin kinds in display order: label and service interface. */
    static final Map<String, Class<?>> KINDS = kinds();

    private final BundleContext context;

    PluginCatalog(BundleContext context) {
        this.context = context;
    }

    /** @return every registered plugin, by kind (in {@link #KINDS} order), then name */
    List<PluginEntry> entries() {
        List<PluginEntry> entries = new ArrayList<>();
        for (Map.Entry<String, Class<?>> kind : KINDS.entrySet()) {
            List<PluginEntry> ofKind = new ArrayList<>();
            for (ServiceReference<?> ref : references(kind.getValue())) {
                Bundle bundle = ref.getBundle();
                if (bundle == null) {
                    continue; // unregistered while we looked
                }
                Object name = ref.getProperty(PluginProperties.NAME);
                ofKind.add(new PluginEntry(kind.getKey(), name == null ? "(no " + PluginProperties.NAME + ")" : name.toString(),
                        bundle.getSymbolicName(), bundle.getVersion().toString()));
            }
            ofKind.sort(Comparator.comparing(PluginEntry::name));
            entries.addAll(ofKind);
        }
        return entries;
    }

    private ServiceReference<?>[] references(Class<?> type) {
        try {
            ServiceReference<?>[] refs = context.getServiceReferences(type.getName(), null);
            return refs == null ? new ServiceReference<?>[0] : refs;
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e); // a null filter cannot be invalid
        }
    }

    private static Map<String, Class<?>> kinds() {
        Map<String, Class<?>> kinds = new java.util.LinkedHashMap<>();
        kinds.put("models", ModelProvider.class);
        kinds.put("losses", Loss.class);
        kinds.put("samplers", NegativeSampler.class);
        kinds.put("evaluators", Evaluator.class);
        kinds.put("loaders", DatasetLoader.class);
        kinds.put("features", FeatureExtractor.class);
        kinds.put("selectors", FeatureSelector.class);
        kinds.put("predictors", DeliveryPredictor.class);
        return java.util.Collections.unmodifiableMap(kinds);
    }
}
