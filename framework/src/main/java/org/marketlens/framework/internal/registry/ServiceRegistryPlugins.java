package org.marketlens.framework.internal.registry;

import java.util.Collection;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.marketlens.api.rec.PluginProperties;
import org.marketlens.framework.experiment.PluginRegistry;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * {@link PluginRegistry} over the OSGi service registry: every lookup queries the registry, so a bundle installed,
 * updated or uninstalled at run time is seen by the next lookup. Two plugins of a type with one name fail fast.
 */
@Component(service = PluginRegistry.class)
public final class ServiceRegistryPlugins implements PluginRegistry {
    private final BundleContext context;

    @Activate
    public ServiceRegistryPlugins(BundleContext context) {
        this.context = context;
    }

    @Override
    public <T> Optional<T> find(Class<T> type, String name) {
        Collection<ServiceReference<T>> refs = references(type, "(" + PluginProperties.NAME + "=" + escape(name) + ")");
        if (refs.size() > 1) {
            StringBuilder origins = new StringBuilder();
            refs.forEach(r -> origins.append(' ').append(origin(r)));
            throw new IllegalStateException("two " + type.getSimpleName() + " plugins are named '" + name + "':" + origins);
        }
        if (refs.isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(context.getService(refs.iterator().next()));
    }

    @Override
    public SortedMap<String, String> names(Class<?> type) {
        SortedMap<String, String> out = new TreeMap<>();
        for (ServiceReference<?> r : references(type, "(" + PluginProperties.NAME + "=*)")) {
            out.put(String.valueOf(r.getProperty(PluginProperties.NAME)), origin(r));
        }
        return out;
    }

    private <T> Collection<ServiceReference<T>> references(Class<T> type, String filter) {
        try {
            return context.getServiceReferences(type, filter);
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException("bad plugin name in filter " + filter, e);
        }
    }

    private static String origin(ServiceReference<?> r) {
        return r.getBundle().getSymbolicName() + " " + r.getBundle().getVersion();
    }

    private static String escape(String name) {
        return name.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)").replace("*", "\\*");
    }
}
