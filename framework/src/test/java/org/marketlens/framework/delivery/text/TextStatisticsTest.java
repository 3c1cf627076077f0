package org.marketlens.framework.delivery.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TextStatisticsTest {
    @Test
    void syllablesMatchDictionaryCounts() {
        assertEquals(3, TextStatistics.syllables("elephants"));
        assertEquals(5, TextStatistics.syllables("extraordinary"));
        assertEquals(4, TextStatistics.syllables("communicate"));
        assertEquals(4, TextStatistics.syllables("remarkable"));
        assertEquals(1, TextStatistics.syllables("are"));
        assertEquals(2, TextStatistics.syllables("sunny"));
    }

    @Test
    void smogOfTextWithoutPolysyllablesIsTheConstant() {
        String text = "The cat sat on the mat. It was a sunny day.";
        assertEquals(2, TextStatistics.sentences(text));
        assertEquals(3.1291, TextStatistics.smog(text), 1e-12);
    }

    @Test
    void smogOfKnownSentencesFollowsMcLaughlin() {
        // polysyllables: elephants, extraordinary, animals, communicate, remarkable, intelligence = 6; 2 sentences
        String text = "Elephants are extraordinary animals. They communicate with remarkable intelligence!";
        assertEquals(6, TextStatistics.polysyllables(text));
        assertEquals(1.0430 * Math.sqrt(6 * 30.0 / 2) + 3.1291, TextStatistics.smog(text), 1e-12);
        assertEquals(13.0239, TextStatistics.smog(text), 1e-3);
    }

    @Test
    void emptyTextHasNoSentenceAndSmogZero() {
        assertEquals(0, TextStatistics.sentences("  ...  "));
        assertEquals(0.0, TextStatistics.smog(""));
        assertEquals(1, TextStatistics.sentences("no final stop"));
    }
}
