package org.marketlens.delivery.semantic;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.marketlens.framework.delivery.text.TextStatistics;

/**
 * Step 1 of MODELS.md §1.4.6: a reward description as lower-case word tokens without stop words, punctuation or
 * numbers. Porter stemming ([ASSUMPTION] inferred from Fig. 3.5) is not applied: plural and singular stay
 * distinct words.
 */
final class RewardTokens {
    /** A short English stop-word list (articles, pronouns, auxiliaries, prepositions, conjunctions). */
    static final Set<String> STOP_WORDS = Set.of("a", "an", "the", "and", "or", "but", "if", "of", "to", "in", "on",
            "at", "by", "for", "with", "from", "as", "into", "about", "above", "below", "over", "under", "all", "any",
            "each", "one", "i", "me", "my", "we", "us", "our", "you", "your", "he", "she", "it", "its", "they",
            "them", "their", "this", "that", "these", "those", "is", "are", "was", "were", "be", "been", "being",
            "have", "has", "had", "do", "does", "did", "will", "would", "can", "could", "should", "may", "might",
            "so", "than", "too", "very", "just", "also", "not", "no", "up", "out", "more", "most", "some", "such");

    private RewardTokens() {
    }

    static List<String> of(String description) {
        List<String> out = new ArrayList<>();
        for (String w : TextStatistics.words(description)) {
            if (!STOP_WORDS.contains(w) && w.chars().anyMatch(Character::isLetter)) {
                out.add(w);
            }
        }
        return out;
    }
}
