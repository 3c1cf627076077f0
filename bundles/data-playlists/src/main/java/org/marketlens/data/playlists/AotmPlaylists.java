package org.marketlens.data.playlists;

import java.io.IOException;
import org.marketlens.api.data.InteractionData;
import org.marketlens.framework.data.DenseIdMap;
import org.marketlens.framework.data.InteractionsBuilder;
import org.marketlens.framework.data.SourceLines;

/**
 * The one-playlist-per-line format of the AOTM-2011 subset: an optional header line, then
 * {@code user_id playlist_id track_id track_id ...} separated by whitespace. Each track becomes one (user, track)
 * interaction whose group is the playlist; track order is kept. Playlists have no times.
 */
final class AotmPlaylists {
    /** @return number of playlists read */
    int read(SourceLines source, boolean header, InteractionsBuilder builder, DenseIdMap playlists)
            throws IOException {
        String line = source.next();
        if (header && line != null) {
            line = source.next();
        }
        int rows = 0;
        for (; line != null; line = source.next()) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.strip().split("\\s+");
            if (f.length < 3) {
                throw source.malformed("user_id playlist_id and at least one track_id", line);
            }
            int playlist = playlists.indexOrAdd(f[1]);
            for (int t = 2; t < f.length; t++) {
                builder.add(f[0], f[t], InteractionData.NO_RATING, InteractionData.NO_TIME, playlist);
            }
            rows++;
        }
        return rows;
    }
}
