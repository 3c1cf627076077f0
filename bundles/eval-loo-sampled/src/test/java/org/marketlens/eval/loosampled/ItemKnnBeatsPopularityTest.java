package org.marketlens.eval.loosampled;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.marketlens.api.data.Dataset;
import org.marketlens.api.data.Split;
import org.marketlens.api.rec.Recommender;
import org.marketlens.data.synthetic.SyntheticLoader;
import org.marketlens.model.itemknn.ItemKnnProvider;
import org.marketlens.model.popularity.PopularityProvider;
import org.junit.jupiter.api.Test;

/**
 * Behaviour of the whole pipeline on the default synthetic data: its tastes are learnable, so a personalised model
 * (ItemKNN) must rank held-out items better than the popularity baseline under this protocol.
 */
class ItemKnnBeatsPopularityTest {
    @Test
    void itemKnnBeatsPopularityOnHitAtTen() {
        Dataset data = new SyntheticLoader().load(Map.of());
        LooSampledEvaluator protocol = new LooSampledEvaluator();
        Split split = protocol.split(data, Map.of(), 2024);
        // Both models are fitted in one pass and ignore the training context.
        Recommender knn = new ItemKnnProvider().train(split.train(), Map.of(), null);
        Recommender popularity = new PopularityProvider().train(split.train(), Map.of(), null);
        double knnHit = protocol.evaluate(knn, split.train(), split.test(), Map.of()).mean("HIT@10");
        double popHit = protocol.evaluate(popularity, split.train(), split.test(), Map.of()).mean("HIT@10");
        System.out.printf("synthetic defaults, test HIT@10: ItemKNN %.4f, Popularity %.4f%n", knnHit, popHit);
        assertTrue(knnHit > popHit + 0.1, "ItemKNN HIT@10 " + knnHit + " should beat Popularity " + popHit);
    }
}
