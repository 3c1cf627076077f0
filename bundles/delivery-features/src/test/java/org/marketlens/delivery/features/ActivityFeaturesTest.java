package org.marketlens.delivery.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.marketlens.api.delivery.AuthorRole;
import org.marketlens.api.delivery.Comment;
import org.marketlens.api.delivery.Creator;
import org.marketlens.api.delivery.DeliveryLabel;
import org.marketlens.api.delivery.FeatureExtractor;
import org.marketlens.api.delivery.Project;
import org.marketlens.api.delivery.Reward;
import org.marketlens.api.delivery.TimePoint;
import org.marketlens.api.delivery.Update;
import org.marketlens.delivery.data.SyntheticProjectSource;
import org.marketlens.framework.delivery.TimePointAudit;

class ActivityFeaturesTest {
    private static final Instant L = Instant.parse("2014-01-01T00:00:00Z");

    private static Instant day(double d) {
        return L.plusSeconds((long) (d * 86400));
    }

    /** Launch day 0, end day 20, LEDD day 120 → LRDD 100, TP2 = day 10, TP4 = day 25. */
    private static Project handMade() {
        List<Comment> comments = List.of(
                new Comment(day(0.5), "a", AuthorRole.BACKER, "When will it ship?"),
                new Comment(day(1.5), "creator", AuthorRole.CREATOR, "Soon."),
                new Comment(day(9.99), "b", AuthorRole.BACKER, "Nice."),
                new Comment(day(19.5), "a", AuthorRole.BACKER, "Great."),
                new Comment(day(21), "b", AuthorRole.BACKER, "Any news?"),
                new Comment(day(24), "creator", AuthorRole.CREATOR, "Yes."),
                new Comment(day(26), "creator", AuthorRole.CREATOR, "After TP4."));
        List<Update> updates = List.of(new Update(day(5), "u1"), new Update(day(15), "u2"),
                new Update(day(23), "u3"), new Update(day(30), "u4"));
        return new Project("h", "art", 1000, 1200, L, day(20), "Desc.", "Bio.", 2, 1, new Creator("c", 1, 2),
                List.of(new Reward("A print.", day(120), 10)), updates, comments, List.of(),
                new DeliveryLabel(true, 150.0));
    }

    @Test
    void creatorFeaturesAtTp4FollowA14() {
        double[] v = new CreatorFeatures().fit(List.of(handMade()), TimePoint.TP4, 1).extract(handMade());
        // TP3 counts (cumulative to day 20): creator comments {1.5}, updates {5, 15}
        // (TP3, TP4] = (20, 25]: creator comments {24}, updates {23}
        // update interval up to TP4: updates at 5, 15, 23 → (23 − 5) / 2 = 9 days
        // responses: question 0.5 → creator 1.5 (1 day); question 21 → creator 24 (3 days) → mean 2
        assertArrayEquals(new double[] {1, 2, 1, 1, 9, 2}, v, 1e-6);
    }

    @Test
    void creatorFeaturesAtTp2CountTheFirstHalfOnly() {
        double[] v = new CreatorFeatures().fit(List.of(handMade()), TimePoint.TP2, 1).extract(handMade());
        assertArrayEquals(new double[] {1, 1}, v, 1e-9);
        assertEquals(0, new CreatorFeatures().fit(List.of(handMade()), TimePoint.TP1, 1).features().size());
    }

    @Test
    void backerFeaturesCountUpToTp4() {
        double[] v = new BackerFeatures().fit(List.of(handMade()), TimePoint.TP4, 1).extract(handMade());
        assertArrayEquals(new double[] {4, 2, 2}, v, 1e-9);
    }

    @Test
    void temporalSlotsSplitFundraisingInto20() {
        double[] tp3 = new TemporalFeatures().fit(List.of(handMade()), TimePoint.TP3, 1).extract(handMade());
        assertEquals(20, tp3.length);
        // slot width 1 day: 0.5 → slot 1, 1.5 → slot 2, 9.99 → slot 10, 19.5 → slot 20
        assertEquals(1, tp3[0]);
        assertEquals(1, tp3[1]);
        assertEquals(1, tp3[9]);
        assertEquals(1, tp3[19]);
        assertEquals(4, sum(tp3));
        double[] tp2 = new TemporalFeatures().fit(List.of(handMade()), TimePoint.TP2, 1).extract(handMade());
        assertEquals(10, tp2.length);
        assertEquals(3, sum(tp2));
    }

    @Test
    void projectFeaturesKeepFundraisingCountsAtTp3ValuesForTp4() {
        ProjectFeatures f = new ProjectFeatures();
        double[] tp3 = f.fit(List.of(handMade()), TimePoint.TP3, 1).extract(handMade());
        double[] tp4 = f.fit(List.of(handMade()), TimePoint.TP4, 1).extract(handMade());
        assertArrayEquals(tp3, tp4);
        List<String> names = f.fit(List.of(handMade()), TimePoint.TP3, 1).features().stream().map(x -> x.name()).toList();
        assertEquals(100.0, tp3[names.indexOf("LRDD")], 1e-6);
        assertEquals(4.0, tp3[names.indexOf("nProjectComments")]);
        assertEquals(2.0, tp3[names.indexOf("nProjectUpdates")]);
        assertEquals(1.0, tp3[names.indexOf("category=art")]);
    }

    @Test
    void noFeatureIsUsedBeforeItsTimePoint() {
        List<Project> ps = new java.util.ArrayList<>(SyntheticProjectSource.generate(40, 5));
        ps.add(handMade());
        for (FeatureExtractor e : List.of(new ProjectFeatures(), new CreatorFeatures(), new BackerFeatures(),
                new TemporalFeatures())) {
            List<String> v = TimePointAudit.violations(e, ps, 1);
            assertTrue(v.isEmpty(), String.join("\n", v));
        }
    }

    private static double sum(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s;
    }
}
