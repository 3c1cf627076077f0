package org.marketlens.itest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Writes a copy of a bundle jar whose manifest names another {@code Bundle-Version}: the "new release" of a plugin. */
final class VersionedJar {
    private VersionedJar() {
    }

    static Path withVersion(Path jar, String version, Path dir) throws IOException {
        Path out = dir.resolve(jar.getFileName().toString().replace(".jar", "-" + version + ".jar"));
        try (JarInputStream in = new JarInputStream(Files.newInputStream(jar))) {
            Manifest manifest = new Manifest(in.getManifest());
            manifest.getMainAttributes().put(new Attributes.Name("Bundle-Version"), version);
            Path tmp = Files.createTempFile(dir, "jar", ".tmp");
            try (OutputStream file = Files.newOutputStream(tmp); JarOutputStream jarOut = new JarOutputStream(file, manifest)) {
                for (JarEntry e = in.getNextJarEntry(); e != null; e = in.getNextJarEntry()) {
                    jarOut.putNextEntry(new JarEntry(e.getName()));
                    in.transferTo(jarOut);
                    jarOut.closeEntry();
                }
            }
            Files.move(tmp, out, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
        return out;
    }
}
