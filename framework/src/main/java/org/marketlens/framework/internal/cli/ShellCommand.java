package org.marketlens.framework.internal.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code marketlens shell}: the launcher starts the Gogo console after this command returns 0 and keeps the
 * framework running; this command only prints what the console offers.
 */
@Command(name = "shell", mixinStandardHelpOptions = true,
        description = "Start the Gogo shell with the marketlens:list, marketlens:run and marketlens:demo commands.")
final class ShellCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().println("""
                Marketlens shell (Apache Felix Gogo). Commands:
                  marketlens:list            registered plugins
                  marketlens:run <spec.json> run an experiment
                  marketlens:demo            the demo experiment
                  lb                         bundles; drop jars into deploy/ to install, update or remove plugins
                  exit 0 (or Ctrl-D)         stop Marketlens""");
        spec.commandLine().getOut().flush();
        return 0;
    }
}
