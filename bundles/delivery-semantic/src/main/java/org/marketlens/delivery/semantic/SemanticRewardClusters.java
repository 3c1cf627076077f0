package org.marketlens.delivery.semantic;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.marketlens.api.delivery.Feature;
import org.marketlens.api.delivery.FeatureBlock;
import org.marketlens.api.delivery.FeatureExtractor;
import org.marketlens.api.delivery.Project;
import org.marketlens.api.delivery.DeliveryWorkflow;
import org.marketlens.api.delivery.Reward;
import org.marketlens.api.delivery.TimePoint;
import org.marketlens.api.rec.PluginProperties;
import org.marketlens.framework.delivery.text.Glove;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Semantic reward-cluster features, MODELS.md §1.4.6 (row 16 of §1.4.1): {@code semanticRewardCluster[c](p) =
 * Σ_{r ∈ rewards(p), cluster(r) = c} backers(r)}, one column per reward cluster, available from TP1. The clustering
 * ({@link RewardClustering}) is learnt from the training projects' reward texts only and is shared by the
 * four time points of one training set: it is seeded from the training set's project ids, so every time point of
 * a fold gets the same clusters (A-9: the dissertation's cluster features are identical at TP1–TP4).
 *
 * <p>Backer counts: {@code final} (default, the dissertation's choice; the final per-reward backers leak
 * into TP1 and TP2) or {@code timePoint}: at TP1 each reward counts 1 (backers unknown), later each reward's final
 * backers scaled by the project's backers at the time point over its final total [ASSUMPTION: per-reward counts
 * over time are not in the project record]. The component's configuration sets the default; a workflow call picks
 * either with the setting {@link DeliveryWorkflow#BACKER_COUNTS} ({@link #withSettings}; {@code marketlens delivery
 * evaluate --backer-counts}). Variants share this instance's clustering cache (the clustering does not depend on
 * the backer counts).
 */
@Component(service = FeatureExtractor.class, property = PluginProperties.NAME + "=" + SemanticRewardClusters.GROUP)
@Designate(ocd = SemanticRewardClusters.Config.class)
public final class SemanticRewardClusters implements FeatureExtractor {
    static final String GROUP = "semantic";
    private static final int CACHE = 64;

    /** Configuration; defaults are MODELS.md §1.4.6. */
    @ObjectClassDefinition(name = "Semantic reward clusters")
    public @interface Config {
        /** @return K1 range */
        @AttributeDefinition(description = "largest number of word clusters tried (§1.4.6: 100)")
        int kMaxWords() default 100;

        /** @return K2 range */
        @AttributeDefinition(description = "largest number of reward clusters tried (§1.4.6: 100)")
        int kMaxRewards() default 100;

        /** @return restarts */
        @AttributeDefinition(description = "k-means++ restarts per K (A-17: 10)")
        int restarts() default 10;

        /** @return GloVe size */
        @AttributeDefinition(description = "GloVe vector size (50)")
        int dimension() default 50;

        /** @return GloVe iterations */
        @AttributeDefinition(description = "GloVe iterations (20)")
        int iterations() default 20;

        /** @return vocabulary threshold */
        @AttributeDefinition(description = "GloVe vocabulary minimum count (5)")
        int minCount() default 5;

        /** @return BIC n */
        @AttributeDefinition(description = "n of the BIC penalty, 0 = number of rewards as written (A-10)")
        long bicN() default 0;

        /** @return squared distances */
        @AttributeDefinition(description = "squared distances in the BIC's first term (A-10 option; false = Eq. 3.1)")
        boolean bicSquared() default false;

        /** @return fixed K1 */
        @AttributeDefinition(description = "fixed number of word clusters instead of the BIC search (0 = search)")
        int kWords() default 0;

        /** @return fixed K2 */
        @AttributeDefinition(description = "fixed number of reward clusters instead of the BIC search (0 = search)")
        int kRewards() default 0;

        /** @return backer counts */
        @AttributeDefinition(description = "backer counts: final (A-9 default) or timePoint")
        String backerCountsAsOf() default "final";
    }

    private RewardClustering.Settings settings = new RewardClustering.Settings(Glove.Settings.dissertation(), 100,
            100, 10, false, 0, 0, 0);
    private boolean finalBackers = true;
    private final Map<List<String>, CompletableFuture<RewardClustering>> cache;

    /** MODELS.md defaults. */
    public SemanticRewardClusters() {
        this.cache = new LinkedHashMap<>();
    }

    /**
     * @param kMaxWords   largest K1
     * @param kMaxRewards largest K2
     * @param restarts    k-means restarts per K
     */
    public SemanticRewardClusters(int kMaxWords, int kMaxRewards, int restarts) {
        this.cache = new LinkedHashMap<>();
        this.settings = new RewardClustering.Settings(Glove.Settings.dissertation(), kMaxWords, kMaxRewards, restarts,
                false, 0, 0, 0);
    }

