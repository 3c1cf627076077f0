package org.marketlens.framework.internal.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.marketlens.framework.experiment.ExperimentSpecException;
import org.marketlens.framework.experiment.PluginRegistry;
import picocli.CommandLine;

/**
 * Parses and runs one {@code marketlens} command line with picocli. Exit status: 0 done, 1 the command failed (one
 * line on the error stream: missing file with its path, bad JSON field with its JSON path, unknown plugin name with
 * the known ones), 2 the command line itself is wrong.
 */
final class CliCommands {
    private final PluginRegistry plugins;
    private final Path home;
    private final Path deploy;

    /**
     * @param plugins where plugins are found by name
     * @param home    working folder: relative spec paths, {@code config/} and {@code reports/} are resolved against it
     * @param deploy  the hot-deploy folder
     */
    CliCommands(PluginRegistry plugins, Path home, Path deploy) {
        this.plugins = plugins;
        this.home = home;
        this.deploy = deploy;
    }

    /**
     * Runs one command.
     *
     * @param args command line without the program name
     * @param out  normal output
     * @param err  errors and usage
     * @return exit status
     */
    int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine line = new CommandLine(new MarketlensCommand())
                .addSubcommand(new DemoCommand(plugins, home))
                .addSubcommand(new RunCommand(plugins, home))
                .addSubcommand(new DeliveryCommand(plugins, home))
                .addSubcommand(new BenchCommand(plugins, home))
                .addSubcommand(new StatsCommand(plugins))
                .addSubcommand(new ListCommand(() -> PluginEntry.all(plugins)))
                .addSubcommand(new InstallCommand(home, deploy))
                .addSubcommand(new ShellCommand());
        line.setOut(out);
        line.setErr(err);
        line.setExecutionExceptionHandler((e, cmd, parsed) -> {
            err.println("marketlens: " + oneLine(e));
            err.flush();
            return 1;
        });
        line.setParameterExceptionHandler((e, rest) -> {
            String command = e.getCommandLine().getCommandSpec().qualifiedName();
            err.println("marketlens: " + oneLine(e) + " (see '" + command + " --help')");
            err.flush();
            return 2;
        });
        int status = line.execute(args);
        out.flush();
        err.flush();
        return status;
    }

    /** A failure as one line: our own messages as they are, anything else with its type. */
    static String oneLine(Throwable e) {
        String message = e.getMessage();
        if (e instanceof CommandFailure || e instanceof CommandLine.ParameterException
                || e instanceof ExperimentSpecException || e instanceof IllegalArgumentException) {
            return message.replace('\n', ' ').trim();
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file: " + message;
        }
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message.replace('\n', ' ').trim());
    }
}
