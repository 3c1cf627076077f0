package org.marketlens.model.masr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marketlens.api.data.InteractionData;
import org.marketlens.api.rec.HyperParameter;
import org.marketlens.api.rec.ModelProvider;
import org.marketlens.api.rec.Query;
import org.marketlens.api.rec.Recommender;
import org.marketlens.framework.data.Interactions;
import org.marketlens.framework.data.InteractionsBuilder;
import org.marketlens.framework.nn.PartTrainingContext;
import org.marketlens.framework.testing.FixedTrainingContext;

class MasrProviderTest {
    private static final int[] ALL = {0, 1, 2, 3};
    /** MDR's scores (−D_MDR) of users 0..2 for items 0..3; every value a short binary fraction. */
    private static final float[][] MDR = {
            {-1.0f, -2.0f, -0.5f, -4.0f},
            {-3.0f, -0.25f, -1.5f, -2.0f},
            {-0.75f, -1.0f, -3.5f, -2.5f}};
    /** MASS's scores (−D_MASS). */
    private static final float[][] MASS = {
            {-3.0f, -1.0f, -2.0f, -0.5f},
            {-0.5f, -2.75f, -1.0f, -1.25f},
            {-2.25f, -0.5f, -1.5f, -3.0f}};

    /** 3 users with the 4 items, so the data has exactly 4 items. */
    static InteractionData data(int items) {
        InteractionsBuilder b = Interactions.builder();
        for (int u = 0; u < 3; u++) {
            for (int i = 0; i < items; i++) {
                b.add("u" + u, "i" + i, Float.NaN, i, -1);
            }
        }
        return b.build();
    }

    private static FixedTrainingContext context() {
        return new FixedTrainingContext(11, 3, 1);
    }

    private static Recommender masr(double alpha) {
        return new MasrProvider(new ScoreTableProvider("MDR", MDR), new ScoreTableProvider("MASS", MASS))
                .train(data(4), Map.of("alpha", alpha), context());
    }

    @Test
    void fusedScoresAreTheAlphaWeightedSumOfThePartsScores() {
        // Eq. 4.29 by hand: 0.5 · MDR + 0.5 · MASS; no two candidates tie.
        Recommender half = masr(0.5);
        assertArrayEquals(new float[] {-2.0f, -1.5f, -1.25f, -2.25f}, half.score(Query.of(0), ALL));
        assertArrayEquals(new float[] {-1.75f, -1.5f, -1.25f, -1.625f}, half.score(Query.of(1), ALL));
        assertArrayEquals(new float[] {-1.5f, -0.75f, -2.5f, -2.75f}, half.scoreAll(Query.of(2)));
        // 0.25 · MDR + 0.75 · MASS for user 0
        assertArrayEquals(new float[] {-2.5f, -1.25f, -1.625f, -1.375f}, masr(0.25).score(Query.of(0), ALL));
        // candidates in any order and repeated
        assertArrayEquals(new float[] {-2.25f, -2.0f, -2.25f}, half.score(Query.of(0), new int[] {3, 0, 3}));
        assertEquals(0, half.score(Query.of(0), new int[0]).length);
        assertEquals(4, half.numItems());
    }

    @Test
    void theFusionRanksByBothPartsNotByEitherAlone() {
        // user 0: MDR's best item is 2, MASS's is 3, the fusion's is 2; user 1: MDR's 1, MASS's 0, the fusion's 2
        float[] u1 = masr(0.5).score(Query.of(1), ALL);
        assertEquals(2, argmax(u1));
        assertEquals(1, argmax(MDR[1]));
        assertEquals(0, argmax(MASS[1]));
    }

    private static int argmax(float[] s) {
        int best = 0;
        for (int i = 1; i < s.length; i++) {
            if (s[i] > s[best]) {
                best = i;
            }
        }
        return best;
    }

