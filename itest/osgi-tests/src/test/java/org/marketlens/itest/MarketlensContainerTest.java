package org.marketlens.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.cleanCaches;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.systemPackages;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import javax.inject.Inject;
import org.marketlens.api.data.DatasetLoader;
import org.marketlens.api.eval.EvaluationResult;
import org.marketlens.api.eval.Evaluator;
import org.marketlens.api.nn.Loss;
import org.marketlens.api.rec.ModelProvider;
import org.marketlens.api.rec.Query;
import org.marketlens.api.rec.Recommender;
import org.marketlens.api.train.NegativeSampler;
import org.marketlens.framework.experiment.ExperimentReport;
import org.marketlens.framework.experiment.ExperimentRunner;
import org.marketlens.framework.experiment.ExperimentSpec;
import org.marketlens.framework.experiment.ExperimentSpec.ModelSpec;
import org.marketlens.framework.experiment.ExperimentSpec.PluginSpec;
import org.marketlens.framework.experiment.ExperimentSpec.TrainingSpec;
import org.marketlens.framework.experiment.PluginRegistry;
import org.marketlens.framework.experiment.Progress;
import org.marketlens.launcher.SystemPackages;
import org.junit.Test;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.marketlens.api.delivery.DeliveryPredictor;
import org.marketlens.api.delivery.DeliveryWorkflow;
import org.marketlens.api.delivery.TimePoint;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * The launcher's bundle set in a real Felix 7 (Pax Exam native container): the same bundles from
 * {@code launcher/target/marketlens/bundles}, the same class-path libraries (ND4J with its natives) exported by the
 * system bundle as {@link SystemPackages} computes them from {@code lib/}. One container serves every test; tests that
 * install the sample third-party model uninstall it again.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class MarketlensContainerTest {
    /** HIT@10 of a random ranking of 1 positive among 100 sampled negatives: 10/101. */
    private static final double RANDOM_HIT10 = 10.0 / 101;
    private static final String SAMPLE = "SampleItemMean";
    private static final String SAMPLE_BSN = "org.marketlens.sample.model";

    @Inject
    private BundleContext context;

    @Inject
    private PluginRegistry plugins;

    @Configuration
    public Option[] configuration() throws IOException {
        Path dist = Path.of(System.getProperty("marketlens.dist")).toAbsolutePath().normalize();
        Path lib = dist.resolve("lib");
        Path bundles = dist.resolve("bundles");
        if (!Files.isDirectory(lib) || !Files.isDirectory(bundles)) {
            throw new IllegalStateException("no launcher distribution at " + dist + "; build launcher/ first (mvn package)");
        }
        List<Option> options = new ArrayList<>();
        options.add(cleanCaches());
        options.add(frameworkProperty("felix.log.level").value("1"));
        List<String> packages = new ArrayList<>();
        SystemPackages.of(SystemPackages.libraryJars(lib)).forEach((pkg, version) ->
                packages.add(version.isEmpty() ? pkg : pkg + ";version=\"" + version + "\""));
        options.add(systemPackages(packages.toArray(String[]::new)));
        options.add(systemProperty("marketlens.sample.jar").value(System.getProperty("marketlens.sample.jar")));
        options.add(systemProperty("marketlens.dist").value(dist.toString()));
        try (Stream<Path> jars = Files.list(bundles)) {
            for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                boolean start = !isFragment(jar) && !jar.getFileName().toString().startsWith("org.apache.felix.gogo.shell");
                options.add(bundle(jar.toUri().toString()).start(start));
            }
        }
        options.add(junitBundles());
        return options.toArray(Option[]::new);
    }

    private static boolean isFragment(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getManifest() != null && file.getManifest().getMainAttributes().getValue(Constants.FRAGMENT_HOST) != null;
        }
    }

    /** Test 1: every bundle of the distribution is active (fragments and the console resolved), every plugin registered. */
    @Test
    public void everyBundleIsActiveAndThePluginsAreRegistered() throws Exception {
        String dist = Path.of(System.getProperty("marketlens.dist")).resolve("bundles").toUri().toString();
        int seen = 0;
        List<Bundle> passiveBundles = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            if (b.getLocation().startsWith(dist) && b.getState() == Bundle.INSTALLED) {
                passiveBundles.add(b);
            }
        }
        // Felix resolves a bundle that nobody starts only on demand; ask for it, as the console's start would
        assertTrue("fragments and the console resolve: " + passiveBundles,
                context.getBundle(0).adapt(FrameworkWiring.class).resolveBundles(passiveBundles));
        for (Bundle b : context.getBundles()) {
            if (!b.getLocation().startsWith(dist)) {
                continue;
            }
            seen++;
            boolean passive = b.getHeaders().get(Constants.FRAGMENT_HOST) != null
                    || "org.apache.felix.gogo.shell".equals(b.getSymbolicName());
            assertEquals(b.getSymbolicName() + " state", passive ? Bundle.RESOLVED : Bundle.ACTIVE, b.getState());
        }
        try (Stream<Path> jars = Files.list(Path.of(System.getProperty("marketlens.dist")).resolve("bundles"))) {
            assertEquals("every jar of bundles/ is installed", jars.filter(p -> p.toString().endsWith(".jar")).count(), seen);
        }
        awaitNames(ModelProvider.class, "MF-BPR", "ItemKNN", "Popularity");
        awaitNames(Loss.class, "BPR", "APR");
        awaitNames(NegativeSampler.class, "uniform");
        awaitNames(Evaluator.class, "loo-sampled");
        awaitNames(DatasetLoader.class, "synthetic");
        assertFalse("the sample model is not part of the bundle set",
                plugins.find(ModelProvider.class, SAMPLE).isPresent());
    }

    /** Test 2: MF-BPR trains with SameDiff inside the container, scores are finite and it beats a random ranking. */
    @Test
    public void sameDiffModelTrainsInsideTheContainer() throws Exception {
        Path out = Files.createTempDirectory("itest-mfbpr");
        ExperimentReport report = new ExperimentRunner(plugins, Progress.NONE).run(spec("itest MF-BPR",
                new ModelSpec(null, "Popularity", null, null, null, null, null, null), mfBpr()), out);
        EvaluationResult mf = report.results().get("MF-BPR");
        double hit = mf.mean("HIT@10");
        assertTrue("MF-BPR HIT@10 " + hit + " must beat random " + RANDOM_HIT10, hit > RANDOM_HIT10);
        assertTrue("NDCG@10 finite", Double.isFinite(mf.mean("NDCG@10")));
        Path snapshot = out.resolve("models").resolve("MF-BPR.model");
        Recommender model;
        try (InputStream in = Files.newInputStream(snapshot)) {
            model = plugins.require(ModelProvider.class, "MF-BPR").load(in);
        }
        float[] scores = model.scoreAll(Query.of(0));
        assertEquals(300, scores.length);
        float first = scores[0];
        boolean varies = false;
        for (float s : scores) {
            assertTrue("finite score", Float.isFinite(s));
            varies |= s != first;
        }
        assertTrue("a trained model does not score every item alike", varies);
    }

    /**
     * Test 3: a plugin bundle is updated to a new version and uninstalled while an evaluation runs; the evaluation
     * finishes with the results of an undisturbed run, and the next lookup sees the new version.
     */
    @Test
    public void hotSwapDuringAnEvaluation() throws Exception {
        Path v1 = Path.of(System.getProperty("marketlens.sample.jar"));
        Path v2 = VersionedJar.withVersion(v1, "0.2.0", Files.createTempDirectory("itest-v2"));
        Bundle sample = context.installBundle(v1.toUri().toString());
        try {
            sample.start();
            assertEquals(SAMPLE_BSN + " 0.1.0.SNAPSHOT", awaitOrigin(SAMPLE, "0.1.0.SNAPSHOT"));
            ModelProvider before = plugins.require(ModelProvider.class, SAMPLE);
            // a model of the old revision, held across the swap like a model in the middle of an evaluation
            var data = plugins.require(DatasetLoader.class, "synthetic")
                    .load(Map.of("users", 50, "items", 40, "interactionsPerUser", 10, "seed", 3)).interactions();
            Recommender held = before.train(data, Map.of(), null);
            float[] heldScores = held.scoreAll(Query.of(0));

            ExperimentSpec spec = spec("itest hot swap", mfBpr());
            EvaluationResult undisturbed = new ExperimentRunner(plugins, Progress.NONE)
                    .run(spec, Files.createTempDirectory("itest-a")).results().get("MF-BPR");

            CountDownLatch training = new CountDownLatch(1);
            Progress signal = new Progress() {
                @Override
                public void update(String task, long done, long total) {
                    training.countDown();
                }

                @Override
                public void message(String line) {
                }
            };
            ExecutorService background = Executors.newSingleThreadExecutor();
            try {
                Path out = Files.createTempDirectory("itest-b");
                Future<ExperimentReport> running = background.submit(() -> new ExperimentRunner(plugins, signal).run(spec, out));
                assertTrue("training reported progress", training.await(120, TimeUnit.SECONDS));
                assertFalse("the evaluation still runs when the bundle is swapped", running.isDone());

                sample.update(Files.newInputStream(v2));
                refresh(sample);
                assertEquals(SAMPLE_BSN + " 0.2.0", awaitOrigin(SAMPLE, "0.2.0"));
                ModelProvider after = plugins.require(ModelProvider.class, SAMPLE);
                assertNotEquals("the update brings a new class loader",
                        before.getClass().getClassLoader(), after.getClass().getClassLoader());
                sample.uninstall();
                refresh(sample);
                assertFalse("uninstalled", plugins.find(ModelProvider.class, SAMPLE).isPresent());

                assertTrue("a model of the uninstalled revision still scores as before",
                        Arrays.equals(heldScores, held.scoreAll(Query.of(0))));
                EvaluationResult disturbed = running.get(180, TimeUnit.SECONDS).results().get("MF-BPR");
                for (String metric : undisturbed.metrics()) {
                    assertTrue(metric + " per case equals the undisturbed run",
                            Arrays.equals(undisturbed.values().get(metric), disturbed.values().get(metric)));
                }
                assertTrue(Arrays.equals(undisturbed.users(), disturbed.users()));
            } finally {
                background.shutdownNow();
            }

            sample = context.installBundle(v2.toUri().toString());
            sample.start();
            assertEquals(SAMPLE_BSN + " 0.2.0", awaitOrigin(SAMPLE, "0.2.0"));
            Optional<ModelProvider> reinstalled = plugins.find(ModelProvider.class, SAMPLE);
            assertTrue(reinstalled.isPresent());
            assertEquals("0.2.0", sampleVersionProperty());
        } finally {
            if (sample.getState() != Bundle.UNINSTALLED) {
                sample.uninstall();
                refresh(sample);
            }
        }
    }

    /** Test 4: a third-party bundle installed at run time is evaluated by name. */
    @Test
    public void runtimeInstalledBundleIsEvaluatedByName() throws Exception {
        Bundle sample = context.installBundle(Path.of(System.getProperty("marketlens.sample.jar")).toUri().toString());
        try {
            sample.start();
            awaitOrigin(SAMPLE, "0.1.0.SNAPSHOT");
            assertEquals("0.1.0.SNAPSHOT", sampleVersionProperty());
            ExperimentReport report = new ExperimentRunner(plugins, Progress.NONE).run(spec("itest third party",
                    new ModelSpec(null, SAMPLE, null, null, null, null, null, null)), Files.createTempDirectory("itest-s"));
            EvaluationResult result = report.results().get(SAMPLE);
            assertNotNull(result);
            double hit = result.mean("HIT@10");
            assertTrue("item popularity among users beats random: " + hit, hit > RANDOM_HIT10);
            @SuppressWarnings("unchecked")
            Map<String, Object> models = (Map<String, Object>) report.provenance().get("models");
            assertTrue("provenance names the model: " + models, models.containsKey(SAMPLE));
        } finally {
            sample.uninstall();
            refresh(sample);
        }
    }

    /**
     * Test 5: a delivery predictor bundle is replaced while predictions keep being served; the workflow finds the
     * predictor by name at every call, so calls after the swap use the new revision and predict the same values.
     */
    @Test
    public void deliveryPredictorIsReplacedWhilePredictionsAreServed() throws Exception {
        DeliveryWorkflow workflow = plugins.require(DeliveryWorkflow.class, "chapter3");
        Path model = Files.createTempDirectory("itest-delivery").resolve("tp1.model");
        workflow.train(new DeliveryWorkflow.Source("synthetic", Map.of("size", "120", "seed", "1")), TimePoint.TP1,
                Map.of("selection", ""), model);
        DeliveryWorkflow.Source scored = new DeliveryWorkflow.Source("synthetic", Map.of("size", "40", "seed", "2"));
        List<DeliveryWorkflow.Prediction> reference = workflow.predict(model, scored);
        assertEquals(40, reference.size());

        Bundle xgboost = Arrays.stream(context.getBundles())
                .filter(b -> "org.marketlens.delivery.xgboost".equals(b.getSymbolicName())).findFirst().orElseThrow();
        Path v2 = VersionedJar.withVersion(Path.of(java.net.URI.create(xgboost.getLocation())), "0.2.0",
                Files.createTempDirectory("itest-xgb"));
        AtomicBoolean swapped = new AtomicBoolean();
        AtomicInteger servedAfterSwap = new AtomicInteger();
        AtomicInteger gaps = new AtomicInteger();
        ExecutorService background = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> serving = background.submit(() -> {
                int served = 0;
                while (servedAfterSwap.get() < 3) {
                    boolean after = swapped.get();
                    try {
                        List<DeliveryWorkflow.Prediction> p = workflow.predict(model, scored);
                        assertEquals("every served prediction equals the reference", reference, p);
                        served++;
                        if (after) {
                            servedAfterSwap.incrementAndGet();
                        }
                    } catch (IOException | IllegalArgumentException | IllegalStateException e) {
                        // only the instant between unregistering the old and registering the new service
                        assertTrue("only a missing service may interrupt serving: " + e.getMessage(),
                                e.getMessage().contains("not registered") || e.getMessage().contains("unknown"));
                        gaps.incrementAndGet();
                    }
                }
                return served;
            });
            Thread.sleep(200);
            xgboost.update(Files.newInputStream(v2));
            refresh(xgboost);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!String.valueOf(plugins.names(DeliveryPredictor.class).get("xgboost")).endsWith(" 0.2.0")
                    && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals("org.marketlens.delivery.xgboost 0.2.0", plugins.names(DeliveryPredictor.class).get("xgboost"));
            swapped.set(true);
            int served = serving.get(120, TimeUnit.SECONDS);
            assertTrue("predictions were served before and after the swap (" + served + ", gaps " + gaps + ")",
                    served >= 4);
        } finally {
            background.shutdownNow();
        }
    }

    private static ModelSpec mfBpr() {
        return new ModelSpec(null, "MF-BPR", Map.of("dim", 16), null, "BPR", null, "uniform", null);
    }

    private static ExperimentSpec spec(String name, ModelSpec... models) {
        return new ExperimentSpec(name, 7L, 1,
                new PluginSpec("synthetic", Map.of("users", 200, "items", 300, "interactionsPerUser", 20, "seed", 7)),
                new PluginSpec("loo-sampled", Map.of("negatives", 100, "metrics", List.of("HIT@10", "NDCG@10"))),
                new TrainingSpec(2, 2), List.of(), List.of(models));
    }

    private void awaitNames(Class<?> type, String... names) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        SortedMap<String, String> known = plugins.names(type);
        while (!known.keySet().containsAll(List.of(names)) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            known = plugins.names(type);
        }
        for (String name : names) {
            assertTrue(type.getSimpleName() + " " + name + " registered; known " + known.keySet(), known.containsKey(name));
            assertTrue(name + " resolves", plugins.find(type, name).isPresent());
        }
    }

    /** Waits until the sample model is registered from the given bundle version; returns its origin. */
    private String awaitOrigin(String name, String version) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        String origin = plugins.names(ModelProvider.class).get(name);
        while ((origin == null || !origin.endsWith(" " + version)) && System.nanoTime() < deadline) {
            Thread.sleep(20);
            origin = plugins.names(ModelProvider.class).get(name);
        }
        if (origin == null) {
            fail(name + " not registered within 20 s");
        }
        return origin;
    }

    private String sampleVersionProperty() throws Exception {
        var refs = context.getServiceReferences(ModelProvider.class, "(marketlens.name=" + SAMPLE + ")");
        assertEquals(1, refs.size());
        return String.valueOf(refs.iterator().next().getProperty("marketlens.version"));
    }

    private void refresh(Bundle bundle) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        context.getBundle(0).adapt(FrameworkWiring.class).refreshBundles(List.of(bundle), event -> {
            if (event.getType() == FrameworkEvent.PACKAGES_REFRESHED) {
                done.countDown();
            }
        });
        assertTrue("refresh finished", done.await(30, TimeUnit.SECONDS));
    }
}
