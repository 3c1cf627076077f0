package org.marketlens.framework.internal.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code marketlens install <jar>}: copies a bundle into the deploy folder, where FileInstall installs it (or updates
 * the bundle from a jar of the same name) within a second while Marketlens runs, and at the next start otherwise.
 */
@Command(name = "install", mixinStandardHelpOptions = true,
        description = "Copy a bundle jar into the deploy folder (installed, or updated, by FileInstall).")
final class InstallCommand implements Callable<Integer> {
    private final Path home;
    private final Path deploy;
    @Spec
    private CommandSpec spec;
    @Parameters(index = "0", paramLabel = "<jar>", description = "the OSGi bundle jar")
    private Path jar;

    InstallCommand(Path home, Path deploy) {
        this.home = home;
        this.deploy = deploy;
    }

    @Override
    public Integer call() throws IOException {
        Path source = home.resolve(jar).toAbsolutePath().normalize();
        if (!Files.isRegularFile(source)) {
            throw new CommandFailure("no such file: " + source);
        }
        String symbolicName = symbolicName(source);
        Files.createDirectories(deploy);
        Path target = deploy.resolve(source.getFileName().toString());
        // Copy under a name FileInstall ignores, then rename: it never sees half a jar.
        Path partial = deploy.resolve("." + source.getFileName() + ".part");
        Files.copy(source, partial, StandardCopyOption.REPLACE_EXISTING);
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        spec.commandLine().getOut().printf("copied %s (%s) to %s; FileInstall installs it within a second while Marketlens runs%n",
                source.getFileName(), symbolicName, target);
        spec.commandLine().getOut().flush();
        return 0;
    }

    private static String symbolicName(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            String name = manifest == null ? null : manifest.getMainAttributes().getValue("Bundle-SymbolicName");
            if (name == null) {
                throw new CommandFailure("not an OSGi bundle (no Bundle-SymbolicName in its manifest): " + jar);
            }
            return name.split(";")[0].trim();
        } catch (IOException e) {
            throw new CommandFailure("not a jar: " + jar + " (" + e.getMessage() + ")");
        }
    }
}
