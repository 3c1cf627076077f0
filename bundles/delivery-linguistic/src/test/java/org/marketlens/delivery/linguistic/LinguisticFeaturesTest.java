package org.marketlens.delivery.linguistic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.marketlens.api.delivery.Feature;
import org.marketlens.api.delivery.FeatureBlock;
import org.marketlens.api.delivery.Project;
import org.marketlens.api.delivery.TimePoint;
import org.marketlens.delivery.data.SyntheticProjectSource;
import org.marketlens.framework.delivery.TimePointAudit;

class LinguisticFeaturesTest {
    private static final String DIC = "%\n1\tposemo\n2\tanx\n3\tship\n%\ngreat\t1\nworr*\t2\nship*\t3\nshipwreck\t2\n"
            + "a lot\t1\n";

    @Test
    void parsesTheLiwcFormatWithWildcardsAndExactEntriesWinning() throws IOException {
        Lexicon lex = Lexicon.parse(new StringReader(DIC), "test.dic");
        assertEquals(List.of("posemo", "anx", "ship"), lex.categories());
        assertArrayEquals(new int[] {1}, lex.categoriesOf("worried"));
        assertArrayEquals(new int[] {2}, lex.categoriesOf("shipped"));
        assertArrayEquals(new int[] {1}, lex.categoriesOf("shipwreck"));
        assertArrayEquals(new int[0], lex.categoriesOf("wor"));
    }

    @Test
    void scoresArePercentagesOfTheTextsWords() throws IOException {
        Lexicon lex = Lexicon.parse(new StringReader(DIC), "test.dic");
        // 8 words: we, are, worried, great, it, shipped, great, news -> posemo 2/8, anx 1/8, ship 1/8
        assertArrayEquals(new double[] {25.0, 12.5, 12.5},
                lex.score("We are worried. Great: it shipped! Great news."), 1e-12);
        assertArrayEquals(new double[] {0, 0, 0}, lex.score(" ... "), 0);
    }

    @Test
    void malformedLexiconsNameTheProblem() {
        IOException e = assertThrows(IOException.class,
                () -> Lexicon.parse(new StringReader("%\n1\tposemo\n%\ngreat\t7\n"), "bad.dic"));
        assertTrue(e.getMessage().contains("bad.dic:4"), e.getMessage());
        assertThrows(IOException.class, () -> Lexicon.parse(new StringReader("great\t1\n"), "x.dic"));
    }

    @Test
    void welchTestKeepsOnlyTheCategoryThatDiffersBetweenGroups() {
        Random rnd = new Random(1);
        double[][] scores = new double[200][2];
        boolean[] late = new boolean[200];
        for (int i = 0; i < 200; i++) {
            late[i] = i % 2 == 0;
            scores[i][0] = rnd.nextGaussian() + (late[i] ? 1.0 : 0.0);
            scores[i][1] = rnd.nextGaussian();
        }
        assertArrayEquals(new int[] {0}, CategorySelection.kept(scores, late, 0.05 / 2));
    }

    @Test
    void columnsOnlyAtTp4AndSelectedToneCategoriesOnSyntheticProjects() {
        List<Project> projects = SyntheticProjectSource.generate(300, 2);
        LinguisticFeatures extractor = new LinguisticFeatures();
        for (TimePoint tp : List.of(TimePoint.TP1, TimePoint.TP2, TimePoint.TP3)) {
            assertEquals(List.of(), extractor.fit(projects, tp, 1).features());
        }
        FeatureBlock block = extractor.fit(projects, TimePoint.TP4, 1);
        List<String> names = block.features().stream().map(Feature::name).toList();
        // the generator writes achievement/positive words for diligent creators, anxiety/negative otherwise
        assertTrue(names.stream().anyMatch(n -> n.startsWith("liwc.updates.")), names.toString());
        assertTrue(names.size() < 20, names.toString());
        assertEquals(names.size(), block.extract(projects.get(0)).length);
    }

    @Test
    void usesNoDataAfterTp4() {
        assertEquals(List.of(), TimePointAudit.violations(new LinguisticFeatures(),
                SyntheticProjectSource.generate(60, 5), 3));
    }
}
