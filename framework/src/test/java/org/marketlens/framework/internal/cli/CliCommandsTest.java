package org.marketlens.framework.internal.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.marketlens.api.data.DatasetLoader;
import org.marketlens.api.eval.Evaluator;
import org.marketlens.api.nn.Loss;
import org.marketlens.api.rec.ModelProvider;
import org.marketlens.framework.experiment.PluginRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliCommandsTest {
    @TempDir
    Path home;

    /** A registry of named placeholders: enough for lookups, any call on a plugin fails the test. */
    private static final class NamedPlugins implements PluginRegistry {
        private final Map<Class<?>, SortedMap<String, String>> names = new java.util.HashMap<>();

        NamedPlugins with(Class<?> type, String name) {
            names.computeIfAbsent(type, t -> new TreeMap<>()).put(name, "org.example." + name.toLowerCase() + " 1.2.3");
            return this;
        }

        @Override
        public <T> Optional<T> find(Class<T> type, String name) {
            if (!names(type).containsKey(name)) {
                return Optional.empty();
            }
            return Optional.of(type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, m, a) -> {
                throw new AssertionError("unexpected call " + m);
            })));
        }

        @Override
        public SortedMap<String, String> names(Class<?> type) {
            return names.getOrDefault(type, new TreeMap<>());
        }
    }

    private record Outcome(int status, String out, String err) {
    }

    private Outcome execute(PluginRegistry plugins, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = new CliCommands(plugins, home, home.resolve("deploy")).execute(args, new PrintWriter(out), new PrintWriter(err));
        return new Outcome(status, out.toString(), err.toString());
    }

    private Outcome execute(String... args) {
        return execute(new NamedPlugins(), args);
    }

    private static int lines(String text) {
        return (int) text.lines().count();
    }

    @Test
    void listShowsEveryKindInOrderWithItsBundle() {
        NamedPlugins plugins = new NamedPlugins().with(Loss.class, "BPR").with(ModelProvider.class, "Popularity")
                .with(ModelProvider.class, "MF-BPR");
        Outcome o = execute(plugins, "list");
        assertEquals(0, o.status());
        assertEquals(List.of(
                "KIND    NAME        BUNDLE VERSION",
                "models  MF-BPR      org.example.mf-bpr 1.2.3",
                "models  Popularity  org.example.popularity 1.2.3",
                "losses  BPR         org.example.bpr 1.2.3"), o.out().lines().toList());
    }

    @Test
    void listSaysSoWhenNothingIsRegistered() {
        assertEquals("no plugins registered\n", execute("list").out());
    }

    @Test
    void unknownCommandIsOneLineAndStatusTwo() {
        Outcome o = execute("frobnicate");
        assertEquals(2, o.status());
        assertEquals(1, lines(o.err()));
        assertTrue(o.err().startsWith("marketlens: ") && o.err().contains("'frobnicate'"), o.err());
    }

    @Test
    void noCommandPrintsUsageAndFails() {
        Outcome o = execute();
        assertEquals(2, o.status());
        assertTrue(o.err().contains("Usage: marketlens") && o.err().contains("demo") && o.err().contains("install"), o.err());
    }

    @Test
    void runOfAMissingFileNamesTheAbsolutePath() {
        Outcome o = execute("run", "nope/spec.json");
        assertEquals(1, o.status());
        assertEquals("marketlens: no such file: " + home.resolve("nope/spec.json") + "\n", o.err());
    }

    @Test
    void runOfABadFieldNamesItsJsonPath() throws IOException {
        Files.writeString(home.resolve("bad.json"), """
                {"name": "x", "dataset": {"name": "synthetic"}, "protocol": {"name": "loo-sampled"},
                 "models": [{"model": "Popularity", "training": {"epochs": "many"}}]}
                """);
        Outcome o = execute("run", "bad.json");
        assertEquals(1, o.status());
        assertEquals(1, lines(o.err()), o.err());
        assertTrue(o.err().contains("models[0].training.epochs"), o.err());
    }

    @Test
    void runOfAnUnknownModelNamesTheKnownOnes() throws IOException {
        Files.writeString(home.resolve("spec.json"), """
                {"name": "x", "dataset": {"name": "synthetic"}, "protocol": {"name": "loo-sampled"},
                 "models": [{"model": "Nope"}]}
                """);
        NamedPlugins plugins = new NamedPlugins().with(DatasetLoader.class, "synthetic").with(Evaluator.class, "loo-sampled")
                .with(ModelProvider.class, "Popularity").with(ModelProvider.class, "ItemKNN");
        Outcome o = execute(plugins, "run", "spec.json");
        assertEquals(1, o.status());
        assertEquals("marketlens: unknown ModelProvider 'Nope'; known: ItemKNN, Popularity\n", o.err());
        assertFalse(Files.exists(home.resolve("reports")), "nothing is written for a spec that names unknown plugins");
    }

    @Test
    void statsPrintsTheDatasetRowWithTypedParameters() {
        Map<String, Object> seen = new java.util.HashMap<>();
        DatasetLoader tiny = params -> {
            seen.putAll(params);
            var b = org.marketlens.framework.data.Interactions.builder();
            b.add("u1", "a", Float.NaN, 1, -1).add("u1", "b", Float.NaN, 2, -1).add("u2", "a", Float.NaN, 3, -1)
                    .add("u2", "c", Float.NaN, 4, -1);
            return new org.marketlens.api.data.Dataset("tiny", b.build(), Optional.empty(), Map.of());
        };
        PluginRegistry plugins = new PluginRegistry() {
            @Override
            public <T> Optional<T> find(Class<T> type, String name) {
                return type == DatasetLoader.class && name.equals("tiny") ? Optional.of(type.cast(tiny)) : Optional.empty();
            }

            @Override
            public SortedMap<String, String> names(Class<?> type) {
                return type == DatasetLoader.class ? new TreeMap<>(Map.of("tiny", "test 1")) : new TreeMap<>();
            }
        };
        Outcome o = execute(plugins, "stats", "tiny", "-p", "size=3", "-p", "path=x.csv", "-p", "dedupe=true");
        assertEquals(0, o.status(), o.err());
        // 2 users, 3 items, 4 interactions: density 4 / 6 = 66.7%
        assertTrue(o.out().contains("| tiny | 2 | 3 | 4 | 66.7% |"), o.out());
        assertEquals(Map.of("size", 3L, "path", "x.csv", "dedupe", true), seen);
        Outcome unknown = execute(plugins, "stats", "nope");
        assertEquals(1, unknown.status());
        assertEquals("marketlens: unknown DatasetLoader 'nope'; known: tiny\n", unknown.err());
    }

    @Test
    void demoWithoutItsSpecNamesTheMissingFile() {
        Outcome o = execute("demo");
        assertEquals(1, o.status());
        assertEquals("marketlens: no such file: " + home.resolve("config/experiments/demo.json") + "\n", o.err());
    }

    @Test
    void installCopiesABundleIntoDeploy() throws IOException {
        Path jar = jar(home.resolve("plugin.jar"), "org.example.plugin");
        Outcome o = execute("install", jar.toString());
        assertEquals(0, o.status(), o.err());
        assertArrayEquals(Files.readAllBytes(jar), Files.readAllBytes(home.resolve("deploy/plugin.jar")));
        try (var files = Files.list(home.resolve("deploy"))) {
            assertEquals(List.of("plugin.jar"), files.map(p -> p.getFileName().toString()).toList(), "no temp file is left");
        }
        assertTrue(o.out().contains("org.example.plugin"), o.out());
    }

    @Test
    void installRefusesAJarThatIsNotABundle() throws IOException {
        Path jar = jar(home.resolve("plain.jar"), null);
        Outcome o = execute("install", jar.toString());
        assertEquals(1, o.status());
        assertEquals("marketlens: not an OSGi bundle (no Bundle-SymbolicName in its manifest): " + jar + "\n", o.err());
        assertFalse(Files.exists(home.resolve("deploy/plain.jar")));
    }

    @Test
    void installOfAMissingFileNamesIt() {
        Outcome o = execute("install", "missing.jar");
        assertEquals(1, o.status());
        assertEquals("marketlens: no such file: " + home.resolve("missing.jar") + "\n", o.err());
    }

    private static Path jar(Path file, String symbolicName) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (symbolicName != null) {
            manifest.getMainAttributes().putValue("Bundle-SymbolicName", symbolicName + ";singleton:=true");
        }
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out, manifest)) {
            jar.flush();
        }
        return file;
    }
}
