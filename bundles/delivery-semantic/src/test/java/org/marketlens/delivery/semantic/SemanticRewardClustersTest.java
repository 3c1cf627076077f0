package org.marketlens.delivery.semantic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.marketlens.api.delivery.Creator;
import org.marketlens.api.delivery.DeliveryLabel;
import org.marketlens.api.delivery.DeliveryWorkflow;
import org.marketlens.api.delivery.Feature;
import org.marketlens.api.delivery.FeatureBlock;
import org.marketlens.api.delivery.FeatureExtractor;
import org.marketlens.api.delivery.Project;
import org.marketlens.api.delivery.Reward;
import org.marketlens.api.delivery.TimePoint;
import org.marketlens.delivery.data.SyntheticProjectSource;
import org.marketlens.framework.delivery.TimePointAudit;

class SemanticRewardClustersTest {
    private static final List<String> EASY = List.of("thank", "credit", "sticker", "postcard", "email", "wallpaper");
    private static final List<String> HARD = List.of("film", "device", "prototype", "hardware", "sculpture", "dinner");
    private static final Instant T0 = Instant.parse("2014-01-01T00:00:00Z");

    /** Projects whose rewards are either all-easy or all-hard texts; backers = 10 × (reward index + 1). */
    private static List<Project> twoKinds(int n, long seed) {
        Random rnd = new Random(seed);
        List<Project> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<Reward> rewards = new ArrayList<>();
            for (int r = 0; r < 3; r++) {
                List<String> words = (i + r) % 2 == 0 ? EASY : HARD;
                StringBuilder text = new StringBuilder("You get a");
                for (int w = 0; w < 4; w++) {
                    text.append(' ').append(words.get(rnd.nextInt(words.size())));
                }
                rewards.add(new Reward(text + ".", T0.plusSeconds(86_400L * 90), 10 * (r + 1)));
            }
            out.add(new Project("p" + i, "art", 1000, 1200, T0, T0.plusSeconds(86_400L * 30), "", "", 0, 0,
                    new Creator("c", 0, 0), rewards, List.of(), List.of(), List.of(), new DeliveryLabel(i % 3 == 0, null)));
        }
        return out;
    }

    @Test
    void easyAndHardRewardsFallIntoDifferentClusters() {
        List<Project> projects = twoKinds(80, 1);
        RewardClustering c = RewardClustering.fit(projects, new RewardClustering.Settings(
                new org.marketlens.framework.delivery.text.Glove.Settings(10, 20, 15, 5, 100, 0.75, 0.05), 10, 10, 3,
                false, 0, 2, 2), 4);
        assertEquals(2, c.clusters());
        for (String e : EASY) {
            for (String h : HARD) {
                assertTrue(c.clusterOf("a " + e + " " + e) != c.clusterOf("a " + h + " " + h), e + " vs " + h);
            }
        }
    }

    @Test
    void literalBicKeepsOneWordClusterWhenThePenaltyDwarfsTheDistances() {
        // GloVe vectors of this tiny corpus have norms far below 1, while each extra cluster costs ln(240)·10 ≈ 55
        // (Eq. 3.1 with n = 240 rewards, m = 10): K1 = 1, so every reward vector is its in-vocabulary token count
        List<Project> projects = twoKinds(80, 1);
        RewardClustering c = RewardClustering.fit(projects, new RewardClustering.Settings(
                new org.marketlens.framework.delivery.text.Glove.Settings(10, 20, 15, 5, 100, 0.75, 0.05), 10, 10, 3,
                false, 0, 0, 0), 4);
        assertEquals(1, c.wordClusters());
        assertEquals(c.clusterOf("a thank thank credit sticker"), c.clusterOf("a film device hardware dinner"));
    }

    @Test
    void columnsSumBackersPerClusterAndAreTheSameAtEveryTimePoint() {
        List<Project> projects = twoKinds(60, 2);
        SemanticRewardClusters extractor = new SemanticRewardClusters(8, 8, 2);
        List<Feature> first = null;
        for (TimePoint tp : TimePoint.values()) {
            FeatureBlock block = extractor.fit(projects, tp, 17L * tp.ordinal());
            if (first == null) {
                first = block.features();
            }
            assertEquals(first, block.features());
            for (Feature f : block.features()) {
                assertEquals(TimePoint.TP1, f.availableFrom());
                assertEquals("semantic", f.group());
            }
            for (Project p : projects) {
                double sum = 0;
                for (double v : block.extract(p)) {
                    sum += v;
                }
                assertEquals(60.0, sum, 1e-9, "10 + 20 + 30 backers");
            }
        }
    }

    @Test
    void backerCountsSettingPicksFinalOrTimePointCountsAtTp1() {
        List<Project> projects = twoKinds(60, 2);
        SemanticRewardClusters extractor = new SemanticRewardClusters(8, 8, 2);
        assertSame(extractor, extractor.withSettings(Map.of()));
        assertSame(extractor, extractor.withSettings(Map.of(DeliveryWorkflow.BACKER_COUNTS, "final")));
        FeatureExtractor atTp = extractor.withSettings(Map.of(DeliveryWorkflow.BACKER_COUNTS, "timePoint"));
        FeatureBlock fin = extractor.fit(projects, TimePoint.TP1, 1);
        FeatureBlock known = atTp.fit(projects, TimePoint.TP1, 1);
        assertEquals(fin.features(), known.features(), "one clustering for both variants");
        for (Project p : projects) {
            double[] f = fin.extract(p);
            double[] k = known.extract(p);
            double sumF = 0;
            double sumK = 0;
            for (int c = 0; c < f.length; c++) {
                sumF += f[c];
                sumK += k[c];
                assertEquals(k[c] > 0, f[c] > 0, "same clusters, other weights");
            }
            assertEquals(60.0, sumF, 1e-9, "final: 10 + 20 + 30 backers");
            assertEquals(3.0, sumK, 1e-9, "time point: backers unknown at launch, each of the 3 rewards counts 1");
        }
        assertThrows(IllegalArgumentException.class,
                () -> extractor.withSettings(Map.of(DeliveryWorkflow.BACKER_COUNTS, "launch")));
    }

    @Test
    void usesNoDataAfterItsTimePointOnSyntheticProjects() {
        List<Project> projects = SyntheticProjectSource.generate(40, 3);
        assertEquals(List.of(), TimePointAudit.violations(new SemanticRewardClusters(6, 6, 1), projects, 5));
    }
}
