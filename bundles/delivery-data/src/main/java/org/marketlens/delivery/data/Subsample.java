package org.marketlens.delivery.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.marketlens.api.delivery.Project;
import org.marketlens.api.delivery.ProjectSource;

/** The {@code size} option of file sources: a seeded uniform sample of that many projects, in file order. */
final class Subsample {
    private Subsample() {
    }

    static List<Project> of(List<Project> all, Map<String, String> options) {
        String size = options.get(ProjectSource.SIZE);
        if (size == null || Integer.parseInt(size) >= all.size()) {
            return all;
        }
        int k = Integer.parseInt(size);
        SplittableRandom rnd = new SplittableRandom(Long.parseLong(options.getOrDefault(ProjectSource.SEED, "1")));
        boolean[] keep = new boolean[all.size()];
        // Floyd's algorithm: k distinct indices
        for (int j = all.size() - k; j < all.size(); j++) {
            int t = rnd.nextInt(j + 1);
            keep[keep[t] ? j : t] = true;
        }
        List<Project> out = new ArrayList<>(k);
        for (int i = 0; i < all.size(); i++) {
            if (keep[i]) {
                out.add(all.get(i));
            }
        }
        return out;
    }
}
