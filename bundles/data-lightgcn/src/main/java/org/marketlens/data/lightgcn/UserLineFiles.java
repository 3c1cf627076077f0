package org.marketlens.data.lightgcn;

import java.io.IOException;
import org.marketlens.api.data.InteractionData;
import org.marketlens.framework.data.InteractionsBuilder;
import org.marketlens.framework.data.SourceLines;

/**
 * Reads the one-line-per-user format of LightGCN-style datasets: {@code user_id item_id item_id ...} separated by
 * single spaces. A user line without items is allowed (the user has no interaction in that file). While reading,
 * the interaction's group field carries the number of the file's part (train, validation, test).
 */
final class UserLineFiles {
    /**
     * @param source  the file
     * @param builder receives (user, item) interactions; no ratings or times, the group is {@code part}
     * @param part    the part number of this file
     * @return number of interactions read
     */
    int read(SourceLines source, InteractionsBuilder builder, int part) throws IOException {
        int read = 0;
        for (String line = source.next(); line != null; line = source.next()) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = SourceLines.fields(line.strip(), " ");
            if (!isInteger(f[0])) {
                throw source.malformed("a user id followed by item ids, all integers", line);
            }
            for (int t = 1; t < f.length; t++) {
                if (f[t].isEmpty()) {
                    continue;
                }
                if (!isInteger(f[t])) {
                    throw source.malformed("integer item ids separated by single spaces", line);
                }
                builder.add(f[0], f[t], InteractionData.NO_RATING, InteractionData.NO_TIME, part);
                read++;
            }
        }
        return read;
    }

    private static boolean isInteger(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
