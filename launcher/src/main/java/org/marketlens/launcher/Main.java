package org.marketlens.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.felix.framework.FrameworkFactory;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;

/**
 * Entry point of {@code marketlens-launcher.jar}: starts an embedded Felix configured by {@link FelixConfiguration},
 * installs the distribution's {@code bundles/}, lets FileInstall pick up {@code deploy/}, then hands the arguments to
 * the CLI service that the framework bundle registers ({@link Gateway}) and exits with its status. {@code shell}
 * additionally starts the Gogo console and keeps the framework running until the console stops it.
 *
 * <p>Layout: {@code <dist>/marketlens-launcher.jar}, {@code <dist>/lib/} (class path, see {@link SystemPackages}),
 * {@code <dist>/bundles/}. The working folder ({@code -Dmarketlens.home}, default: the current directory) holds
 * {@code deploy/}, {@code config/} and {@code reports/}. The bundle cache is a fresh temporary folder per run, deleted
 * on exit, so two launchers never share (or wipe) each other's cache.
 */
public final class Main {
    static final Duration GATEWAY_TIMEOUT = Duration.ofSeconds(Long.getLong("marketlens.gateway.timeout", 60));
    static final Duration DEPLOY_TIMEOUT = Duration.ofSeconds(15);

    private Main() {
    }

    /**
     * Runs one command and exits with its status.
     *
     * @param args the command line, passed unchanged to the CLI
     */
    public static void main(String[] args) {
        // ND4J logs its start-up at INFO and warns about duplicate TensorFlow op mappings it never uses.
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
        String importMapping = "org.slf4j.simpleLogger.log.org.nd4j.imports.converters.ImportClassMapping";
        System.setProperty(importMapping, System.getProperty(importMapping, "error"));
        int status;
        try {
            status = run(args, distribution(), Path.of(System.getProperty(FelixConfiguration.HOME, "")).toAbsolutePath(), System.err);
        } catch (Exception e) {
            System.err.println("marketlens: " + e.getMessage());
            status = 1;
        }
        System.exit(status);
    }

    /**
     * Starts the framework, runs one command, stops the framework.
     *
     * @param args command line
     * @param dist distribution folder (holds {@code lib/} and {@code bundles/})
     * @param home working folder
     * @param err  where launcher problems are reported
     * @return the command's exit status
     */
    static int run(String[] args, Path dist, Path home, PrintStream err) throws Exception {
        boolean shell = isShell(args);
        Path storage = Files.createTempDirectory("marketlens-felix-");
        // Ctrl-C skips the finally below: a shutdown hook deletes the cache then.
        Thread cleanup = new Thread(() -> deleteQuietly(storage), "marketlens-cache-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        Framework framework = null;
        try {
            Map<String, String> config = FelixConfiguration.create(dist.resolve("lib"), home, storage);
            framework = new FrameworkFactory().newFramework(config);
            framework.init();
            framework.start();
            BundleContext context = framework.getBundleContext();
            BundleSet bundles = new BundleSet(context, err);
            var installed = bundles.installAndStart(dist.resolve("bundles"));
            bundles.awaitDeployed(Path.of(config.get(FelixConfiguration.DEPLOY)), DEPLOY_TIMEOUT);
            Function<Object, Object> cli = Gateway.await(context, GATEWAY_TIMEOUT);
            Object status = cli.apply(args);
            if (!(status instanceof Integer code)) {
                throw new IllegalStateException("the CLI service returned " + status + " instead of an exit status");
            }
            if (shell && code == 0) {
                installed.stream().filter(b -> BundleSet.GOGO_SHELL.equals(b.getSymbolicName())).forEach(bundles::start);
                framework.waitForStop(0);
            }
            return code;
        } finally {
            if (framework != null && (framework.getState() & (Bundle.ACTIVE | Bundle.STARTING)) != 0) {
                framework.stop();
                FrameworkEvent stopped = framework.waitForStop(20_000);
                if (stopped.getType() == FrameworkEvent.WAIT_TIMEDOUT) {
                    err.println("marketlens: the framework did not stop within 20 s");
                }
            }
            deleteTree(storage);
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs anyway and finds nothing left to delete
            }
        }
    }

    private static void deleteQuietly(Path storage) {
        try {
            deleteTree(storage);
        } catch (IOException e) {
            System.err.println("marketlens: could not delete the bundle cache " + storage + ": " + e.getMessage());
        }
    }

    /** {@code shell} keeps the framework running after the command; everything else is one-shot. */
    static boolean isShell(String[] args) {
        return Arrays.stream(args).filter(a -> !a.startsWith("-")).findFirst().map("shell"::equals).orElse(false);
    }

    /** The folder holding the launcher jar. */
    static Path distribution() throws URISyntaxException {
        Path jar = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return jar.getParent();
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
