package org.marketlens.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;

/**
 * Installs and starts the distribution's bundles, and waits for FileInstall to pick up {@code deploy/}. A bundle that
 * fails to start is reported on one line and skipped, so one broken plugin never takes the launcher down.
 */
final class BundleSet {
    /** The Gogo console: started only by {@code marketlens shell}, since it takes over standard input. */
    static final String GOGO_SHELL = "org.apache.felix.gogo.shell";

    private final BundleContext context;
    private final PrintStream err;

    BundleSet(BundleContext context, PrintStream err) {
        this.context = context;
        this.err = err;
    }

    /**
     * Installs every jar of a folder, then starts each non-fragment bundle except the Gogo console.
     *
     * @param dir the distribution's {@code bundles/}
     * @return the installed bundles
     * @throws IOException if the folder cannot be listed
     */
    List<Bundle> installAndStart(Path dir) throws IOException {
        List<Bundle> installed = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path jar : files.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList()) {
                try {
                    installed.add(context.installBundle(jar.toUri().toString()));
                } catch (BundleException e) {
                    err.println("marketlens: cannot install " + jar + ": " + e.getMessage());
                }
            }
        }
        for (Bundle bundle : installed) {
            if (!GOGO_SHELL.equals(bundle.getSymbolicName()) && bundle.getHeaders().get(Constants.FRAGMENT_HOST) == null) {
                start(bundle);
            }
        }
        return installed;
    }

    /** Starts one bundle, reporting a failure on one line. */
    void start(Bundle bundle) {
        try {
            bundle.start();
        } catch (BundleException | RuntimeException e) {
            err.println("marketlens: bundle " + bundle.getSymbolicName() + " did not start: " + e.getMessage());
        }
    }

    /**
     * Waits until FileInstall has installed every jar now in the deploy folder and has tried to start it, so that a
     * one-shot command sees deployed plugins.
     *
     * @param deploy  the watched folder
     * @param timeout how long to wait in all
     * @throws IOException if the folder cannot be listed
     */
    void awaitDeployed(Path deploy, Duration timeout) throws IOException, InterruptedException {
        if (!Files.isDirectory(deploy)) {
            return;
        }
        List<Path> jars;
        try (Stream<Path> files = Files.list(deploy)) {
            jars = files.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Path jar : jars) {
            Bundle bundle = deployed(jar);
            while ((bundle == null || bundle.getState() == Bundle.INSTALLED || bundle.getState() == Bundle.STARTING)
                    && System.nanoTime() < deadline) {
                Thread.sleep(50);
                bundle = deployed(jar);
            }
            if (bundle == null) {
                err.println("marketlens: " + jar + " was not installed within " + timeout.toSeconds() + " s");
            } else if (bundle.getState() != Bundle.ACTIVE) {
                err.println("marketlens: " + jar + " is installed but not active (unresolved imports?)");
            }
        }
    }

    private Bundle deployed(Path jar) {
        String name = "/" + jar.getFileName();
        for (Bundle bundle : context.getBundles()) {
            String location = bundle.getLocation();
            if (location.startsWith("file:") && location.endsWith(name)
                    && Path.of(java.net.URI.create(location)).toAbsolutePath().normalize().equals(jar.toAbsolutePath().normalize())) {
                return bundle;
            }
        }
        return null;
    }
}
