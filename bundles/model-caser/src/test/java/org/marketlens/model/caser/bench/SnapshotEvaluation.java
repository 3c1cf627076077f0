package org.marketlens.model.caser.bench;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.marketlens.api.data.Dataset;
import org.marketlens.api.data.Split;
import org.marketlens.api.eval.EvaluationResult;
import org.marketlens.api.rec.Recommender;
import org.marketlens.data.ncf.NcfSplitLoader;
import org.marketlens.eval.loosampled.LooSampledEvaluator;
import org.marketlens.model.caser.CaserProvider;

/**
 * Command, not a unit test: scores a saved Caser snapshot (e.g. {@code reports/<run>/models/Caser.model} of
 * {@code ./marketlens run config/experiments/ml100k-seq-baselines.json}) on the published ml-100k-loo validation
 * and test cases, HIT@10 and NDCG@10 under both tie rules (MODELS.md §4.8, A-3), so a run that was stopped after
 * its snapshot was written still yields both metrics.
 * <pre>
 * java -cp &lt;test class path&gt; org.marketlens.model.caser.bench.SnapshotEvaluation SHARED SNAPSHOT
 * </pre>
 */
public final class SnapshotEvaluation {
    private SnapshotEvaluation() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0], "data", "ml-100k-loo");
        if (!Files.isRegularFile(dir.resolve("ml100k.train.rating"))) {
            System.out.println("ml-100k-loo absent under " + dir + ": skipped");
            return;
        }
        LooSampledEvaluator protocol = new LooSampledEvaluator();
        Dataset ds = new NcfSplitLoader().load(Map.of("dir", dir.toString(), "prefix", "ml100k"));
        Split split = protocol.split(ds, Map.of(), 0);
        Recommender model;
        try (InputStream in = Files.newInputStream(Path.of(args[1]))) {
            model = new CaserProvider().load(in);
        }
        for (String ties : new String[] {"pessimistic", "optimistic"}) {
            EvaluationResult validation = protocol.evaluate(model, split.train(), split.validation(),
                    Map.of("ties", ties));
            EvaluationResult test = protocol.evaluate(model, split.train(), split.test(), Map.of("ties", ties));
            System.out.printf("%s (ties %s): validation HIT@10 %.4f NDCG@10 %.4f; test HIT@10 %.4f NDCG@10 %.4f "
                    + "(%d cases)%n", args[1], ties, validation.mean("HIT@10"), validation.mean("NDCG@10"),
                    test.mean("HIT@10"), test.mean("NDCG@10"), test.users().length);
        }
    }
}
