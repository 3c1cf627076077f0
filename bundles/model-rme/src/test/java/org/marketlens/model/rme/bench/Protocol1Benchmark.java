package org.marketlens.model.rme.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import org.marketlens.api.data.EvalCase;
import org.marketlens.api.data.InteractionData;
import org.marketlens.api.eval.TieRule;
import org.marketlens.api.rec.ModelProvider;
import org.marketlens.api.rec.Recommender;
import org.marketlens.api.train.DislikeSampler;
import org.marketlens.framework.data.Interactions;
import org.marketlens.framework.data.InteractionsBuilder;
import org.marketlens.framework.eval.AveragePrecision;
import org.marketlens.framework.eval.Ndcg;
import org.marketlens.framework.eval.RankingEvaluation;
import org.marketlens.framework.eval.Recall;
import org.marketlens.framework.eval.SeenItems;
import org.marketlens.framework.testing.FixedTrainingContext;
import org.marketlens.model.cofactor.CofactorProvider;
import org.marketlens.model.item2vec.Item2VecProvider;
import org.marketlens.model.itemknn.ItemKnnProvider;
import org.marketlens.model.rme.RmeProvider;
import org.marketlens.model.wmf.WmfProvider;
import org.marketlens.sampler.em.EmDislikeSampler;

/**
 * Table 4.2 on MovieLens-100K with protocol 1 (MODELS.md §2.11): interactions sorted by time, the last 20% are test,
 * a random 12.5% of the first 80% validation, repeated with different validation draws; liked (rating ≥ 4)
 * held-out items are the ground truth; full ranking of the items outside the user's training (and, for test,
 * validation) items; early stopping on validation NDCG@100. Not a unit test. Run:
 * {@code java -cp <test classpath> org.marketlens.model.rme.bench.Protocol1Benchmark [u.data] [reps]}.
 */
public final class Protocol1Benchmark {
    private Protocol1Benchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path data = Path.of(args.length > 0 ? args[0] : System.getProperty("marketlens.shared", "../shared") + "/data/ml-100k/u.data");
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        InteractionsBuilder builder = Interactions.builder();
        List<String[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(data)) {
            rows.add(line.split("\t"));
        }
        rows.sort((a, b) -> Long.compare(Long.parseLong(a[3]), Long.parseLong(b[3])));
        for (String[] r : rows) {
            builder.add(r[0], r[1], Float.parseFloat(r[2]), Long.parseLong(r[3]), InteractionData.NO_GROUP);
        }
        Interactions all = builder.build();
        long[] times = new long[all.size()];
        for (int k = 0; k < all.size(); k++) {
            times[k] = all.timestamp(k);
        }
        long[] sorted = times.clone();
        Arrays.sort(sorted);
        long cut = sorted[(int) (0.8 * sorted.length)];
        Map<String, ModelProvider> providers = new LinkedHashMap<>();
        providers.put("Item-KNN", new ItemKnnProvider());
        providers.put("Item2Vec", new Item2VecProvider());
        providers.put("WMF", new WmfProvider());
        providers.put("Cofactor", new CofactorProvider());
        providers.put("U_RME", new RmeProvider());
        providers.put("I_RME", new RmeProvider());
        providers.put("RME", new RmeProvider());
        String[] metrics = {"Recall@5", "NDCG@20", "MAP@10"};
        Map<String, double[]> sums = new LinkedHashMap<>();
        RankingEvaluation validation = new RankingEvaluation(List.of(new Ndcg(100)), TieRule.PESSIMISTIC);
        RankingEvaluation test = new RankingEvaluation(
                List.of(new Recall(5), new Ndcg(20), new AveragePrecision(10)), TieRule.PESSIMISTIC);
        for (int rep = 0; rep < reps; rep++) {
            SplittableRandom random = new SplittableRandom(1000 + rep);
            boolean[] isTest = new boolean[all.size()];
            boolean[] isVal = new boolean[all.size()];
            for (int k = 0; k < all.size(); k++) {
                isTest[k] = times[k] >= cut;
                isVal[k] = !isTest[k] && random.nextDouble() < 0.125;
            }
            Interactions train = Interactions.subset(all, k -> !isTest[k] && !isVal[k]);
            int[] itemCount = Interactions.itemCounts(train);
            List<EvalCase> valCases = new ArrayList<>();
            List<EvalCase> testCases = new ArrayList<>();
            for (int u = 0; u < all.numUsers(); u++) {
                if (train.countOf(u) == 0) {
                    continue; // users absent from training
                }
                List<Integer> v = new ArrayList<>();
                List<Integer> vAll = new ArrayList<>();
                List<Integer> t = new ArrayList<>();
                for (int k = all.userStart(u); k < all.userEnd(u); k++) {
                    int i = all.item(k);
                    if (isVal[k]) {
                        vAll.add(i);
                    }
                    if (itemCount[i] == 0 || all.rating(k) < 4) {
                        continue; // A-4 and §2.2: liked held-out items of known items
                    }
                    if (isVal[k]) {
                        v.add(i);
                    } else if (isTest[k]) {
                        t.add(i);
                    }
                }
                if (!v.isEmpty()) {
                    valCases.add(new EvalCase(u, InteractionData.NO_GROUP, null, ints(v), null));
                }
                if (!t.isEmpty()) {
                    testCases.add(new EvalCase(u, InteractionData.NO_GROUP, ints(vAll), ints(t), null));
                }
            }
            SeenItems seen = new SeenItems(train, testCases);
            for (Map.Entry<String, ModelProvider> e : providers.entrySet()) {
                String label = e.getKey();
                Map<String, Object> params = new LinkedHashMap<>();
                if (e.getValue() instanceof RmeProvider) {
                    params.put("variant", label);
                }
                FixedTrainingContext ctx = new FixedTrainingContext(77 + rep, 50, 1)
                        .register(DislikeSampler.class, "em", new EmDislikeSampler())
                        .validation(r -> OptionalDouble.of(
                                validation.evaluate("val", r, train, valCases).mean("NDCG@100")));
                long t0 = System.nanoTime();
                Recommender model = e.getValue().train(train, params, ctx);
                double seconds = (System.nanoTime() - t0) / 1e9;
                var result = test.evaluate("protocol-1", model, seen, testCases);
                double[] s = sums.computeIfAbsent(label, x -> new double[metrics.length]);
                StringBuilder line = new StringBuilder(String.format("rep %d %-9s", rep, label));
                for (int m = 0; m < metrics.length; m++) {
                    double value = result.mean(result.metrics().get(m));
                    s[m] += value;
                    line.append(String.format(" %s=%.4f", metrics[m], value));
                }
                line.append(String.format(" train=%.1fs facts=%s", seconds, ctx.recorded));
                System.out.println(line);
            }
            System.out.printf("rep %d: %d train, %d validation users, %d test users%n", rep, train.size(),
                    valCases.size(), testCases.size());
        }
        System.out.printf("%n| Model | Recall@5 | NDCG@20 | MAP@10 |%n|---|---|---|---|%n");
        for (Map.Entry<String, double[]> e : sums.entrySet()) {
            System.out.printf("| %s | %.4f | %.4f | %.4f |%n", e.getKey(), e.getValue()[0] / reps,
                    e.getValue()[1] / reps, e.getValue()[2] / reps);
        }
    }

    private static int[] ints(List<Integer> list) {
        return list.stream().mapToInt(Integer::intValue).toArray();
    }
}
