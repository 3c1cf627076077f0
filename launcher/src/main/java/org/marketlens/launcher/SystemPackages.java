package org.marketlens.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The packages the system bundle exports on top of the JDK's: every package of the plain jars on the launcher's class
 * path, for {@code org.osgi.framework.system.packages.extra}.
 *
 * <p><b>Why these libraries are on the class path and not bundles.</b> ND4J, JavaCPP, OpenBLAS and jline carry JNI
 * libraries. The JVM binds a native library to the first class loader that loads it; a second loader asking for the
 * same library fails with {@code UnsatisfiedLinkError: ... already loaded in another classloader}. Every update or
 * refresh of an OSGi bundle creates a new class loader, so a bundle holding natives could never be updated or
 * reinstalled in a running framework, and hot deploy would break the moment such a bundle (or anything wired to it)
 * is refreshed. On the launcher's class path the natives load once, in the application class loader, for the life of
 * the JVM; the system bundle exports their packages, so the pure-Java model, loss, sampler and evaluator bundles that
 * import {@code org.nd4j.*} can be installed, updated and uninstalled freely while the natives stay put. ND4J finds
 * its backend with {@link java.util.ServiceLoader}, which reads the thread context class loader; bundles set it to
 * ND4J's own loader on the first touch ({@code org.marketlens.framework.nn.Nd4jRuntime}).
 *
 * <p>A package keeps the version its jar's {@code Export-Package} header gives it (jline, slf4j and commons-math3
 * are OSGi bundles, and bnd imports them with version ranges); packages of plain jars are exported without a version.
 * This class is public so that integration tests can configure their own framework the same way.
 */
public final class SystemPackages {
    private static final String CLASS = ".class";
    private static final String VERSIONED = "META-INF/versions/";

    private SystemPackages() {
    }

    /**
     * Lists the distinct packages holding classes in the given jars.
     *
     * @param jars jar files; a package found in several keeps the first version seen
     * @return package name to version ({@code ""} when the jar declares none), sorted by package
     * @throws IOException if a jar cannot be read
     */
    public static SortedMap<String, String> of(Collection<Path> jars) throws IOException {
        SortedMap<String, String> packages = new TreeMap<>();
        for (Path jar : jars) {
            try (JarFile file = new JarFile(jar.toFile())) {
                Map<String, String> declared = exportedVersions(file.getManifest());
                Enumeration<JarEntry> entries = file.entries();
                while (entries.hasMoreElements()) {
                    String pkg = packageOf(entries.nextElement().getName());
                    if (pkg != null && !packages.containsKey(pkg)) {
                        packages.put(pkg, declared.getOrDefault(pkg, ""));
                    }
                }
            } catch (IOException e) {
                throw new IOException("cannot read " + jar + ": " + e.getMessage(), e);
            }
        }
        return packages;
    }

    /**
     * Formats packages as an {@code Export-Package} style clause list.
     *
     * @param packages package to version, as {@link #of} returns
     * @return {@code a.b,c.d;version="1.2.3"}, or {@code ""} for no packages
     */
    public static String clause(SortedMap<String, String> packages) {
        return packages.entrySet().stream()
                .map(e -> e.getValue().isEmpty() ? e.getKey() : e.getKey() + ";version=\"" + e.getValue() + "\"")
                .collect(Collectors.joining(","));
    }

    /**
     * The jars of a distribution's {@code lib/} folder whose packages the system bundle must export: every jar but
     * the OSGi framework itself, which exports its own packages.
     *
     * @param libDir the folder
     * @return the jars, sorted by file name
     * @throws IOException if the folder cannot be listed or a manifest cannot be read
     */
    public static List<Path> libraryJars(Path libDir) throws IOException {
        List<Path> jars = new ArrayList<>();
        try (Stream<Path> files = Files.list(libDir)) {
            for (Path jar : files.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList()) {
                if (!isFramework(jar)) {
                    jars.add(jar);
                }
            }
        }
        return jars;
    }

    private static boolean isFramework(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            return manifest != null && file.getEntry("org/osgi/framework/launch/FrameworkFactory.class") != null;
        }
    }

    /** The package of a class entry; {@code null} for resources, the default package and module descriptors. */
    static String packageOf(String entry) {
        String name = entry;
        if (name.startsWith(VERSIONED)) {
            int slash = name.indexOf('/', VERSIONED.length());
            if (slash < 0) {
                return null;
            }
            name = name.substring(slash + 1);
        }
        if (!name.endsWith(CLASS) || name.startsWith("META-INF/")) {
            return null;
        }
        int slash = name.lastIndexOf('/');
        if (slash <= 0) {
            return null;
        }
        return name.substring(0, slash).replace('/', '.');
    }

    /** Package to version from a manifest's {@code Export-Package}; empty when there is none. */
    static Map<String, String> exportedVersions(Manifest manifest) {
        Map<String, String> versions = new TreeMap<>();
        String header = manifest == null ? null : manifest.getMainAttributes().getValue(new Attributes.Name("Export-Package"));
        if (header == null) {
            return versions;
        }
        for (String clause : split(header, ',')) {
            List<String> names = new ArrayList<>();
            String version = "";
            for (String part : split(clause, ';')) {
                String p = part.trim();
                int eq = p.indexOf('=');
                if (eq < 0) {
                    names.add(p);
                } else if (p.substring(0, eq).trim().equals("version")) {
                    version = p.substring(eq + 1).trim().replace("\"", "");
                }
            }
            for (String name : names) {
                versions.put(name, version);
            }
        }
        return versions;
    }

    /** Splits on a separator outside double quotes. */
    private static List<String> split(String text, char separator) {
        List<String> parts = new ArrayList<>();
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == separator && !quoted) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(text.substring(start));
        return parts;
    }
}
