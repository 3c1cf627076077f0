package org.marketlens.delivery.semantic;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.marketlens.api.delivery.Project;
import org.marketlens.api.delivery.Reward;
import org.marketlens.framework.delivery.stats.Bic;
import org.marketlens.framework.delivery.stats.KMeans;
import org.marketlens.framework.delivery.text.Glove;

/**
 * Steps 1–6 of MODELS.md §1.4.6 on the rewards of the training projects: GloVe word vectors, word clusters with
 * K1 chosen by the BIC of Eq. 3.1, reward vectors of word-cluster token counts ({@code x_r ∈ N^K1}), and reward
 * clusters with K2 chosen by the same BIC. {@code n} of the penalty is the number of rewards in both searches, as
 * written; the distance is non-squared unless configured. A new reward is mapped through the vocabulary's
 * word clusters (out-of-vocabulary tokens ignored) to its nearest reward centroid; an all-zero vector joins the
 * centroid nearest the origin.
 */
final class RewardClustering {
    /**
     * @param glove       GloVe settings (§1.4.6 step 2)
     * @param kMaxWords   largest K1 tried (100)
     * @param kMaxRewards largest K2 tried (100)
     * @param restarts    k-means++ restarts per K (10, A-17)
     * @param squared     squared distances in the BIC's first term (false: Eq. 3.1 as written)
     * @param bicN        the {@code n} of the BIC penalty; 0 = the number of rewards, as written
     * @param kWords      a fixed K1 instead of the BIC search (0 = search)
     * @param kRewards    a fixed K2 instead of the BIC search (0 = search)
     */
    record Settings(Glove.Settings glove, int kMaxWords, int kMaxRewards, int restarts, boolean squared, long bicN,
            int kWords, int kRewards) {
    }

    private final Map<String, Integer> wordCluster;
    private final int wordClusters;
    private final KMeans.Clustering rewards;

    private RewardClustering(Map<String, Integer> wordCluster, int wordClusters, KMeans.Clustering rewards) {
        this.wordCluster = wordCluster;
        this.wordClusters = wordClusters;
        this.rewards = rewards;
    }

    static RewardClustering fit(List<Project> training, Settings s, long seed) {
        List<List<String>> docs = new ArrayList<>();
        for (Project p : training) {
            for (Reward r : p.rewards()) {
                docs.add(RewardTokens.of(r.description()));
            }
        }
        long n = Math.max(2, s.bicN() > 0 ? s.bicN() : docs.size());
        Glove.Vectors vectors = Glove.train(docs, s.glove(), seed);
        Map<String, Integer> wordCluster = new HashMap<>();
        int k1 = 1;
        if (!vectors.words().isEmpty()) {
            int cap = distinct(vectors.vectors());
            KMeans.Clustering words = s.kWords() > 0
                    ? KMeans.fit(vectors.vectors(), Math.min(s.kWords(), cap), s.restarts(), 100, seed + 1)
                    : Bic.choose(vectors.vectors(), 1, Math.min(s.kMaxWords(), cap), n, s.squared(), s.restarts(),
                            seed + 1).clustering();
            k1 = words.centroids().length;
            for (int i = 0; i < vectors.words().size(); i++) {
                wordCluster.put(vectors.words().get(i), words.assign()[i]);
            }
        }
        double[][] x = new double[docs.size()][];
        for (int i = 0; i < x.length; i++) {
            x[i] = vector(docs.get(i), wordCluster, k1);
        }
        if (x.length == 0) {
            x = new double[][] {new double[k1]};
        }
        int cap = distinct(x);
        KMeans.Clustering rewards = s.kRewards() > 0
                ? KMeans.fit(x, Math.min(s.kRewards(), cap), s.restarts(), 100, seed + 2)
                : Bic.choose(x, 1, Math.min(s.kMaxRewards(), cap), n, s.squared(), s.restarts(), seed + 2).clustering();
        return new RewardClustering(wordCluster, k1, rewards);
    }

    /** @return K2, the number of reward clusters (= feature columns) */
    int clusters() {
        return rewards.centroids().length;
    }

    /** @return K1, the number of word clusters */
    int wordClusters() {
        return wordClusters;
    }

    /** @return the reward cluster of a reward description */
    int clusterOf(String description) {
        return rewards.nearest(vector(RewardTokens.of(description), wordCluster, wordClusters));
    }

    /** @return the word cluster of each vocabulary word */
    Map<String, Integer> wordClusterOf() {
        return Map.copyOf(wordCluster);
    }

    private static double[] vector(List<String> tokens, Map<String, Integer> wordCluster, int k1) {
        double[] v = new double[k1];
        for (String t : tokens) {
            Integer c = wordCluster.get(t);
            if (c != null) {
                v[c]++;
            }
        }
        return v;
    }

    private static int distinct(double[][] points) {
        Set<List<Double>> seen = new HashSet<>();
        for (double[] p : points) {
            List<Double> key = new ArrayList<>(p.length);
            for (double d : p) {
                key.add(d);
            }
            seen.add(key);
        }
        return Math.max(1, seen.size());
    }
}