    @Test
    void alphaOneAndZeroReduceExactlyToEachPart() {
        SplittableRandom r = new SplittableRandom(5);
        float[][] a = new float[3][4];
        float[][] b = new float[3][4];
        for (int u = 0; u < 3; u++) {
            for (int i = 0; i < 4; i++) {
                a[u][i] = (float) (r.nextDouble() * 20 - 10);
                b[u][i] = (float) (r.nextDouble() * 2e3 - 1e3);
            }
        }
        MasrProvider p = new MasrProvider(new ScoreTableProvider("MDR", a), new ScoreTableProvider("MASS", b));
        Recommender one = p.train(data(4), Map.of("alpha", 1.0), context());
        Recommender zero = p.train(data(4), Map.of("alpha", 0), context());
        for (int u = 0; u < 3; u++) {
            assertArrayEquals(a[u], one.score(Query.of(u), ALL), 0f, "alpha = 1 is MDR, user " + u);
            assertArrayEquals(b[u], zero.score(Query.of(u), ALL), 0f, "alpha = 0 is MASS, user " + u);
        }
    }

    @Test
    void partsTrainWithTheirPrefixedParametersInAPartContextOfTheExperiment() {
        ScoreTableProvider mdr = new ScoreTableProvider("MDR", MDR);
        ScoreTableProvider mass = new ScoreTableProvider("MASS", MASS);
        FixedTrainingContext ctx = context().with(CharSequence.class, "APR", "the experiment's loss");
        Recommender r = new MasrProvider(mdr, mass).train(data(4),
                Map.of("mdr.dim", 16, "mass.dim", 32, "mass.shift", 1.0), ctx);
        assertEquals(Map.of("shift", 0.0, "dim", 16), mdr.trainedWith.get(0));
        assertEquals(Map.of("shift", 1.0, "dim", 32), mass.trainedWith.get(0));
        for (ScoreTableProvider p : List.of(mdr, mass)) {
            assertInstanceOf(PartTrainingContext.class, p.trainedIn.get(0));
            assertEquals("the experiment's loss", p.trainedIn.get(0).plugin(CharSequence.class).orElseThrow());
            assertEquals(3, p.trainedIn.get(0).maxEpochs());
        }
        assertNotEquals(mdr.trainedIn.get(0).seed(), mass.trainedIn.get(0).seed());
        assertEquals(true, ctx.recorded.get("MDR.trained"));
        assertEquals(true, ctx.recorded.get("MASS.trained"));
        assertEquals(0.5, ctx.recorded.get("alpha"));
        assertEquals(false, ctx.recorded.get("alphaTuned"));
        // MASS's shift of 1 moves every fused score by 0.5
        assertArrayEquals(new float[] {-1.5f, -1.0f, -0.75f, -1.75f}, r.score(Query.of(0), ALL));
    }

    @Test
    void hyperParametersListThePartsOwnWithTheirPrefixAndDefaults() {
        List<HyperParameter> h = new MasrProvider(new ScoreTableProvider("MDR", MDR),
                new ScoreTableProvider("MASS", MASS)).hyperParameters();
        assertEquals(List.of("alpha", "tuneAlpha", "mdrSnapshot", "massSnapshot", "mdr.shift", "mdr.dim",
                "mass.shift", "mass.dim"), h.stream().map(HyperParameter::name).toList());
        assertEquals(0.5, h.get(0).defaultValue());
        assertEquals(8, h.get(5).defaultValue());
        assertEquals(List.of("alpha", "tuneAlpha", "mdrSnapshot", "massSnapshot"),
                new MasrProvider().hyperParameters().stream().map(HyperParameter::name).toList());
    }

    @Test
    void snapshotRoundTripKeepsAlphaAndBothParts() throws IOException {
        MasrProvider p = new MasrProvider(new ScoreTableProvider("MDR", MDR), new ScoreTableProvider("MASS", MASS));
        Recommender trained = p.train(data(4), Map.of("alpha", 0.3, "mass.shift", 0.125), context());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        trained.save(bytes);
        Recommender loaded = p.load(new ByteArrayInputStream(bytes.toByteArray()));
        for (int u = 0; u < 3; u++) {
            assertArrayEquals(trained.score(Query.of(u), ALL), loaded.score(Query.of(u), ALL), 0f);
        }
        assertEquals(0.3, ((MasrRecommender) loaded).alpha());
        assertFalse(((MasrRecommender) loaded).tuned());
        // and not the default α: 0.3 · (−1) + 0.7 · (−3 + 0.125)
        assertEquals((float) (0.3 * -1 + 0.7 * -2.875), loaded.score(Query.of(0), ALL)[0]);
    }

