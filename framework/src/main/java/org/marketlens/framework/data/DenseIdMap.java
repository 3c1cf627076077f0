package org.marketlens.framework.data;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.marketlens.api.data.IdMap;

/** An {@link IdMap} that hands out indices in first-seen order. Not thread-safe while it grows. */
public final class DenseIdMap implements IdMap {
    private final Map<String, Integer> indices = new HashMap<>();
    private final List<String> ids = new ArrayList<>();

    /** @return a map of ids {@code "0".."n-1"} to themselves */
    public static DenseIdMap identity(int n) {
        DenseIdMap map = new DenseIdMap();
        for (int i = 0; i < n; i++) {
            map.indexOrAdd(Integer.toString(i));
        }
        return map;
    }

    /** @return the index of {@code id}, adding it when new */
    public int indexOrAdd(String id) {
        Integer index = indices.get(id);
        if (index != null) {
            return index;
        }
        int next = ids.size();
        indices.put(id, next);
        ids.add(id);
        return next;
    }

    @Override
    public int size() {
        return ids.size();
    }

    @Override
    public int index(String externalId) {
        return indices.getOrDefault(externalId, -1);
    }

    @Override
    public String externalId(int index) {
        return ids.get(index);
    }
}
