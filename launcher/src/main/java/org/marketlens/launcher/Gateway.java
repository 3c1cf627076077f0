package org.marketlens.launcher;

import java.time.Duration;
import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Filter;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Finds the CLI inside the framework: a service of type {@link Function} (a JDK type, so it crosses the launcher and
 * bundle class loaders) with property {@code marketlens.gateway=cli}, taking the {@code String[]} arguments and
 * returning an {@code Integer} exit status.
 */
final class Gateway {
    /** The bundle that registers the CLI service. */
    static final String FRAMEWORK_BUNDLE = "org.marketlens.framework";
    /** Service property and value of the CLI service. */
    static final String FILTER = "(&(objectClass=java.util.function.Function)(marketlens.gateway=cli))";

    private Gateway() {
    }

    /**
     * Waits for the CLI service.
     *
     * @param context system bundle context
     * @param timeout how long to wait
     * @return the service
     * @throws IllegalStateException naming the bundles that are not active when it does not appear in time
     */
    @SuppressWarnings("unchecked")
    static Function<Object, Object> await(BundleContext context, Duration timeout) throws InterruptedException {
        Filter filter;
        try {
            filter = context.createFilter(FILTER);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        ServiceTracker<Object, Object> tracker = new ServiceTracker<>(context, filter, null);
        tracker.open();
        // The service comes from the framework bundle: if that bundle is not active, waiting cannot help.
        boolean hopeless = Arrays.stream(context.getBundles())
                .noneMatch(b -> FRAMEWORK_BUNDLE.equals(b.getSymbolicName()) && b.getState() == Bundle.ACTIVE);
        Object service = hopeless ? tracker.getService() : tracker.waitForService(timeout.toMillis());
        if (service == null) {
            String inactive = Arrays.stream(context.getBundles())
                    .filter(b -> b.getState() != Bundle.ACTIVE && b.getHeaders().get("Fragment-Host") == null)
                    .map(b -> b.getSymbolicName() + " " + b.getVersion())
                    .collect(Collectors.joining(", "));
            throw new IllegalStateException("the CLI service (" + FILTER + ") did not appear"
                    + (hopeless ? "" : " within " + timeout.toSeconds() + " s") + "; bundles not active: " + (inactive.isEmpty() ? "none" : inactive));
        }
        return (Function<Object, Object>) service;
    }
}
