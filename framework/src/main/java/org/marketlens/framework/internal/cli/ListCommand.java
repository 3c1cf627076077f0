package org.marketlens.framework.internal.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code marketlens list}: every registered plugin with its name, bundle and bundle version. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List the registered models, losses, samplers, evaluators, loaders and delivery plugins.")
final class ListCommand implements Callable<Integer> {
    private final Supplier<List<PluginEntry>> plugins;
    @Spec
    private CommandSpec spec;

    ListCommand(Supplier<List<PluginEntry>> plugins) {
        this.plugins = plugins;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.print(table(plugins.get()));
        out.flush();
        return 0;
    }

    /**
     * Formats plugins as aligned columns, one line per plugin.
     *
     * @param entries plugins in display order
     * @return the table with a header line, or a one-line note when nothing is registered
     */
    static String table(List<PluginEntry> entries) {
        if (entries.isEmpty()) {
            return "no plugins registered\n";
        }
        int kindWidth = "KIND".length();
        int nameWidth = "NAME".length();
        for (PluginEntry e : entries) {
            kindWidth = Math.max(kindWidth, e.kind().length());
            nameWidth = Math.max(nameWidth, e.name().length());
        }
        String format = "%-" + kindWidth + "s  %-" + nameWidth + "s  %s%n";
        StringBuilder table = new StringBuilder(String.format(format, "KIND", "NAME", "BUNDLE VERSION"));
        for (PluginEntry e : entries) {
            table.append(String.format(format, e.kind(), e.name(), e.origin()));
        }
        return table.toString();
    }
}
