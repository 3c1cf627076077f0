package org.marketlens.framework.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.marketlens.api.data.EvalCase;
import org.marketlens.api.data.InteractionData;
import org.marketlens.api.data.Split;

class PlaylistLeaveOneOutSplitterTest {
    private static final float NR = InteractionData.NO_RATING;
    private static final long NT = InteractionData.NO_TIME;

    /**
     * 30 songs. u0 owns playlist 0 = {0,1,2,3,4} and playlist 2 = {3,4} (too small: wholly training); u1 owns
     * playlist 1 = {5,6,7,8,0,0} (song 0 twice), and playlists 3 = {5,6} and 4 = {7,8}, which stay in training so
     * that every song of playlist 1 is known from training.
     */
    private static InteractionData data() {
        return Interactions.builder(DenseIdMap.identity(2), DenseIdMap.identity(30))
                .add(0, 0, NR, NT, 0).add(0, 1, NR, NT, 0).add(0, 3, NR, NT, 2).add(0, 2, NR, NT, 0)
                .add(0, 3, NR, NT, 0).add(0, 4, NR, NT, 2).add(0, 4, NR, NT, 0)
                .add(1, 5, NR, NT, 1).add(1, 6, NR, NT, 1).add(1, 0, NR, NT, 1).add(1, 7, NR, NT, 1)
                .add(1, 8, NR, NT, 1).add(1, 0, NR, NT, 1)
                .add(1, 5, NR, NT, 3).add(1, 6, NR, NT, 3).add(1, 7, NR, NT, 4).add(1, 8, NR, NT, 4)
                .build();
    }

    @Test
    void twoSongsOfEachPlaylistAreHeldOutAndNeverReachItsTraining() {
        InteractionData all = data();
        Set<Integer> testSongsSeen = new HashSet<>();
        for (long seed = 0; seed < 40; seed++) {
            Split s = new PlaylistLeaveOneOutSplitter(10).split(all, "playlist", seed);
            assertEquals(3, s.facts().get("playlistsUnder3Songs"));
            int cases = s.test().size() + s.validation().size() + (int) s.facts().get("droppedColdCases");
            assertEquals(4, cases, "two playlists, two held-out songs each");
            for (EvalCase c : concat(s)) {
                int song = c.positives()[0];
                int owner = c.group();
                assertEquals(owner, c.user(), "the case belongs to the playlist's owner");
                assertTrue(c.group() == 0 || c.group() == 1);
                assertFalse(inPlaylist(s.train(), c.group(), song), "held-out song left in the playlist");
                assertFalse(Arrays.stream(c.context()).anyMatch(i -> i == song), "context holds the positive");
                for (int n : c.negatives()) {
                    assertFalse(inPlaylist(all, c.group(), n), "negative " + n + " is in the playlist");
                }
                assertEquals(10, Arrays.stream(c.negatives()).distinct().count());
                for (int i : c.context()) {
                    assertTrue(inPlaylist(s.train(), c.group(), i), "context = the playlist's training songs");
                }
                if (c.group() == 1 && s.test().contains(c)) {
                    testSongsSeen.add(song);
                }
            }
            for (int g = 0; g < 2; g++) {
                int group = g;
                var held = concat(s).stream().filter(c -> c.group() == group).mapToInt(c -> c.positives()[0]).toArray();
                if (held.length == 2) {
                    assertNotEquals(held[0], held[1], "test and validation songs differ");
                }
            }
            assertTrue(inPlaylist(s.train(), 2, 3) && inPlaylist(s.train(), 2, 4),
                    "a playlist of two songs stays in training");
        }
        assertEquals(Set.of(0, 5, 6, 7, 8), testSongsSeen, "every distinct song of playlist 1 can be the test song");
    }

    @Test
    void theSameSeedGivesTheSameSplit() {
        Split a = new PlaylistLeaveOneOutSplitter(5).split(data(), "p", 3);
        Split b = new PlaylistLeaveOneOutSplitter(5).split(data(), "p", 3);
        assertEquals(a.facts().get("testChecksum"), b.facts().get("testChecksum"));
    }

    @Test
    void dataWithoutPlaylistsIsRejected() {
        InteractionData plain = Interactions.builder(DenseIdMap.identity(1), DenseIdMap.identity(5))
                .add(0, 0, NR, NT, InteractionData.NO_GROUP).build();
        assertThrows(IllegalArgumentException.class, () -> new PlaylistLeaveOneOutSplitter(1).split(plain, "p", 0));
    }

    private static java.util.List<EvalCase> concat(Split s) {
        var out = new java.util.ArrayList<>(s.test());
        out.addAll(s.validation());
        return out;
    }

    private static boolean inPlaylist(InteractionData data, int group, int song) {
        for (int k = 0; k < data.size(); k++) {
            if (data.group(k) == group && data.item(k) == song) {
                return true;
            }
        }
        return false;
    }
}
