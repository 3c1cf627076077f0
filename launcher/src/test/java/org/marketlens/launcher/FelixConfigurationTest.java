package org.marketlens.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FelixConfigurationTest {
    @TempDir
    Path dir;

    @Test
    void computedEntriesPointAtTheFoldersAndLibraries() throws IOException {
        Path lib = Files.createDirectories(dir.resolve("lib"));
        try (OutputStream out = Files.newOutputStream(lib.resolve("nd4j.jar")); JarOutputStream jar = new JarOutputStream(out)) {
            jar.putNextEntry(new JarEntry("org/nd4j/linalg/factory/Nd4j.class"));
            jar.closeEntry();
        }
        Path home = Files.createDirectories(dir.resolve("home"));
        Map<String, String> config = FelixConfiguration.create(lib, home, dir.resolve("cache"));
        assertEquals("org.nd4j.linalg.factory", config.get("org.osgi.framework.system.packages.extra"));
        assertEquals(dir.resolve("cache").toString(), config.get("org.osgi.framework.storage"));
        assertEquals(home.resolve("deploy").toString(), config.get("felix.fileinstall.dir"));
        assertEquals(home.resolve("deploy").toString(), config.get(FelixConfiguration.DEPLOY));
        assertEquals(home.toString(), config.get(FelixConfiguration.HOME));
        assertEquals("1000", config.get("felix.fileinstall.poll"), "packaged defaults are read");
        assertEquals("onFirstInit", config.get("org.osgi.framework.storage.clean"));
    }

    @Test
    void theHomeConfigOverridesThePackagedDefaults() throws IOException {
        Path lib = Files.createDirectories(dir.resolve("lib"));
        Path home = Files.createDirectories(dir.resolve("home/config")).getParent();
        Files.writeString(home.resolve("config/felix.properties"), "felix.fileinstall.poll=250\nextra.key=yes\n");
        Map<String, String> config = FelixConfiguration.create(lib, home, dir.resolve("cache"));
        assertEquals("250", config.get("felix.fileinstall.poll"));
        assertEquals("yes", config.get("extra.key"));
        assertEquals("", config.get("org.osgi.framework.system.packages.extra"), "an empty lib/ exports nothing extra");
        assertTrue(config.containsKey("felix.log.level"));
    }
}