    @Test
    void partsComeFromSnapshotsWithoutTraining(@TempDir Path dir) throws IOException {
        Path mdrFile = save(dir.resolve("MDR.model"), new ScoreTableProvider.Table("MDR", MDR, 0f));
        Path massFile = save(dir.resolve("MASS.model"), new ScoreTableProvider.Table("MASS", MASS, 0f));
        ScoreTableProvider mdr = new ScoreTableProvider("MDR", new float[][] {{9, 9, 9, 9}});
        ScoreTableProvider mass = new ScoreTableProvider("MASS", new float[][] {{9, 9, 9, 9}});
        Recommender r = new MasrProvider(mdr, mass).train(data(4),
                Map.of("mdrSnapshot", mdrFile.toString(), "massSnapshot", massFile.toString()), context());
        assertTrue(mdr.trainedWith.isEmpty() && mass.trainedWith.isEmpty(), "no part is trained");
        assertArrayEquals(new float[] {-1.75f, -1.5f, -1.25f, -1.625f}, r.score(Query.of(1), ALL));
        // hyper-parameters of a part that is loaded as saved are an error, not silently ignored
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new MasrProvider(mdr, mass)
                .train(data(4), Map.of("mdrSnapshot", mdrFile.toString(), "mdr.dim", 4), context()));
        assertTrue(e.getMessage().contains("mdr.dim"), e.getMessage());
    }

    private static Path save(Path file, Recommender r) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            r.save(out);
        }
        return file;
    }

    /**
     * Validation cases (user, positive, negative) where MDR puts the positive first by a hair and MASS puts it last by
     * far: the positive wins only when α > 10 / 10.001, so only α = 1 of the grid validates perfectly.
     */
    @Test
    void tuningAlphaPicksThePartThatValidatesBetter() {
        float[][] good = {{-1.0f, -1.001f}, {-1.001f, -1.0f}};
        float[][] bad = {{-10f, 0f}, {0f, -10f}};
        int[][] cases = {{0, 0, 1}, {1, 1, 0}};
        for (boolean mdrIsGood : new boolean[] {true, false}) {
            FixedTrainingContext ctx = context().validation(r -> OptionalDouble.of(hitRate(r, cases)));
            MasrProvider p = new MasrProvider(new ScoreTableProvider("MDR", mdrIsGood ? good : bad),
                    new ScoreTableProvider("MASS", mdrIsGood ? bad : good));
            MasrRecommender tuned = (MasrRecommender) p.train(data(2), Map.of("tuneAlpha", true), ctx);
            double expected = mdrIsGood ? 1.0 : 0.0;
            assertEquals(expected, tuned.alpha());
            assertTrue(tuned.tuned());
            assertEquals(expected, ctx.recorded.get("alpha"));
            @SuppressWarnings("unchecked")
            Map<String, Object> scanned = (Map<String, Object>) ctx.recorded.get("alphaValidation");
            assertEquals(11, scanned.size());
            assertEquals(1.0, scanned.get(Double.toString(expected)));
            assertEquals(0.0, scanned.get("0.5"));
        }
    }

    /** Fraction of cases whose positive scores strictly above its negative (ties count against it). */
    private static double hitRate(Recommender r, int[][] cases) {
        int hits = 0;
        for (int[] c : cases) {
            float[] s = r.score(Query.of(c[0]), new int[] {c[1], c[2]});
            hits += s[0] > s[1] ? 1 : 0;
        }
        return hits / (double) cases.length;
    }

    @Test
    void equalValidationValuesKeepTheAlphaClosestToOneHalf() {
        assertEquals(0.5, AlphaSearch.best(AlphaSearch.scan(a -> OptionalDouble.of(0.25))));
        assertEquals(0.4, AlphaSearch.best(Map.of(0.4, 1.0, 0.6, 1.0, 0.0, 0.5)));
        assertEquals(0.4, AlphaSearch.best(new java.util.TreeMap<>(Map.of(0.6, 1.0, 0.4, 1.0))));
        assertEquals(0.9, AlphaSearch.best(Map.of(0.9, 0.7, 0.5, 0.6, 0.1, Double.NaN)));
    }

    @Test
    void tuningAlphaWithoutValidationCasesIsAnError() {
        MasrProvider p = new MasrProvider(new ScoreTableProvider("MDR", MDR), new ScoreTableProvider("MASS", MASS));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> p.train(data(4), Map.of("tuneAlpha", true), context()));
        assertTrue(e.getMessage().contains("validation"), e.getMessage());
    }

    @Test
    void aMissingPartIsNamedInTheError() throws IOException {
        ScoreTableProvider mdr = new ScoreTableProvider("MDR", MDR);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new MasrProvider(mdr, null).train(data(4), Map.of(), context()));
        assertTrue(e.getMessage().contains("MASS") && e.getMessage().contains("none is installed"), e.getMessage());
        // outside the component runtime the context's registry supplies it
        Recommender r = new MasrProvider(mdr, null).train(data(4), Map.of(),
                context().register(ModelProvider.class, "MASS", new ScoreTableProvider("MASS", MASS)));
        assertArrayEquals(new float[] {-2.0f, -1.5f, -1.25f, -2.25f}, r.score(Query.of(0), ALL));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        r.save(bytes);
        IllegalStateException load = assertThrows(IllegalStateException.class,
                () -> new MasrProvider(null, null).load(new ByteArrayInputStream(bytes.toByteArray())));
        assertTrue(load.getMessage().contains("MDR"), load.getMessage());
    }

    @Test
    void aMissingSnapshotFileIsNamedInTheError(@TempDir Path dir) {
        Path absent = dir.resolve("reports/run/models/MASS.model");
        MasrProvider p = new MasrProvider(new ScoreTableProvider("MDR", MDR), new ScoreTableProvider("MASS", MASS));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> p.train(data(4), Map.of("massSnapshot", absent.toString()), context()));
        assertTrue(e.getMessage().contains("MASS") && e.getMessage().contains(absent.toString()), e.getMessage());
    }

    @Test
    void partsOfAnotherItemSetAreRejected() {
        float[][] five = {{0, 1, 2, 3, 4}, {0, 1, 2, 3, 4}, {0, 1, 2, 3, 4}};
        MasrProvider p = new MasrProvider(new ScoreTableProvider("MDR", MDR), new ScoreTableProvider("MASS", five));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> p.train(data(4), Map.of(), context()));
        assertTrue(e.getMessage().contains("MASS scores 5 items, the data has 4"), e.getMessage());
    }

    @Test
    void badParametersAreRejected() {
        MasrProvider p = new MasrProvider(new ScoreTableProvider("MDR", MDR), new ScoreTableProvider("MASS", MASS));
        for (double alpha : new double[] {-0.1, 1.5, Double.NaN}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> p.train(data(4), Map.of("alpha", alpha), context()));
            assertTrue(e.getMessage().contains("[0, 1]"), e.getMessage());
        }
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> p.train(data(4), Map.of("dim", 8), context()));
        assertTrue(unknown.getMessage().contains("unknown hyper-parameter 'dim' for MASR"), unknown.getMessage());
        IllegalArgumentException unknownPart = assertThrows(IllegalArgumentException.class,
                () -> p.train(data(4), Map.of("mdr.hops", 2), context()));
        assertTrue(unknownPart.getMessage().contains("'hops' for MDR"), unknownPart.getMessage());
    }

    @Test
    void otherSnapshotsAreRejected() throws IOException {
        MasrProvider p = new MasrProvider(new ScoreTableProvider("MDR", MDR), new ScoreTableProvider("MASS", MASS));
        ByteArrayOutputStream noMass = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(noMass)) {
            zip.putNextEntry(new ZipEntry(MasrRecommender.HEADER_ENTRY));
            zip.write("model=MASR\nformat=1\nalpha=0.5\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(MasrRecommender.MDR_ENTRY));
            new ScoreTableProvider.Table("MDR", MDR, 0f).save(zip);
            zip.closeEntry();
        }
        IOException e = assertThrows(IOException.class, () -> p.load(new ByteArrayInputStream(noMass.toByteArray())));
        assertTrue(e.getMessage().contains("MASS is missing"), e.getMessage());
        ByteArrayOutputStream sdmr = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(sdmr)) {
            for (String entry : List.of(MasrRecommender.HEADER_ENTRY, "MDR", "MASS")) {
                zip.putNextEntry(new ZipEntry(entry));
                zip.write("model=SDMR\nformat=1\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
                zip.closeEntry();
            }
        }
        IOException other = assertThrows(IOException.class, () -> p.load(new ByteArrayInputStream(sdmr.toByteArray())));
        assertTrue(other.getMessage().contains("not a MASR snapshot"), other.getMessage());
    }
}
