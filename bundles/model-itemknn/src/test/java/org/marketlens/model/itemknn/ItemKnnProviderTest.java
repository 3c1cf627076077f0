package org.marketlens.model.itemknn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.SplittableRandom;
import org.marketlens.api.data.InteractionData;
import org.marketlens.api.rec.Query;
import org.marketlens.api.rec.Recommender;
import org.marketlens.framework.data.DenseIdMap;
import org.marketlens.framework.data.Interactions;
import org.marketlens.framework.data.InteractionsBuilder;
import org.junit.jupiter.api.Test;

class ItemKnnProviderTest {
    private static final double EPS = 1e-6;

    /**
     * u0 = {0, 1}, u1 = {0, 1, 2}, u2 = {1, 3} (u1 also has a duplicate of item 0, which a binary matrix ignores).
     * Item users: 0 {u0,u1}, 1 {u0,u1,u2}, 2 {u1}, 3 {u2}. Cosines: s01 = 2/sqrt(6), s02 = 1/sqrt(2),
     * s12 = s13 = 1/sqrt(3), s03 = s23 = 0.
     */
    private static InteractionData tiny() {
        InteractionsBuilder b = Interactions.builder(DenseIdMap.identity(3), DenseIdMap.identity(4));
        int[][] rows = {{0, 1}, {0, 1, 2, 0}, {1, 3}};
        for (int u = 0; u < rows.length; u++) {
            for (int i : rows[u]) {
                b.add(u, i, InteractionData.NO_RATING, InteractionData.NO_TIME, InteractionData.NO_GROUP);
            }
        }
        return b.build();
    }

    private static Recommender train(InteractionData data, Map<String, Object> params) {
        return new ItemKnnProvider().train(data, params, null);
    }

    @Test
    void allNeighboursScoresMatchHandComputedCosines() {
        Recommender m = train(tiny(), Map.of("neighbours", 0));
        double s01 = 2 / Math.sqrt(6);
        double s02 = 1 / Math.sqrt(2);
        double s12 = 1 / Math.sqrt(3);
        float[] u0 = m.scoreAll(Query.of(0));
        assertEquals(s01, u0[0], EPS);
        assertEquals(s01, u0[1], EPS);
        assertEquals(s02 + s12, u0[2], EPS);
        assertEquals(s12, u0[3], EPS);
        float[] u2 = m.scoreAll(Query.of(2));
        assertEquals(s01, u2[0], EPS);
        assertEquals(s12, u2[1], EPS);
        assertEquals(s12, u2[2], EPS);
        assertEquals(s12, u2[3], EPS);
    }

    @Test
    void oneNeighbourKeepsOnlyTheMostSimilarItem() {
        Recommender m = train(tiny(), Map.of("neighbours", 1));
        // N1(0) = {1}, N1(1) = {0}, N1(2) = {0}, N1(3) = {1}.
        float[] u0 = m.scoreAll(Query.of(0));
        assertEquals(2 / Math.sqrt(6), u0[0], EPS);
        assertEquals(2 / Math.sqrt(6), u0[1], EPS);
        assertEquals(1 / Math.sqrt(2), u0[2], EPS);
        assertEquals(1 / Math.sqrt(3), u0[3], EPS);
        // u2 = {1, 3}: item 0's only neighbour is 1, item 1's only neighbour is 0 (not in u2's history).
        assertArrayEquals(new float[] {(float) (2 / Math.sqrt(6)), 0f, 0f, (float) (1 / Math.sqrt(3))},
                m.scoreAll(Query.of(2)), 1e-6f);
    }

    @Test
    void shrinkEntersTheDenominator() {
        Recommender m = train(tiny(), Map.of("neighbours", 0, "shrink", 1.0));
        assertEquals(2 / (Math.sqrt(6) + 1), m.score(Query.of(0), new int[] {0})[0], EPS);
        assertEquals(1 / (Math.sqrt(2) + 1) + 1 / (Math.sqrt(3) + 1), m.score(Query.of(0), new int[] {2})[0], EPS);
    }

    @Test
    void defaultsKeepAllNeighboursOnASmallCatalogue() {
        assertArrayEquals(train(tiny(), Map.of("neighbours", 0)).scoreAll(Query.of(1)),
                train(tiny(), Map.of()).scoreAll(Query.of(1)));
    }

