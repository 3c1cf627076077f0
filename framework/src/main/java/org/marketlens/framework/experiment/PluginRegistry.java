package org.marketlens.framework.experiment;

import java.util.Optional;
import java.util.SortedMap;

/**
 * Finds plugins by {@code marketlens.name} at the moment of the call, so bundles installed, updated or removed at
 * run time are seen by the next lookup. In OSGi the framework registers an implementation over the service
 * registry; tests use a map.
 */
public interface PluginRegistry {
    /**
     * @param type the plugin interface (ModelProvider, Loss, NegativeSampler, Evaluator, DatasetLoader)
     * @param name the {@code marketlens.name}
     * @return the plugin, or empty
     * @throws IllegalStateException when two plugins of the type share the name
     */
    <T> Optional<T> find(Class<T> type, String name);

    /** @return name to a description of the plugin's origin (bundle and version) for every plugin of a type */
    SortedMap<String, String> names(Class<?> type);

    /**
     * @return a plugin, or an {@link IllegalArgumentException} naming the known plugins of the type
     */
    default <T> T require(Class<T> type, String name) {
        return find(type, name).orElseThrow(() -> new IllegalArgumentException("unknown " + type.getSimpleName()
                + " '" + name + "'; known: " + String.join(", ", names(type).keySet())));
    }
}
