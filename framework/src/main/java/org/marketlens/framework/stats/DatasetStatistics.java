package org.marketlens.framework.stats;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.marketlens.api.data.InteractionData;

/**
 * Statistics of one dataset, as the dissertation's dataset tables report them. Only users and items that have at
 * least one interaction are counted (an id map may hold more after filtering).
 *
 * @param users              users with at least one interaction
 * @param items              items with at least one interaction
 * @param interactions       interactions (a repeated (user, item) pair counts each time)
 * @param density            interactions / (users · items), Tables 4.2-dataset, 5.1, 5.2, 5.5
 * @param groups             distinct (user, group) pairs: playlists or baskets; 0 for ungrouped data
 * @param groupDensity       interactions / (groups · items), the density of Table 4.3 (playlist × song); NaN when
 *                           ungrouped
 * @param avgGroupsPerUser   groups / users (Table 4.3 "avg playlists per user"); NaN when ungrouped
 * @param avgItemsPerGroup   interactions / groups (Table 4.3 "avg songs per playlist", Table 5.2 "avg items per
 *                           transaction"); NaN when ungrouped
 * @param maxItemsPerGroup   largest group (Table 4.3 "max songs per playlist"); 0 when ungrouped
 * @param avgItemsPerUser    interactions / users
 * @param firstTime          earliest timestamp (seconds), or {@link InteractionData#NO_TIME}
 * @param lastTime           latest timestamp (seconds), or {@link InteractionData#NO_TIME}
 */
public record DatasetStatistics(int users, int items, long interactions, double density, long groups,
                                double groupDensity, double avgGroupsPerUser, double avgItemsPerGroup,
                                int maxItemsPerGroup, double avgItemsPerUser, long firstTime, long lastTime) {

    /** @return the statistics of {@code data} */
    public static DatasetStatistics of(InteractionData data) {
        int users = 0;
        boolean[] itemUsed = new boolean[data.numItems()];
        long groups = 0;
        int maxGroup = 0;
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        Map<Integer, Integer> groupSizes = new LinkedHashMap<>();
        for (int u = 0; u < data.numUsers(); u++) {
            if (data.countOf(u) > 0) {
                users++;
            }
            groupSizes.clear();
            for (int k = data.userStart(u); k < data.userEnd(u); k++) {
                itemUsed[data.item(k)] = true;
                if (data.hasGroups() && data.group(k) != InteractionData.NO_GROUP) {
                    groupSizes.merge(data.group(k), 1, Integer::sum);
                }
                if (data.hasTimestamps()) {
                    first = Math.min(first, data.timestamp(k));
                    last = Math.max(last, data.timestamp(k));
                }
            }
            groups += groupSizes.size();
            for (int size : groupSizes.values()) {
                maxGroup = Math.max(maxGroup, size);
            }
        }
        int items = 0;
        for (boolean used : itemUsed) {
            if (used) {
                items++;
            }
        }
        long n = data.size();
        double density = users == 0 || items == 0 ? 0 : n / ((double) users * items);
        boolean grouped = groups > 0;
        return new DatasetStatistics(users, items, n, density, groups,
                grouped ? n / ((double) groups * items) : Double.NaN,
                grouped ? groups / (double) users : Double.NaN,
                grouped ? n / (double) groups : Double.NaN,
                maxGroup,
                users == 0 ? 0 : n / (double) users,
                data.hasTimestamps() && n > 0 ? first : InteractionData.NO_TIME,
                data.hasTimestamps() && n > 0 ? last : InteractionData.NO_TIME);
    }

    /** @return the number of distinct (user, item) pairs of {@code data} */
    public static long distinctPairs(InteractionData data) {
        long pairs = 0;
        Set<Integer> seen = new HashSet<>();
        for (int u = 0; u < data.numUsers(); u++) {
            seen.clear();
            for (int k = data.userStart(u); k < data.userEnd(u); k++) {
                if (seen.add(data.item(k))) {
                    pairs++;
                }
            }
        }
        return pairs;
    }

    /** @return the header of {@link #markdownRow} */
    public static String markdownHeader() {
        return "| dataset | users | items | interactions | density | groups | avg groups/user | avg & max items/group |\n"
                + "|---|---|---|---|---|---|---|---|";
    }

    /**
     * @param name dataset name
     * @return one Markdown table row, density as a percentage with the dissertation's precision
     */
    public String markdownRow(String name) {
        boolean grouped = groups > 0;
        return String.format(Locale.ROOT, "| %s | %,d | %,d | %,d | %s | %s | %s | %s |", name, users, items,
                interactions, percent(density), grouped ? String.format(Locale.ROOT, "%,d", groups) : "-",
                grouped ? String.format(Locale.ROOT, "%.2f", avgGroupsPerUser) : "-",
                grouped ? String.format(Locale.ROOT, "%.2f & %d", avgItemsPerGroup, maxItemsPerGroup) : "-");
    }

    /** @return {@code fraction} as a percentage with two significant digits below 1% (0.008%), else one decimal */
    public static String percent(double fraction) {
        double p = fraction * 100;
        if (p >= 1) {
            return String.format(Locale.ROOT, "%.1f%%", p);
        }
        return String.format(Locale.ROOT, "%.2g%%", p);
    }
}
