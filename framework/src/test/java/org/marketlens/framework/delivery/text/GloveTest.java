package org.marketlens.framework.delivery.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GloveTest {
    private static final List<String> EASY = List.of("thank", "credit", "sticker", "postcard", "email");
    private static final List<String> HARD = List.of("film", "device", "prototype", "hardware", "sculpture");

    /** Documents that each draw words from one topic only. */
    private static List<List<String>> corpus(long seed) {
        Random rnd = new Random(seed);
        List<List<String>> docs = new ArrayList<>();
        for (int d = 0; d < 400; d++) {
            List<String> topic = d % 2 == 0 ? EASY : HARD;
            List<String> doc = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                doc.add(topic.get(rnd.nextInt(topic.size())));
            }
            docs.add(doc);
        }
        return docs;
    }

    private static double cosine(double[] a, double[] b) {
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < a.length; i++) {
            ab += a[i] * b[i];
            aa += a[i] * a[i];
            bb += b[i] * b[i];
        }
        return ab / Math.sqrt(aa * bb);
    }

    @Test
    void wordsOfOneTopicEndUpCloserThanWordsOfDifferentTopics() {
        Glove.Vectors v = Glove.train(corpus(3), new Glove.Settings(10, 30, 15, 5, 100, 0.75, 0.05), 1);
        Map<String, Integer> id = v.index();
        double within = 0;
        double across = 0;
        for (int i = 0; i < EASY.size(); i++) {
            for (int j = 0; j < EASY.size(); j++) {
                if (i != j) {
                    within += cosine(v.vectors()[id.get(EASY.get(i))], v.vectors()[id.get(EASY.get(j))])
                            + cosine(v.vectors()[id.get(HARD.get(i))], v.vectors()[id.get(HARD.get(j))]);
                }
                across += cosine(v.vectors()[id.get(EASY.get(i))], v.vectors()[id.get(HARD.get(j))]);
            }
        }
        within /= 2 * EASY.size() * (EASY.size() - 1);
        across /= EASY.size() * EASY.size();
        assertTrue(within > across + 0.5, "within-topic cosine " + within + " vs across " + across);
    }

    @Test
    void rareWordsStayOutOfTheVocabularyAndRunsRepeat() {
        List<List<String>> docs = new ArrayList<>(corpus(5));
        docs.add(List.of("once", "thank"));
        Glove.Settings s = new Glove.Settings(8, 5, 15, 5, 100, 0.75, 0.05);
        Glove.Vectors a = Glove.train(docs, s, 9);
        Glove.Vectors b = Glove.train(docs, s, 9);
        assertEquals(10, a.words().size());
        assertTrue(!a.index().containsKey("once"));
        assertEquals(a.vectors()[3][2], b.vectors()[3][2]);
    }
}
