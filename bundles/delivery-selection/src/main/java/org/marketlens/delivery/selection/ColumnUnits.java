package org.marketlens.delivery.selection;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.marketlens.api.delivery.Feature;

/**
 * The units a wrapper selector decides on (MODELS.md §1.6, Boruta): every numeric column alone, and the one-hot
 * columns of one categorical feature together. One-hot columns are {@link Feature#categorical()} columns named
 * {@code <feature>=<value>}; those sharing {@code <feature>} (the name up to the last {@code '='}) form one unit,
 * placed where its first column is.
 */
final class ColumnUnits {
    private ColumnUnits() {
    }

    /**
     * @param features the columns, in matrix order
     * @return column indices of each unit, in order of each unit's first column
     */
    static List<int[]> of(List<Feature> features) {
        Map<String, List<Integer>> units = new LinkedHashMap<>();
        for (int j = 0; j < features.size(); j++) {
            Feature f = features.get(j);
            int eq = f.name().lastIndexOf('=');
            String key = f.categorical() && eq > 0 ? "=" + f.name().substring(0, eq) : "#" + j;
            units.computeIfAbsent(key, k -> new ArrayList<>()).add(j);
        }
        List<int[]> out = new ArrayList<>(units.size());
        for (List<Integer> cols : units.values()) {
            out.add(cols.stream().mapToInt(Integer::intValue).toArray());
        }
        return out;
    }
}
