package org.marketlens.sample.model;

import java.util.Hashtable;
import org.marketlens.api.rec.ModelProvider;
import org.marketlens.api.rec.PluginProperties;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * Registers {@link SampleItemMean} as a {@link ModelProvider} named {@value SampleItemMean#NAME}. The registration is
 * made here, not by DS directly, so that the service property {@value #VERSION} carries the bundle's real
 * {@code Bundle-Version}: the integration tests update this bundle with a re-versioned jar and check that the next
 * lookup sees the new version.
 */
@Component
public final class SampleItemMeanComponent {
    /** Service property holding the version of the bundle that registered the provider. */
    public static final String VERSION = "marketlens.version";
    private final ServiceRegistration<ModelProvider> registration;

    @Activate
    public SampleItemMeanComponent(BundleContext context) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(PluginProperties.NAME, SampleItemMean.NAME);
        properties.put(PluginProperties.TASKS, "general");
        properties.put(VERSION, context.getBundle().getVersion().toString());
        registration = context.registerService(ModelProvider.class, new SampleItemMean(), properties);
    }

    @Deactivate
    void deactivate() {
        registration.unregister();
    }
}
