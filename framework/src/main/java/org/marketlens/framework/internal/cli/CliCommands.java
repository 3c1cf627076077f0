package org.marketlens.framework.internal.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import picocli.CommandLine;

/**
 * Parses and runs one {@code marketlens} command line with picocli. Exit status: 0 done, 1 the command failed (one
 * line on the error stream: missing file with its path, bad JSON field with its JSON path, unknown plugin name with
 * the known ones), 2 the command line itself is wrong.
 */
final class CliCommands {
    private final Supplier<List<PluginEntry>> plugins;
    private final Path deploy;

    /**
     * @param plugins the registered plugins, read when {@code list} runs
     * @param deploy  the hot-deploy folder
     */
    CliCommands(Supplier<List<PluginEntry>> plugins, Path deploy) {
        this.plugins = plugins;
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
                .addSubcommand(new ListCommand(plugins))
                .addSubcommand(new InstallCommand(deploy))
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
        if (e instanceof CommandFailure || e instanceof CommandLine.ParameterException) {
            return message.replace('\n', ' ').trim();
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file: " + message;
        }
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message.replace('\n', ' ').trim());
    }
}
