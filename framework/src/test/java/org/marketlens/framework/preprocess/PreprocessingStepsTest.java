package org.marketlens.framework.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.marketlens.framework.preprocess.PreprocessFixtures.render;
import static org.marketlens.framework.preprocess.PreprocessFixtures.rows;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.marketlens.api.data.Dataset;
import org.marketlens.framework.data.Interactions;

class PreprocessingStepsTest {
    @Test
    void thresholdsSplitLikedDislikedAndNeutral() {
        Interactions data = rows("a x 5", "a y 4", "a z 3.5", "a w 3", "a v 2.5", "a t 2", "a s 1");
        RatingThresholds t = new RatingThresholds(4, 2);
        assertEquals("a:x,y", render(t.liked(data)));
        assertEquals("a:t,s", render(t.disliked(data)));
        assertEquals("a:x,y,t,s", render(t.likedOrDisliked(data)));
        assertThrows(IllegalArgumentException.class, () -> new RatingThresholds(3, 3));
    }

    @Test
    void implicitInteractionsAreLiked() {
        Interactions data = rows("a x", "a y");
        assertEquals("a:x,y", render(new RatingThresholds(4, 2).liked(data)));
    }

    @Test
    void deduplicationKeepsTheFirstOccurrence() {
        Interactions data = rows("a x - 3 1", "a y - 1 1", "a x - 2 2", "a x - 4 1", "b x - 1 7");
        // Chronological: a: y(1) x(2,g2) x(3,g1) x(4,g1)
        assertEquals("a:y,x;b:x", render(Deduplication.userItem(data)));
        Interactions byGroup = Deduplication.groupItem(data);
        assertEquals("a:y,x,x;b:x", render(byGroup));
        assertEquals(3, byGroup.timestamp(byGroup.userStart(0) + 2), "the later duplicate in group 1 is dropped");
    }

    @Test
    void smallGroupsAreDropped() {
        Interactions data = rows("a x - - 1", "a y - - 1", "a z - - 2", "b x - - 1", "b y - - 1", "b z - - 1");
        // Group ids are per user: (a,1) has 2 items, (a,2) 1, (b,1) 3.
        assertEquals("a:x,y;b:x,y,z", render(GroupSizeFilter.atLeast(data, 2)));
        assertEquals("b:x,y,z", render(GroupSizeFilter.atLeast(data, 3)));
    }

    @Test
    void binarizationDropsRatingsOnly() {
        Interactions data = rows("a x 5 10", "a y 1 20");
        Interactions binary = Binarization.dropRatings(data);
        assertFalse(binary.hasRatings());
        assertTrue(binary.hasTimestamps());
        assertEquals("a:x,y", render(binary));
    }

    @Test
    void pipelineRunsStepsInOrderAndRecordsThem() {
        Interactions data = rows("a x 5", "a y 4", "a z 1", "b x 5", "b y 2", "c x 4", "c y 5", "d q 5");
        Dataset in = new Dataset("t", data, Optional.empty(), Map.of("loader", "test"));
        Dataset out = Preprocessing.apply(in, Map.of("likeThreshold", 4, "dislikeThreshold", 2, "kcore", 2));
        // Neutral: none. Liked 2-core: b has one liked item -> removed; d/q -> removed; z has no liked -> removed.
        assertEquals("a:x,y;c:x,y", render(out.interactions()));
        assertEquals(2, out.interactions().numUsers(), "re-indexed: removed users are gone from the id map");
        assertEquals(2, out.interactions().numItems());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> steps = (List<Map<String, Object>>) out.facts().get("preprocessing");
        assertEquals(List.of("ratingThresholds", "kcore"), steps.stream().map(s -> s.get("step")).toList());
        assertEquals(4, steps.get(1).get("interactionsAfter"));
        assertEquals("test", out.facts().get("loader"));
        assertSame(in, Preprocessing.apply(in, Map.of("path", "ignored")), "no step requested: unchanged");
    }
}
