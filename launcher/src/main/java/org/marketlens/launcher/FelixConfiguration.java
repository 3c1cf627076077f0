package org.marketlens.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The framework properties of the embedded Felix, built in one place so that the launcher and integration tests start
 * the same framework. Sources, later ones winning: the {@code felix.properties} packaged in the launcher (a copy of
 * {@code config/felix.properties}), {@code <home>/config/felix.properties} when present, then {@code -D} system
 * properties for keys either file names; finally the computed entries: the cache folder, the system packages of the
 * class-path libraries ({@link SystemPackages}), the hot-deploy folder and the Marketlens folders.
 */
public final class FelixConfiguration {
    /** Framework property naming the working folder (reports, deploy/, config/). */
    public static final String HOME = "marketlens.home";
    /** Framework property naming the hot-deploy folder that FileInstall watches. */
    public static final String DEPLOY = "marketlens.deploy";
    static final String RESOURCE = "felix.properties";

    private FelixConfiguration() {
    }

    /**
     * Builds the framework properties.
     *
     * @param libDir  the distribution's {@code lib/}: every jar there but the framework is exported by the system bundle
     * @param home    working folder; its {@code deploy/} is watched and its {@code config/felix.properties} read
     * @param storage the bundle cache folder (emptied on the first init)
     * @return properties for {@code FrameworkFactory.newFramework}
     * @throws IOException if a properties file or a library jar cannot be read
     */
    public static Map<String, String> create(Path libDir, Path home, Path storage) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = FelixConfiguration.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException("the launcher jar lacks " + RESOURCE);
            }
            properties.load(in);
        }
        Path local = home.resolve("config").resolve(RESOURCE);
        if (Files.isRegularFile(local)) {
            try (Reader in = Files.newBufferedReader(local, StandardCharsets.ISO_8859_1)) {
                properties.load(in);
            }
        }
        Map<String, String> config = new TreeMap<>();
        for (String key : properties.stringPropertyNames()) {
            config.put(key, System.getProperty(key, properties.getProperty(key)));
        }
        Path deploy = home.resolve("deploy").toAbsolutePath().normalize();
        config.put("org.osgi.framework.storage", storage.toAbsolutePath().toString());
        config.put("org.osgi.framework.system.packages.extra", SystemPackages.clause(SystemPackages.of(SystemPackages.libraryJars(libDir))));
        config.put("felix.fileinstall.dir", deploy.toString());
        config.put(HOME, home.toAbsolutePath().normalize().toString());
        config.put(DEPLOY, deploy.toString());
        return config;
    }
}
