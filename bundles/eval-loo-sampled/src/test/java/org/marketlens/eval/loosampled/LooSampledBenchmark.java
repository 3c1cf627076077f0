package org.marketlens.eval.loosampled;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.marketlens.api.data.InteractionData;
import org.marketlens.api.data.Dataset;
import org.marketlens.api.data.Split;
import org.marketlens.api.eval.EvaluationResult;
import org.marketlens.api.rec.ModelProvider;
import org.marketlens.api.rec.Recommender;
import org.marketlens.data.ncf.NcfSplitLoader;
import org.marketlens.framework.data.DenseIdMap;
import org.marketlens.framework.data.Interactions;
import org.marketlens.framework.data.InteractionsBuilder;
import org.marketlens.model.itemknn.ItemKnnProvider;
import org.marketlens.model.popularity.PopularityProvider;

/**
 * Benchmark command, not a unit test: ItemKNN and Popularity under this protocol on the published ml-100k-loo split
 * (when {@code shared/data} is present) and on a 20,000-item Zipf catalogue (build time and heap). Run with the
 * test class path, e.g. {@code java -cp <test classpath> org.marketlens.eval.loosampled.LooSampledBenchmark [shared]}.
 */
public final class LooSampledBenchmark {
    private LooSampledBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        LooSampledEvaluator protocol = new LooSampledEvaluator();
        Path ml100k = Path.of(args.length > 0 ? args[0] : "../shared", "data", "ml-100k-loo");
        if (Files.isRegularFile(ml100k.resolve("ml100k.train.rating"))) {
            Dataset ds = new NcfSplitLoader().load(Map.of("dir", ml100k.toString(), "prefix", "ml100k"));
            Split split = protocol.split(ds, Map.of(), 0);
            run("ml-100k-loo", protocol, split, new ItemKnnProvider(), Map.of());
            run("ml-100k-loo", protocol, split, new PopularityProvider(), Map.of());
        } else {
            System.out.println("ml-100k-loo absent under " + ml100k + ": skipped");
        }
        Split split = protocol.split(new Dataset("zipf", zipf(20_000, 20_000, 50, 1), Optional.empty(), Map.of()),
                Map.of(), 1);
        run("zipf 20000x20000", protocol, split, new ItemKnnProvider(), Map.of());
    }

    /** Users with 50 distinct items each drawn from a Zipf(1) catalogue: a cheap large catalogue for build cost. */
    private static Interactions zipf(int users, int items, int perUser, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] cumulative = new double[items];
        double total = 0;
        for (int i = 0; i < items; i++) {
            total += 1.0 / (i + 1);
            cumulative[i] = total;
        }
        InteractionsBuilder b = Interactions.builder(DenseIdMap.identity(users), DenseIdMap.identity(items));
        for (int u = 0; u < users; u++) {
            java.util.Set<Integer> chosen = new java.util.HashSet<>();
            while (chosen.size() < perUser) {
                int i = java.util.Arrays.binarySearch(cumulative, random.nextDouble() * total);
                chosen.add(i < 0 ? -i - 1 : i);
            }
            long t = 0;
            for (int i : chosen) {
                b.add(u, i, InteractionData.NO_RATING, ++t, InteractionData.NO_GROUP);
            }
        }
        return b.build();
    }

    private static void run(String data, LooSampledEvaluator protocol, Split split, ModelProvider provider,
                            Map<String, Object> params) {
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long before = rt.totalMemory() - rt.freeMemory();
        long t0 = System.nanoTime();
        Recommender model = provider.train(split.train(), params, null);
        long t1 = System.nanoTime();
        long after = rt.totalMemory() - rt.freeMemory();
        EvaluationResult test = protocol.evaluate(model, split.train(), split.test(), Map.of());
        long t2 = System.nanoTime();
        System.out.printf("%-22s %-10s train %6.2f s  eval %5.2f s  heap +%4d MiB  test HIT@10 %.4f NDCG@10 %.4f"
                        + " (%d cases)%n", data, provider.getClass().getSimpleName().replace("Provider", ""),
                (t1 - t0) / 1e9, (t2 - t1) / 1e9, (after - before) >> 20, test.mean("HIT@10"), test.mean("NDCG@10"),
                test.users().length);
    }
}
