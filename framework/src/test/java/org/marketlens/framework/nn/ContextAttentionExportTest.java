package org.marketlens.framework.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.marketlens.api.nn.AttentionWeights.Attention;
import org.marketlens.api.nn.ScoreInputs;
import org.marketlens.api.rec.Query;
import org.marketlens.api.rec.Recommender;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The window, per-candidate replication, trimming and empty cases of {@link ContextAttentionExport}, on a two-hop
 * probe graph: hop 1 is uniform over the real members ({@code m_k / Σ m}), hop 2 weighs slot {@code k} by the
 * trained constant {@code scale[k]}, doubled when its item {@code c_k} is the candidate, normalised over the members.
 */
class ContextAttentionExportTest {
    private static final float[] SCALE = {1, 2, 1};

    /** Scores nothing: the export's own logic is under test. */
    private static final Recommender SERVING = new Recommender() {
        @Override
        public int numItems() {
            return 6;
        }

        @Override
        public float[] score(Query query, int[] items) {
            throw new AssertionError("not scored");
        }

        @Override
        public void save(OutputStream out) {
            throw new AssertionError("not saved");
        }
    };

    private static List<SDVariable> probe(SameDiff sd, ScoreInputs in) {
        SDVariable mask = in.contextMask();
        SDVariable uniform = mask.div(mask.sum(true, 1));
        SDVariable scale = sd.getVariable("scale").reshape(1, -1);
        SDVariable distance = sd.math().abs(in.context().castTo(DataType.FLOAT)
                .sub(in.items().castTo(DataType.FLOAT).reshape(-1, 1)));
        SDVariable isItem = sd.math().clipByValue(distance, 0, 1).rsub(1f);
        SDVariable raw = mask.mul(scale).mul(isItem.add(1f));
        return List.of(uniform, raw.div(raw.sum(true, 1)));
    }

    private static ContextAttentionExport export(ContextAttentionExport.AttentionGraph graph, int hops) {
        return new ContextAttentionExport(SERVING, Map.of("scale", Nd4j.createFromArray(SCALE)), 3, hops, graph);
    }

    /** The 3 latest query items, every candidate its own row, weights trimmed to the members (hand-computed). */
    @Test
    void exportsEveryHopOfEveryCandidateOverTheLatestItems() {
        List<Attention> out = export(ContextAttentionExportTest::probe, 2)
                .attention(new Query(1, 0, new int[] {1, 2, 3, 4, 5}), new int[] {4, 0});
        assertEquals(2, out.size());
        Attention four = out.get(0);
        assertEquals(4, four.item());
        assertArrayEquals(new int[] {3, 4, 5}, four.context(), "the s = 3 latest items, oldest first");
        assertEquals(2, four.hops());
        assertArrayEquals(new float[] {1 / 3f, 1 / 3f, 1 / 3f}, four.weights()[0], 1e-6f);
        assertArrayEquals(new float[] {1 / 6f, 4 / 6f, 1 / 6f}, four.weights()[1], 1e-6f,
                "scale 1, 2, 1; candidate 4 doubled");
        Attention zero = out.get(1);
        assertEquals(0, zero.item());
        assertArrayEquals(new float[] {1 / 4f, 2 / 4f, 1 / 4f}, zero.weights()[1], 1e-6f,
                "scale 1, 2, 1; the candidate is not in the window");
    }

    /** A window with padding: only the n real members come back, their weights summing to 1. */
    @Test
    void leavesPaddingOut() {
        Attention a = export(ContextAttentionExportTest::probe, 2).attention(new Query(0, 0, new int[] {3, 4}),
                new int[] {3}).get(0);
        assertArrayEquals(new int[] {3, 4}, a.context());
        assertArrayEquals(new float[] {0.5f, 0.5f}, a.weights()[0], 1e-6f);
        assertArrayEquals(new float[] {0.5f, 0.5f}, a.weights()[1], 1e-6f, "scale 1, 2; candidate 3 doubled");
    }

    /** No member: every weight would be 0/0 (MODELS.md §0.4), so hops empty rows and the graph is never built. */
    @Test
    void noMemberGivesEmptyHopsWithoutAGraph() {
        ContextAttentionExport export = export((sd, in) -> {
            throw new AssertionError("no graph for an empty window");
        }, 3);
        List<Attention> out = export.attention(Query.of(2), new int[] {1, 5});
        assertEquals(2, out.size());
        for (int row = 0; row < 2; row++) {
            assertEquals(new int[] {1, 5}[row], out.get(row).item());
            assertEquals(0, out.get(row).context().length);
            assertEquals(3, out.get(row).hops());
            for (float[] hop : out.get(row).weights()) {
                assertEquals(0, hop.length);
            }
        }
        assertTrue(export.attention(new Query(0, 0, new int[] {3}), new int[0]).isEmpty(), "no candidates");
    }

    /** A graph with another number of hops than declared is a programming error, not a silent truncation. */
    @Test
    void rejectsAGraphWithOtherHops() {
        ContextAttentionExport export = export(ContextAttentionExportTest::probe, 1);
        assertThrows(IllegalStateException.class,
                () -> export.attention(new Query(0, 0, new int[] {3}), new int[] {3}));
    }
}
