package org.marketlens.framework.delivery.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Sentence, word and syllable counts and the SMOG grade (MODELS.md §1.4.1):
 * {@code SMOG = 1.0430 · sqrt(nPolysyllables · 30 / nSentences) + 3.1291}, 0 for text without sentences.
 * Syllables are counted by the usual vowel-group heuristic (a silent final "e" does not count, every word has at
 * least one syllable).
 */
public final class TextStatistics {
    private TextStatistics() {
    }

    /**
     * Sentences are maximal runs of text ended by {@code .}, {@code !}, {@code ?} (or the end of the text) that
     * contain at least one letter or digit.
     */
    public static int sentences(String text) {
        int n = 0;
        boolean content = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (Character.isLetterOrDigit(ch)) {
                content = true;
            } else if ((ch == '.' || ch == '!' || ch == '?') && content) {
                n++;
                content = false;
            }
        }
        return content ? n + 1 : n;
    }

    /** @return lower-case words: maximal runs of letters, digits and inner apostrophes */
    public static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i <= text.length(); i++) {
            char ch = i < text.length() ? text.charAt(i) : ' ';
            if (Character.isLetterOrDigit(ch) || (ch == '\'' && cur.length() > 0)) {
                cur.append(ch);
            } else if (cur.length() > 0) {
                String w = cur.toString().replaceAll("'+$", "");
                if (!w.isEmpty()) {
                    out.add(w.toLowerCase(Locale.ROOT));
                }
                cur.setLength(0);
            }
        }
        return out;
    }

    /** @return syllables of one word by vowel groups (y counts as a vowel), at least 1 for a word with letters */
    public static int syllables(String word) {
        String w = word.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        if (w.isEmpty()) {
            return 0;
        }
        int groups = 0;
        boolean prevVowel = false;
        for (int i = 0; i < w.length(); i++) {
            boolean v = "aeiouy".indexOf(w.charAt(i)) >= 0;
            if (v && !prevVowel) {
                groups++;
            }
            prevVowel = v;
        }
        if (w.endsWith("e") && !w.endsWith("le") && groups > 1) {
            groups--;
        }
        return Math.max(1, groups);
    }

    /** @return words with at least three syllables */
    public static int polysyllables(String text) {
        int n = 0;
        for (String w : words(text)) {
            if (syllables(w) >= 3) {
                n++;
            }
        }
        return n;
    }

    /** @return the SMOG grade of the text (§1.4.1), 0 when it has no sentence */
    public static double smog(String text) {
        int s = sentences(text);
        if (s == 0) {
            return 0.0;
        }
        return 1.0430 * Math.sqrt(polysyllables(text) * 30.0 / s) + 3.1291;
    }
}
