package org.marketlens.framework.internal.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.function.Function;
import org.marketlens.framework.experiment.PluginRegistry;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The CLI service. The launcher finds it as a {@link Function} (a JDK type, so the launcher's and the bundles' class
 * loaders agree on it) with {@code marketlens.gateway=cli}, calls {@link #apply(String[])} with its arguments and
 * exits with the returned status. The same component offers the Gogo commands {@code marketlens:list},
 * {@code marketlens:run} and {@code marketlens:demo} (public methods named by {@code osgi.command.function}).
 */
@Component(service = Function.class, property = {
    "marketlens.gateway=cli",
    "osgi.command.scope=marketlens",
    "osgi.command.function=list",
    "osgi.command.function=run",
    "osgi.command.function=demo",
    "osgi.command.function=install"
})
public final class CliGateway implements Function<String[], Integer> {
    /** Framework property naming the hot-deploy folder (set by the launcher). */
    static final String DEPLOY = "marketlens.deploy";
    /** Framework property naming the working folder (set by the launcher). */
    static final String HOME = "marketlens.home";

    private final CliCommands commands;

    /**
     * @param context bundle context, for the folders the launcher sets as framework properties
     * @param plugins the plugin registry
     */
    @Activate
    public CliGateway(BundleContext context, @Reference PluginRegistry plugins) {
        Path home = Path.of(property(context, HOME, System.getProperty("user.dir")));
        Path deploy = Path.of(property(context, DEPLOY, home.resolve("deploy").toString()));
        commands = new CliCommands(plugins, home, deploy);
    }

    /**
     * Runs one command line, writing to the current {@code System.out}/{@code System.err} (Gogo redirects them per
     * session).
     *
     * @param args command line without the program name
     * @return exit status: 0 done, 1 failed, 2 bad command line
     */
    @Override
    public Integer apply(String[] args) {
        return commands.execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    }

    /** Gogo {@code marketlens:list}. */
    public void list() {
        apply(new String[] {"list"});
    }

    /**
     * Gogo {@code marketlens:run <experiment.json>}.
     *
     * @param spec the experiment spec
     */
    public void run(String spec) {
        apply(new String[] {"run", spec});
    }

    /** Gogo {@code marketlens:demo}. */
    public void demo() {
        apply(new String[] {"demo"});
    }

    /**
     * Gogo {@code marketlens:install <jar>}.
     *
     * @param jar bundle jar to copy into the deploy folder
     */
    public void install(String jar) {
        apply(new String[] {"install", jar});
    }

    private static String property(BundleContext context, String key, String fallback) {
        String value = context.getProperty(key);
        return value == null ? fallback : value;
    }
}
