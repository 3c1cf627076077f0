package org.marketlens.data.ncf;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.regex.Pattern;
import org.marketlens.framework.data.DenseIdMap;

/**
 * Builds the id map of a published split so that indices equal the file's ids whenever the ids are dense integers
 * (ml-100k-loo: users 0..942, items 0..1681), which keeps results comparable with the authors' code. Otherwise ids
 * are numbered in first-seen order.
 */
final class NcfIds {
    private static final Pattern NON_NEGATIVE_INTEGER = Pattern.compile("0|[1-9][0-9]{0,8}");

    private NcfIds() {
    }

    /**
     * @param ids every id as met in the files, in file order (duplicates allowed)
     * @return identity map {@code "k" <-> k} for {@code k < max+1} when every id is a canonical non-negative integer
     *         and at most half of {@code 0..max} is unused; otherwise a first-seen map
     */
    static DenseIdMap of(Collection<String> ids) {
        LinkedHashSet<String> distinct = new LinkedHashSet<>(ids);
        int max = -1;
        boolean integers = true;
        for (String id : distinct) {
            if (!NON_NEGATIVE_INTEGER.matcher(id).matches()) {
                integers = false;
                break;
            }
            max = Math.max(max, Integer.parseInt(id));
        }
        if (integers && (long) max + 1 <= 2L * distinct.size()) {
            return DenseIdMap.identity(max + 1);
        }
        DenseIdMap map = new DenseIdMap();
        distinct.forEach(map::indexOrAdd);
        return map;
    }
}
