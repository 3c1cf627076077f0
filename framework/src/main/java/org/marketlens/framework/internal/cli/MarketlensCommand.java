package org.marketlens.framework.internal.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level command: without a subcommand it prints the usage and fails. */
@Command(name = "marketlens", mixinStandardHelpOptions = true, versionProvider = MarketlensCommand.Version.class,
        description = "Recommenders and crowdfunding delivery predictors as OSGi bundles.",
        footer = "%nPlugins are OSGi bundles: drop a jar into deploy/ (or use 'install') while a shell runs.")
final class MarketlensCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }

    /** Reports the framework bundle's version. */
    static final class Version implements picocli.CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            Package pkg = MarketlensCommand.class.getPackage();
            org.osgi.framework.Bundle bundle = org.osgi.framework.FrameworkUtil.getBundle(MarketlensCommand.class);
            String version = bundle != null ? bundle.getVersion().toString()
                    : pkg != null && pkg.getImplementationVersion() != null ? pkg.getImplementationVersion() : "development";
            return new String[] {"marketlens " + version, "Java " + System.getProperty("java.version")};
        }
    }
}