    @Test
    void unknownUserIsScoredFromItsContext() {
        Recommender m = train(tiny(), Map.of());
        float[] fromContext = m.scoreAll(new Query(99, InteractionData.NO_GROUP, new int[] {0, 1}));
        assertArrayEquals(m.scoreAll(Query.of(0)), fromContext);
    }

    @Test
    void saveThenLoadScoresIdentically() throws IOException {
        InteractionData data = random(60, 80, 7);
        Recommender m = train(data, Map.of("neighbours", 10, "shrink", 2.0));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        m.save(bytes);
        Recommender back = new ItemKnnProvider().load(new ByteArrayInputStream(bytes.toByteArray()));
        assertEquals(m.numItems(), back.numItems());
        for (int u = 0; u < data.numUsers(); u++) {
            assertArrayEquals(m.scoreAll(Query.of(u)), back.scoreAll(Query.of(u)), "user " + u);
        }
    }

    @Test
    void parallelBuildIsDeterministic() {
        InteractionData data = random(200, 150, 3);
        Recommender a = train(data, Map.of("neighbours", 5));
        Recommender b = train(data, Map.of("neighbours", 5));
        for (int u = 0; u < data.numUsers(); u++) {
            assertArrayEquals(a.scoreAll(Query.of(u)), b.scoreAll(Query.of(u)));
        }
    }

    @Test
    void topKScoresAgreeWithABruteForceCosine() {
        InteractionData data = random(40, 30, 5);
        int k = 4;
        Recommender m = train(data, Map.of("neighbours", k));
        int items = data.numItems();
        double[][] sim = new double[items][items];
        for (int i = 0; i < items; i++) {
            for (int j = 0; j < items; j++) {
                int co = 0;
                int ni = 0;
                int nj = 0;
                for (int u = 0; u < data.numUsers(); u++) {
                    boolean hi = data.contains(u, i);
                    boolean hj = data.contains(u, j);
                    ni += hi ? 1 : 0;
                    nj += hj ? 1 : 0;
                    co += hi && hj ? 1 : 0;
                }
                sim[i][j] = i == j || co == 0 ? 0 : co / Math.sqrt((double) ni * nj);
            }
        }
        for (int u = 0; u < data.numUsers(); u++) {
            float[] scores = m.scoreAll(Query.of(u));
            for (int i = 0; i < items; i++) {
                double[] row = sim[i];
                // the k-th largest similarity of item i decides who is a neighbour (ties broken by lower index)
                Integer[] order = new Integer[items];
                for (int j = 0; j < items; j++) {
                    order[j] = j;
                }
                java.util.Arrays.sort(order, (a, b) -> row[a] != row[b] ? Double.compare(row[b], row[a]) : a - b);
                double expected = 0;
                for (int r = 0; r < k; r++) {
                    int j = order[r];
                    if (row[j] > 0 && data.contains(u, j)) {
                        expected += row[j];
                    }
                }
                assertEquals(expected, scores[i], 1e-5, "user " + u + " item " + i);
            }
        }
    }

    @Test
    void invalidHyperParametersAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> train(tiny(), Map.of("neighbours", -1)));
        assertThrows(IllegalArgumentException.class, () -> train(tiny(), Map.of("shrink", -0.5)));
        assertThrows(IllegalArgumentException.class, () -> train(tiny(), Map.of("k", 3)));
    }

    @Test
    void aSnapshotOfAnotherModelIsRejected() {
        assertThrows(IOException.class,
                () -> new ItemKnnProvider().load(new ByteArrayInputStream(new byte[] {0, 3, 'a', 'b', 'c', 0, 0, 0, 1})));
    }

    private static InteractionData random(int users, int items, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        InteractionsBuilder b = Interactions.builder(DenseIdMap.identity(users), DenseIdMap.identity(items));
        for (int u = 0; u < users; u++) {
            int n = 2 + r.nextInt(10);
            for (int t = 0; t < n; t++) {
                // skewed item choice so that similarities differ and ties are rare
                int i = (int) (items * Math.pow(r.nextDouble(), 2));
                b.add(u, i, InteractionData.NO_RATING, InteractionData.NO_TIME, InteractionData.NO_GROUP);
            }
        }
        return b.build();
    }
}
