package org.marketlens.data.playlists;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.marketlens.api.data.InteractionData;
import org.marketlens.framework.stats.DatasetStatistics;

class PlaylistLoaderTest {
    private static String fixture(String name) throws Exception {
        return Path.of(PlaylistLoaderTest.class.getResource(name).toURI()).toString();
    }

    @Test
    void aotmLinesBecomePlaylistGroups() throws Exception {
        InteractionData d = new PlaylistLoader().load(Map.of("path", fixture("aotm.txt"), "format", "aotm"))
                .interactions();
        DatasetStatistics s = DatasetStatistics.of(d);
        assertEquals(2, s.users());
        assertEquals(3, s.groups());
        assertEquals(7, s.interactions());
        assertEquals(4, s.maxItemsPerGroup());
        assertEquals(4, s.items());
    }

    @Test
    void duplicateSongsInAPlaylistAreRemovedOnRequest() throws Exception {
        InteractionData d = new PlaylistLoader().load(Map.of("path", fixture("aotm.txt"), "format", "aotm",
                "dedupe", "group-item")).interactions();
        assertEquals(6, d.size(), "song 5 twice in playlist 12620");
    }

    @Test
    void playlistWithoutTracksIsMalformed() throws Exception {
        IOException e = assertThrows(IOException.class, () -> new PlaylistLoader()
                .load(Map.of("path", fixture("empty-playlist.txt"), "format", "aotm")));
        assertTrue(e.getMessage().contains("line 2: expected user_id playlist_id and at least one track_id"),
                e.getMessage());
    }

    @Test
    void tripleRowsWithAnyDelimiter() throws Exception {
        InteractionData d = new PlaylistLoader().load(Map.of("path", fixture("triples.csv"), "delimiter", ","))
                .interactions();
        DatasetStatistics s = DatasetStatistics.of(d);
        assertEquals(3, s.groups());
        assertEquals(3, s.items());
        assertEquals(1.5, s.avgGroupsPerUser(), 1e-12);
    }
}
