package org.marketlens.framework.preprocess;

import org.marketlens.api.data.InteractionData;
import org.marketlens.framework.data.Interactions;
import org.marketlens.framework.data.InteractionsBuilder;

/** Builds small interaction sets from compact text: "user item rating time group" per row. */
final class PreprocessFixtures {
    private PreprocessFixtures() {
    }

    static Interactions rows(String... rows) {
        InteractionsBuilder b = Interactions.builder();
        for (String row : rows) {
            String[] f = row.trim().split("\\s+");
            float rating = f.length > 2 && !f[2].equals("-") ? Float.parseFloat(f[2]) : InteractionData.NO_RATING;
            long time = f.length > 3 && !f[3].equals("-") ? Long.parseLong(f[3]) : InteractionData.NO_TIME;
            int group = f.length > 4 ? Integer.parseInt(f[4]) : InteractionData.NO_GROUP;
            b.add(f[0], f[1], rating, time, group);
        }
        return b.build();
    }

    /** @return "user:item,item;user:item" over external ids, users in index order, empty users left out */
    static String render(InteractionData data) {
        StringBuilder s = new StringBuilder();
        for (int u = 0; u < data.numUsers(); u++) {
            if (data.countOf(u) == 0) {
                continue;
            }
            if (s.length() > 0) {
                s.append(';');
            }
            s.append(data.users().externalId(u)).append(':');
            for (int k = data.userStart(u); k < data.userEnd(u); k++) {
                s.append(k > data.userStart(u) ? "," : "").append(data.items().externalId(data.item(k)));
            }
        }
        return s.toString();
    }
}
