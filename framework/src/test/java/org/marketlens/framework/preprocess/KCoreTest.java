package org.marketlens.framework.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.marketlens.framework.preprocess.PreprocessFixtures.render;
import static org.marketlens.framework.preprocess.PreprocessFixtures.rows;

import org.junit.jupiter.api.Test;
import org.marketlens.framework.data.Interactions;

class KCoreTest {
    @Test
    void removalCascadesUntilEveryoneQualifies() {
        // 2-core. Item z has one user -> removed; then user c has one item left -> removed; then item y has one
        // user left (a) -> removed; then a still has x and w, b has x and w: stable.
        Interactions data = rows("a x", "a y", "a w", "b x", "b w", "c y", "c z");
        assertEquals("a:x,w;b:x,w", render(KCore.filter(data, 2, 2, k -> true)));
    }

    @Test
    void onlyCountedInteractionsQualifyButSurvivorsKeepTheRest() {
        // Liked = rating >= 4. User b has one liked item -> removed under a 2-core on likes, even with 3 ratings.
        Interactions data = rows("a x 5", "a y 4", "a z 1", "b x 5", "b y 2", "b z 1", "c x 4", "c y 5");
        RatingThresholds t = new RatingThresholds(4, 2);
        Interactions core = KCore.filter(data, 2, 2, k -> t.liked(data, k));
        // Item z has no liked interaction -> removed; a keeps x, y; c keeps x, y.
        assertEquals("a:x,y;c:x,y", render(core));
        // Without the liked predicate b survives with all three interactions except z (z has 2 users).
        assertEquals("a:x,y,z;b:x,y,z;c:x,y", render(KCore.filter(data, 2, 2, k -> true)));
    }

    @Test
    void oneCoreKeepsEverything() {
        Interactions data = rows("a x", "b y");
        assertEquals("a:x;b:y", render(KCore.filter(data, 1, 1, k -> true)));
    }
}
