package org.marketlens.framework.testing;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;
import org.marketlens.api.data.Dataset;
import org.marketlens.api.data.DatasetLoader;
import org.marketlens.api.data.Split;
import org.marketlens.api.eval.EvaluationResult;
import org.marketlens.api.eval.Evaluator;
import org.marketlens.api.rec.Recommender;

/**
 * The shared harness of the AOTM-2011 benchmark mains (MdrAotm, FismAotm, MassAotmBench): the subset loaded and split
 * under protocol 2 of {@code config/experiments/protocols/aotm-protocol2.json} (format aotm, dedupe group-item,
 * playlists of at least 5 songs; split "playlist": per playlist one test and one development song, 100 sampled
 * negatives, HIT@10 / NDCG@10), test and per-epoch validation evaluation, peak RSS and load. The loader and the evaluator
 * are passed in (the playlists loader and the sampled leave-one-out evaluator are bundles the framework cannot depend
 * on); the bundle's main builds the model, its training context and its output lines.
 */
public final class PlaylistBenchmark {
    /** The loader parameters of protocol 2, without the path. */
    public static final Map<String, Object> LOADING = Map.of("format", "aotm", "dedupe", "group-item",
            "minGroupSize", 5);
    /** The evaluator parameters of protocol 2. */
    public static final Map<String, Object> PROTOCOL = Map.of("split", "playlist", "metrics",
            List.of("NDCG@10", "HIT@10"));

    private final Evaluator evaluator;
    private final Split split;
    private final double loadSeconds;

    private PlaylistBenchmark(Evaluator evaluator, Split split, double loadSeconds) {
        this.evaluator = evaluator;
        this.split = split;
        this.loadSeconds = loadSeconds;
    }

    /** @return {@code SHARED/data/playlists-aotm2011-subset/pick_playlist.txt} */
    public static Path subset(String shared) {
        return Path.of(shared, "data", "playlists-aotm2011-subset", "pick_playlist.txt");
    }

    /**
     * Loads and splits the subset, or prints {@code absent} (a format with one {@code %s} for the file) and returns
     * empty when it is not under {@code shared}.
     *
     * @param seed the split's seed (which songs are held out, which negatives are sampled)
     */
    public static Optional<PlaylistBenchmark> load(String shared, DatasetLoader loader, Evaluator evaluator, long seed,
            String absent) throws IOException {
        Path file = subset(shared);
        if (!Files.isRegularFile(file)) {
            System.out.println(String.format(absent, file));
            return Optional.empty();
        }
        long t0 = System.nanoTime();
        Map<String, Object> params = new java.util.HashMap<>(LOADING);
        params.put("path", file.toString());
        Dataset data = loader.load(params);
        Split split = evaluator.split(data, PROTOCOL, seed);
        return Optional.of(new PlaylistBenchmark(evaluator, split, (System.nanoTime() - t0) / 1e9));
    }

    /** @return the split (training interactions, validation and test cases) */
    public Split split() {
        return split;
    }

    /** @return seconds spent loading and splitting */
    public double loadSeconds() {
        return loadSeconds;
    }

    /** @return HIT@10 and NDCG@10 of {@code model} on the test cases */
    public EvaluationResult test(Recommender model) {
        return evaluator.evaluate(model, split.train(), split.test(), PROTOCOL);
    }

    /** @return HIT@10 and NDCG@10 of {@code model} on the validation (development) cases */
    public EvaluationResult validation(Recommender model) {
        return evaluator.evaluate(model, split.train(), split.validation(), PROTOCOL);
    }

    /** What a main prints after each epoch's validation. */
    @FunctionalInterface
    public interface EpochReport {
        /**
         * @param epoch             1-based
         * @param trainingSeconds   since the previous validation ended (or since the validation function was made)
         * @param validationSeconds of this validation
         */
        void epoch(int epoch, double trainingSeconds, double validationSeconds, EvaluationResult result);
    }

    /**
     * @return a validation function for {@link FixedTrainingContext#validation}: validation NDCG@10 after every epoch
     *         (early stopping keeps the best), timed and handed to {@code report}; its clock starts now
     */
    public Function<Recommender, OptionalDouble> validationEachEpoch(EpochReport report) {
        long[] last = {System.nanoTime()};
        int[] epoch = {0};
        return model -> {
            long start = System.nanoTime();
            EvaluationResult r = validation(model);
            long end = System.nanoTime();
            report.epoch(++epoch[0], (start - last[0]) / 1e9, (end - start) / 1e9, r);
            last[0] = System.nanoTime();
            return OptionalDouble.of(r.mean("NDCG@10"));
        };
    }

    /**
     * @return a progress listener that prints the steps done and steps per second for the first 200 steps and every
     *         10% of an epoch
     */
    public static FixedTrainingContext.ProgressListener progressPrinter() {
        long[] start = {System.nanoTime()};
        long[] lastTenth = {-1};
        return (stage, done, total) -> {
            long tenth = done * 10 / Math.max(1, total);
            if (done == 1) {
                start[0] = System.nanoTime();
                lastTenth[0] = 0;
            }
            if (tenth != lastTenth[0] || done <= 201) {
                lastTenth[0] = tenth;
                double s = (System.nanoTime() - start[0]) / 1e9;
                System.out.printf("  %s %d/%d steps in %.1f s (%.1f steps/s)%n", stage, done, total, s, done / s);
            }
        };
    }

    /** @return the process's peak resident set ({@code VmHWM} of {@code /proc/self/status}), or "unknown" */
    public static String peakRss() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (Files.isReadable(status)) {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    return line.substring(6).trim();
                }
            }
        }
        return "unknown";
    }

    /** @return the one-minute system load average */
    public static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** @return the line of {@code /proc/loadavg} (1, 5 and 15 minutes, tasks, last pid), or "?" */
    public static String loadLine() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "?";
        }
    }
}
