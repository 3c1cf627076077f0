package org.marketlens.delivery.linguistic;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.marketlens.framework.delivery.text.TextStatistics;

/**
 * A word-category lexicon in the LIWC {@code .dic} format (MODELS.md §1.4.5, A-15): a header between two lines
 * holding only {@code %}, one {@code <number> <tab> <category name>} per line, then one entry per line,
 * {@code <word> <tab> <category number> ...}; a word ending in {@code *} matches every word with that prefix. An
 * exact entry wins over a prefix, a longer prefix over a shorter one. Entries that are phrases or use LIWC's
 * bracketed context rules are skipped. A category's score for a text is the percentage of its words that belong to
 * the category (LIWC convention).
 */
final class Lexicon {
    private final List<String> categories;
    private final Map<String, int[]> exact;
    private final Map<String, int[]> prefixes;
    private final int longestPrefix;

    private Lexicon(List<String> categories, Map<String, int[]> exact, Map<String, int[]> prefixes) {
        this.categories = List.copyOf(categories);
        this.exact = exact;
        this.prefixes = prefixes;
        int longest = 0;
        for (String p : prefixes.keySet()) {
            longest = Math.max(longest, p.length());
        }
        this.longestPrefix = longest;
    }

    /**
     * @param in     the {@code .dic} text
     * @param source name of the source, for error messages
     * @return the lexicon
     * @throws IOException when the header is missing or an entry names an undeclared category
     */
    static Lexicon parse(Reader in, String source) throws IOException {
        BufferedReader r = new BufferedReader(in);
        String line;
        int lineNo = 0;
        int section = 0;
        Map<String, Integer> column = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        Map<String, int[]> exact = new HashMap<>();
        Map<String, int[]> prefixes = new HashMap<>();
        while ((line = r.readLine()) != null) {
            lineNo++;
            String t = line.strip();
            if (t.isEmpty()) {
                continue;
            }
            if (t.equals("%")) {
                section++;
                continue;
            }
            String[] parts = t.split("\\s+");
            if (section == 1) {
                if (parts.length < 2) {
                    throw new IOException(source + ":" + lineNo + ": expected '<number> <category>' in the header");
                }
                column.put(parts[0], names.size());
                names.add(parts[1]);
            } else if (section >= 2) {
                if (parts[0].contains("<") || parts.length < 2) {
                    continue;
                }
                List<Integer> cats = new ArrayList<>();
                boolean phrase = false;
                for (int k = 1; k < parts.length; k++) {
                    Integer c = column.get(parts[k]);
                    if (c == null) {
                        if (!parts[k].chars().allMatch(Character::isDigit)) {
                            phrase = true;
                            break;
                        }
                        throw new IOException(source + ":" + lineNo + ": category " + parts[k] + " is not declared");
                    }
                    cats.add(c);
                }
                if (phrase) {
                    continue;
                }
                int[] ids = cats.stream().mapToInt(Integer::intValue).toArray();
                String word = parts[0].toLowerCase(java.util.Locale.ROOT);
                if (word.endsWith("*")) {
                    prefixes.put(word.substring(0, word.length() - 1), ids);
                } else {
                    exact.put(word, ids);
                }
            } else {
                throw new IOException(source + ":" + lineNo + ": a .dic file starts with a line '%'");
            }
        }
        if (section < 2) {
            throw new IOException(source + ": no '%' line closes the category header");
        }
        return new Lexicon(names, exact, prefixes);
    }

    /** @return category names in header order */
    List<String> categories() {
        return categories;
    }

    /** @return the categories of one lower-case word (empty when none) */
    int[] categoriesOf(String word) {
        int[] e = exact.get(word);
        if (e != null) {
            return e;
        }
        for (int k = Math.min(word.length(), longestPrefix); k >= 1; k--) {
            int[] p = prefixes.get(word.substring(0, k));
            if (p != null) {
                return p;
            }
        }
        return new int[0];
    }

    /** @return per category, 100 × (words of the text in the category) / (words of the text); zeros for no words */
    double[] score(String text) {
        double[] out = new double[categories.size()];
        List<String> words = TextStatistics.words(text);
        if (words.isEmpty()) {
            return out;
        }
        for (String w : words) {
            for (int c : categoriesOf(w)) {
                out[c]++;
            }
        }
        for (int c = 0; c < out.length; c++) {
            out[c] = 100.0 * out[c] / words.size();
        }
        return out;
    }
}