    /**
     * @param kMaxWords   largest K1 searched by BIC
     * @param kMaxRewards largest K2 searched by BIC
     * @param restarts    k-means restarts per K
     * @param kWords      a fixed K1 instead of the BIC search (0 = search)
     * @param kRewards    a fixed K2 instead of the BIC search (0 = search)
     */
    public SemanticRewardClusters(int kMaxWords, int kMaxRewards, int restarts, int kWords, int kRewards) {
        this.cache = new LinkedHashMap<>();
        this.settings = new RewardClustering.Settings(Glove.Settings.dissertation(), kMaxWords, kMaxRewards, restarts,
                false, 0, kWords, kRewards);
    }

    /** @param settings all clustering settings (fixed K, BIC options) */
    SemanticRewardClusters(RewardClustering.Settings settings) {
        this.cache = new LinkedHashMap<>();
        this.settings = settings;
    }

    /** A variant with other backer counts, sharing the clustering settings and cache of {@code base}. */
    private SemanticRewardClusters(SemanticRewardClusters base, boolean finalBackers) {
        this.cache = base.cache;
        this.settings = base.settings;
        this.finalBackers = finalBackers;
    }

    @Activate
    void activate(Config c) {
        Glove.Settings d = Glove.Settings.dissertation();
        settings = new RewardClustering.Settings(new Glove.Settings(c.dimension(), c.iterations(), d.window(),
                c.minCount(), d.xMax(), d.alpha(), d.learningRate()), c.kMaxWords(), c.kMaxRewards(), c.restarts(),
                c.bicSquared(), c.bicN(), c.kWords(), c.kRewards());
        finalBackers = finalBackers(c.backerCountsAsOf());
    }

    /**
     * @param settings workflow settings; {@link DeliveryWorkflow#BACKER_COUNTS} = {@code final} or
     *                 {@code timePoint} picks the A-9 backer counts, absent keeps this instance's
     * @return this instance, or a variant with the other backer counts
     */
    @Override
    public FeatureExtractor withSettings(Map<String, String> settings) {
        String v = settings.get(DeliveryWorkflow.BACKER_COUNTS);
        if (v == null) {
            return this;
        }
        boolean fin = finalBackers(v);
        return fin == finalBackers ? this : new SemanticRewardClusters(this, fin);
    }

    /** @return whether the A-9 setting asks for final backer counts */
    private static boolean finalBackers(String value) {
        return switch (value) {
            case DeliveryWorkflow.BACKERS_FINAL -> true;
            case DeliveryWorkflow.BACKERS_TIME_POINT -> false;
            default -> throw new IllegalArgumentException("backer counts '" + value + "' unknown; known: "
                    + DeliveryWorkflow.BACKERS_FINAL + ", " + DeliveryWorkflow.BACKERS_TIME_POINT);
        };
    }

    @Override
    public String group() {
        return GROUP;
    }

    @Override
    public FeatureBlock fit(List<Project> training, TimePoint tp, long seed) {
        RewardClustering clustering = clustering(training);
        List<Feature> features = new ArrayList<>();
        for (int c = 0; c < clustering.clusters(); c++) {
            features.add(new Feature("semanticRewardCluster" + (c + 1), GROUP, TimePoint.TP1, false));
        }
        boolean fin = finalBackers;
        return new FeatureBlock() {
            @Override
            public List<Feature> features() {
                return features;
            }

            @Override
            public double[] extract(Project p) {
                double[] v = new double[features.size()];
                double total = 0;
                for (Reward r : p.rewards()) {
                    total += r.backers();
                }
                double scale = tp == TimePoint.TP1 || total == 0 ? 0
                        : Math.min(1.0, p.backersAt(java.time.Instant.MAX) / total);
                for (Reward r : p.rewards()) {
                    double w = fin ? r.backers() : tp == TimePoint.TP1 ? 1 : r.backers() * scale;
                    v[clustering.clusterOf(r.description())] += w;
                }
                return v;
            }
        };
    }

    /** One clustering per training set, computed once even when several time points ask at the same moment. */
    private RewardClustering clustering(List<Project> training) {
        List<String> ids = new ArrayList<>(training.size());
        for (Project p : training) {
            ids.add(p.id());
        }
        CompletableFuture<RewardClustering> mine = new CompletableFuture<>();
        CompletableFuture<RewardClustering> existing;
        synchronized (cache) {
            existing = cache.putIfAbsent(ids, mine);
            if (existing == null && cache.size() > CACHE) {
                cache.remove(cache.keySet().iterator().next());
            }
        }
        if (existing != null) {
            return existing.join();
        }
        try {
            mine.complete(RewardClustering.fit(training, settings, ids.hashCode()));
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            synchronized (cache) {
                cache.remove(ids);
            }
            throw e;
        }
        return mine.join();
    }
}
