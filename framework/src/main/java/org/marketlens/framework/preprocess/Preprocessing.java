package org.marketlens.framework.preprocess;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.marketlens.api.data.Dataset;
import org.marketlens.api.data.InteractionData;
import org.marketlens.framework.data.LoaderParams;

/**
 * Applies the preprocessing named in a loader's parameters, in this fixed order, and records each step with its
 * parameters and resulting counts under the dataset fact {@code preprocessing}:
 * <ol>
 *   <li>{@code dedupe}: {@code none} (default), {@code user-item} or {@code group-item} ({@link Deduplication});</li>
 *   <li>{@code likeThreshold} / {@code dislikeThreshold}: keep liked (and, when a dislike threshold is given,
 *       disliked) interactions, MODELS.md §2.2 ({@link RatingThresholds});</li>
 *   <li>{@code binarize}: drop ratings ({@link Binarization});</li>
 *   <li>{@code minGroupSize}: drop smaller baskets/playlists ({@link GroupSizeFilter});</li>
 *   <li>{@code sampleUsers} (with optional {@code sampleSeed}, default 0): keep the whole histories of that many
 *       random users ({@link UserSample});</li>
 *   <li>{@code kcore} (both sides) or {@code minUserInteractions} / {@code minItemInteractions}: iterative k-core
 *       on liked interactions ({@link KCore});</li>
 *   <li>re-indexing of the survivors ({@link Reindexing}), whenever any step ran.</li>
 * </ol>
 */
public final class Preprocessing {
    private Preprocessing() {
    }

    /**
     * @param dataset the loaded dataset
     * @param params  the loader's parameters (unknown keys are ignored: they belong to the loader)
     * @return the dataset itself when no step is requested, else a new dataset with the steps recorded
     */
    public static Dataset apply(Dataset dataset, Map<String, Object> params) {
        LoaderParams p = new LoaderParams("preprocessing", params);
        InteractionData data = dataset.interactions();
        List<Map<String, Object>> steps = new ArrayList<>();
        String dedupe = p.string("dedupe", "none");
        switch (dedupe) {
            case "none" -> { }
            case "user-item" -> data = record(steps, "dedupe", dedupe, Deduplication.userItem(data));
            case "group-item" -> data = record(steps, "dedupe", dedupe, Deduplication.groupItem(data));
            default -> throw new IllegalArgumentException(
                    "parameter 'dedupe' must be none, user-item or group-item, got '" + dedupe + "'");
        }
        RatingThresholds thresholds = null;
        if (p.has("likeThreshold")) {
            thresholds = new RatingThresholds(p.number("likeThreshold").orElseThrow(),
                    p.number("dislikeThreshold").orElse(Double.NaN));
            InteractionData kept = Double.isNaN(thresholds.dislike())
                    ? thresholds.liked(data) : thresholds.likedOrDisliked(data);
            data = record(steps, "ratingThresholds", thresholds.toString(), kept);
        } else if (p.has("dislikeThreshold")) {
            throw new IllegalArgumentException("parameter 'dislikeThreshold' needs 'likeThreshold'");
        }
        if (p.flag("binarize", false)) {
            data = record(steps, "binarize", true, Binarization.dropRatings(data));
        }
        if (p.has("minGroupSize")) {
            int min = p.integer("minGroupSize", 1);
            data = record(steps, "minGroupSize", min, GroupSizeFilter.atLeast(data, min));
        }
        if (p.has("sampleUsers")) {
            int count = p.integer("sampleUsers", Integer.MAX_VALUE);
            long seed = p.integer("sampleSeed", 0);
            data = record(steps, "sampleUsers", count + " (seed " + seed + ")", UserSample.of(data, count, seed));
        }
        int core = p.integer("kcore", 1);
        int minUser = p.integer("minUserInteractions", core);
        int minItem = p.integer("minItemInteractions", core);
        if (minUser > 1 || minItem > 1) {
            RatingThresholds t = thresholds;
            InteractionData source = data;
            data = record(steps, "kcore", "users>=" + minUser + ", items>=" + minItem + (t == null ? "" : ", liked only"),
                    KCore.filter(source, minUser, minItem, k -> t == null || t.liked(source, k)));
        }
        if (steps.isEmpty()) {
            return dataset;
        }
        data = Reindexing.compact(data);
        Map<String, Object> facts = new LinkedHashMap<>(dataset.facts());
        facts.put("preprocessing", List.copyOf(steps));
        facts.put("users", data.numUsers());
        facts.put("items", data.numItems());
        facts.put("interactions", data.size());
        return new Dataset(dataset.name(), data, dataset.presplit(), facts);
    }

    private static InteractionData record(List<Map<String, Object>> steps, String step, Object setting,
                                          InteractionData after) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("step", step);
        s.put("setting", setting);
        s.put("interactionsAfter", after.size());
        int users = 0;
        for (int u = 0; u < after.numUsers(); u++) {
            if (after.countOf(u) > 0) {
                users++;
            }
        }
        s.put("usersAfter", users);
        steps.add(Map.copyOf(s));
        return after;
    }
}
