package org.marketlens.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SystemPackagesTest {
    @TempDir
    Path dir;

    @Test
    void listsDistinctClassPackagesOnly() throws IOException {
        Path jar = jar("plain.jar", null, "a/b/C.class", "a/b/D.class", "a/b/sub/E.class", "a/b/data.txt",
                "Top.class", "module-info.class", "META-INF/MANIFEST.MF.extra", "META-INF/versions/11/x/y/Z.class",
                "META-INF/versions/11/module-info.class", "r/only/resource.properties");
        SortedMap<String, String> expected = new TreeMap<>(Map.of("a.b", "", "a.b.sub", "", "x.y", ""));
        assertEquals(expected, SystemPackages.of(List.of(jar)));
    }

    @Test
    void keepsTheVersionsTheManifestExports() throws IOException {
        Path jar = jar("bundle.jar", "a.b;uses:=\"c.d,e.f\";version=\"1.2.3\",c.d;e.f;version=2.0,g.h",
                "a/b/C.class", "c/d/C.class", "e/f/C.class", "g/h/C.class", "private/P.class");
        assertEquals("a.b;version=\"1.2.3\",c.d;version=\"2.0\",e.f;version=\"2.0\",g.h,private",
                SystemPackages.clause(SystemPackages.of(List.of(jar))));
    }

    @Test
    void theFirstJarOfAPackageWins() throws IOException {
        Path first = jar("first.jar", "p;version=1", "p/A.class");
        Path second = jar("second.jar", "p;version=2", "p/B.class", "q/C.class");
        assertEquals(new TreeMap<>(Map.of("p", "1", "q", "")), SystemPackages.of(List.of(first, second)));
    }

    @Test
    void libraryJarsSkipTheFrameworkAndNonJars() throws IOException {
        Path lib = Files.createDirectories(dir.resolve("lib"));
        jar("lib/z-library.jar", null, "z/Z.class");
        jar("lib/felix.jar", "org.osgi.framework.launch", "org/osgi/framework/launch/FrameworkFactory.class");
        jar("lib/a-library.jar", null, "a/A.class");
        Files.writeString(lib.resolve("notes.txt"), "not a jar");
        assertEquals(List.of(lib.resolve("a-library.jar"), lib.resolve("z-library.jar")), SystemPackages.libraryJars(lib));
    }

    @Test
    void packageOfIgnoresResourcesAndTheDefaultPackage() {
        assertEquals("org.nd4j.linalg", SystemPackages.packageOf("org/nd4j/linalg/Nd4j.class"));
        assertEquals("org.jline.utils", SystemPackages.packageOf("META-INF/versions/9/org/jline/utils/X.class"));
        assertNull(SystemPackages.packageOf("Main.class"));
        assertNull(SystemPackages.packageOf("org/nd4j/nd4j.properties"));
        assertNull(SystemPackages.packageOf("META-INF/services/org.nd4j.linalg.factory.Nd4jBackend"));
    }

    @Test
    void anUnreadableJarIsNamedInTheError() throws IOException {
        Path broken = Files.writeString(dir.resolve("broken.jar"), "not a zip");
        IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class, () -> SystemPackages.of(List.of(broken)));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains(broken.toString()), e.getMessage());
    }

    private Path jar(String name, String exportPackage, String... entries) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (exportPackage != null) {
            manifest.getMainAttributes().putValue("Export-Package", exportPackage);
        }
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out, manifest)) {
            for (String entry : entries) {
                jar.putNextEntry(new JarEntry(entry));
                jar.write(1);
                jar.closeEntry();
            }
        }
        return file;
    }
}
