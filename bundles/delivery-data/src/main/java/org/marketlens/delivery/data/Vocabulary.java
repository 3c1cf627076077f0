package org.marketlens.delivery.data;

import java.util.List;
import java.util.Map;

/**
 * Word lists of the synthetic generator: reward words by difficulty level (the latent "difficulty" of MODELS.md
 * §1.4.6), category words, and tone words that fall into the categories of the default open lexicon shipped by
 * the linguistic bundle (positive, achievement, anxiety, negative).
 */
final class Vocabulary {
    /** Categories with a latent base effect on delay (positive = later). */
    static final Map<String, Double> CATEGORY_EFFECT = Map.ofEntries(
            Map.entry("art", -0.2), Map.entry("comics", 0.0), Map.entry("crafts", -0.3), Map.entry("dance", -0.4),
            Map.entry("design", 0.3), Map.entry("fashion", 0.1), Map.entry("film & video", 0.2),
            Map.entry("food", 0.0), Map.entry("games", 0.4), Map.entry("journalism", -0.3),
            Map.entry("music", -0.2), Map.entry("photography", -0.1), Map.entry("publishing", 0.0),
            Map.entry("technology", 0.5), Map.entry("theater", -0.4));

    /** Reward words per difficulty level 0 (easy), 1 (medium), 2 (hard). */
    static final List<List<String>> REWARD_WORDS = List.of(
            List.of("thank", "credit", "shoutout", "wallpaper", "digital", "download", "postcard", "sticker",
                    "website", "name", "email", "ebook"),
            List.of("print", "book", "copy", "signed", "poster", "shirt", "mug", "tote", "album", "vinyl",
                    "bookmark", "calendar"),
            List.of("film", "video", "game", "custom", "prototype", "device", "hardware", "sculpture", "vip",
                    "dinner", "handmade", "engraved"));

    static final List<String> FILLER = List.of("you", "get", "our", "a", "the", "with", "and", "plus", "one",
            "special", "limited", "edition", "exclusive", "personal", "all", "rewards", "above");

    static final List<String> POSITIVE = List.of("great", "happy", "excited", "thanks", "love", "wonderful",
            "good", "glad", "awesome", "proud");
    static final List<String> ACHIEVE = List.of("finished", "completed", "shipped", "progress", "achieved",
            "done", "success", "ready", "delivered", "produced");
    static final List<String> ANXIETY = List.of("worried", "afraid", "nervous", "uncertain", "risk", "stress",
            "concerned", "unsure", "fear", "doubt");
    static final List<String> NEGATIVE = List.of("delay", "problem", "issue", "sorry", "wrong", "broken",
            "late", "fail", "bad", "unfortunately");
    static final List<String> NEUTRAL = List.of("the", "we", "this", "week", "update", "project", "backers",
            "team", "factory", "today", "will", "about", "reward", "campaign");

    static final List<String> LONG_WORDS = List.of("manufacturing", "international", "collaboration",
            "development", "opportunity", "professional", "experience", "community", "particularly",
            "documentation");

    private Vocabulary() {
    }
}
