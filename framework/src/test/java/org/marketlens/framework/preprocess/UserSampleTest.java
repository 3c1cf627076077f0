package org.marketlens.framework.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.marketlens.framework.preprocess.PreprocessFixtures.render;
import static org.marketlens.framework.preprocess.PreprocessFixtures.rows;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.marketlens.api.data.Dataset;
import org.marketlens.framework.data.Interactions;

class UserSampleTest {
    private static final Interactions DATA = rows("a x", "a y", "b x", "c z", "c y", "c x", "d w");

    @Test
    void keepsWholeHistoriesOfExactlyCountUsersSeeded() {
        Set<String> seen = new HashSet<>();
        for (long seed = 0; seed < 40; seed++) {
            String kept = render(UserSample.of(DATA, 2, seed));
            assertEquals(2, kept.split(";").length, kept);
            for (String user : kept.split(";")) {
                assertTrue(List.of("a:x,y", "b:x", "c:z,y,x", "d:w").contains(user), "a whole history: " + user);
            }
            assertEquals(kept, render(UserSample.of(DATA, 2, seed)), "same seed, same users");
            seen.add(kept);
        }
        assertEquals(6, seen.size(), "every pair of the 4 users is drawn for some seed");
        assertEquals(render(DATA), render(UserSample.of(DATA, 10, 1)), "more than there are: all kept");
        assertThrows(IllegalArgumentException.class, () -> UserSample.of(DATA, 0, 1));
    }

    @Test
    void preprocessingRecordsTheStep() {
        Dataset d = Preprocessing.apply(new Dataset("t", DATA, java.util.Optional.empty(), Map.of()),
                Map.of("sampleUsers", 3, "sampleSeed", 5));
        assertEquals(3, d.interactions().numUsers(), "re-indexed to the kept users");
        assertTrue(d.facts().get("preprocessing").toString().contains("sampleUsers"));
    }
}
