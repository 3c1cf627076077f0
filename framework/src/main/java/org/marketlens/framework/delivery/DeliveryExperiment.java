package org.marketlens.framework.delivery;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.marketlens.api.delivery.FeatureBlock;
import org.marketlens.api.delivery.FeatureExtractor;
import org.marketlens.api.delivery.FeatureMatrix;
import org.marketlens.api.delivery.FeatureSelector;
import org.marketlens.api.delivery.DeliveryPredictor;
import org.marketlens.api.delivery.Project;
import org.marketlens.api.delivery.Selection;
import org.marketlens.api.delivery.TimePoint;
import org.marketlens.framework.train.Seeds;

/**
 * The Chapter 3 protocol (MODELS.md §1.6–§1.8): k-fold cross-validation at each time point with feature
 * extraction and selection inside each training fold (A-12 default), the on-time/late classifier against the
 * majority-class and Kim et al. baselines (Table 3.3), the TP4 feature-group ablation (Table 3.4) and the duration
 * regression variants against the OLS baseline (Table 3.5). {@link #run} returns the results;
 * {@link DeliveryReport#markdown} prints them.
 *
 * <p>Repeated cross-validation ({@link Settings#repeats()} &gt; 1): the k-fold protocol runs again on new stratified
 * folds ({@link Folds#repeatedStratified}); repetition 1 is exactly the single-repetition protocol, so its numbers do
 * not change when repetitions are added. Fold scores and pooled predictions are kept per repetition (see
 * {@link Results#repeats()}); the report gives the mean over all folds and the spread of the repetitions' means,
 * and its tests stay within one repetition (the folds of different repetitions share projects and are not
 * independent pairs).
 */
public final class DeliveryExperiment {
    /** Groups dropped one at a time in the ablation (Table 3.4). */
    public static final List<String> ABLATION_GROUPS = List.of("linguistic", "semantic", "backer", "creator");
    /** The LRDD column, excluded from the regression features (§1.8). */
    public static final String LRDD = "LRDD";

    private DeliveryExperiment() {
    }

    /**
     * The services an experiment composes.
     *
     * @param extractors          all feature groups of our model
     * @param classifierSelection selection chain for the classifier (VIF then Boruta), may be empty
     * @param regressionSelection selection chain for the regressor (stepAIC), may be empty
     * @param classifier          the on-time/late classifier (XGBoost)
     * @param regressor           the duration regressor (elastic net), null to skip Table 3.5
     * @param kimFeatures         the 8 features of Kim et al.
     * @param majority            baseline 1
     * @param olsBaseline         regression baseline (OLS on Kim's features), null to skip Table 3.5
     */
    public record Components(List<FeatureExtractor> extractors, List<FeatureSelector> classifierSelection,
            List<FeatureSelector> regressionSelection, DeliveryPredictor classifier, DeliveryPredictor regressor,
            FeatureExtractor kimFeatures, DeliveryPredictor majority, DeliveryPredictor olsBaseline) {
    }

    /**
     * Protocol settings.
     *
     * @param folds      cross-validation folds (10 in the dissertation)
     * @param seed       experiment seed; per-fold seeds come from {@link Seeds#derive}
     * @param timePoints time points to evaluate
     * @param ablation   whether to run the TP4 ablation
     * @param parallelism how many (repetition, time point, fold) cells run at once; results do not depend on it
     * @param repeats    how many times the k-fold protocol runs, each on its own stratified folds (1 = plain k-fold)
     */
    public record Settings(int folds, long seed, List<TimePoint> timePoints, boolean ablation, int parallelism,
            int repeats) {
        /** Checks the repetitions. */
        public Settings {
            if (repeats < 1) {
                throw new IllegalArgumentException("repeats must be at least 1, got " + repeats);
            }
        }

        /** One repetition (plain k-fold cross-validation). */
        public Settings(int folds, long seed, List<TimePoint> timePoints, boolean ablation, int parallelism) {
            this(folds, seed, timePoints, ablation, parallelism, 1);
        }

        /** The dissertation's protocol: 10 folds, all time points, with ablation, one cell per processor. */
        public static Settings defaults(long seed) {
            return new Settings(10, seed, List.of(TimePoint.values()), true,
                    Runtime.getRuntime().availableProcessors());
        }

        /** @return these settings with {@code r} repetitions */
        public Settings withRepeats(int r) {
            return new Settings(folds, seed, timePoints, ablation, parallelism, r);
        }
    }

    /**
     * Per-fold accuracies of one approach at one time point: with several repetitions, the folds of repetition 1,
     * then those of repetition 2, and so on.
     */
    public record FoldScores(double[] values) {
        /** @return mean over folds */
        public double mean() {
            double s = 0;
            for (double v : values) {
                s += v;
            }
            return s / values.length;
        }
    }

    /**
     * Pooled out-of-fold duration predictions of one model at one time point: with several repetitions, the
     * projects' predictions of repetition 1, then of repetition 2 (each repetition predicts every project with a
     * known duration once, in the same order), and so on.
     */
    public record Pooled(double[] predicted, double[] actual) {
    }

    /**
     * Everything measured.
     *
     * @param projects       projects used for classification (labeled)
     * @param lateShare      share of late projects
     * @param accuracy       approach → time point → per-fold accuracy
     * @param ablation       model label → per-fold accuracy at TP4
     * @param topFeatures    time point → feature → mean selection score over the folds that kept it (one-hot
     *                       columns listed under their feature, see {@link #reportedName})
     * @param regression     model label → time point → pooled predictions
     * @param durationProjects projects with a known duration
     * @param repeats        repetitions of the k-fold protocol: {@link FoldScores} and {@link Pooled} hold this many
     *                       equal consecutive parts, one per repetition
     */
    public record Results(int projects, double lateShare, Map<String, Map<TimePoint, FoldScores>> accuracy,
            Map<String, FoldScores> ablation, Map<TimePoint, Map<String, Double>> topFeatures,
            Map<String, Map<TimePoint, Pooled>> regression, int durationProjects, int repeats) {
        /** One repetition. */
        public Results(int projects, double lateShare, Map<String, Map<TimePoint, FoldScores>> accuracy,
                Map<String, FoldScores> ablation, Map<TimePoint, Map<String, Double>> topFeatures,
                Map<String, Map<TimePoint, Pooled>> regression, int durationProjects) {
            this(projects, lateShare, accuracy, ablation, topFeatures, regression, durationProjects, 1);
        }
    }

    /** Approach labels used in {@link Results#accuracy()}. */
    public static final String MAJORITY = "Baseline 1 (majority class)";
    /** Kim et al. baseline label. */
    public static final String KIM = "Baseline 2 (Kim et al., 8 features, XGBoost)";
    /** Our model label. */
    public static final String OURS = "Our model (XGBoost, selected features)";
    /** Regression labels. */
    public static final String REG_BASELINE = "Baseline (Kim et al., OLS)";
    /** Semantic-only regression. */
    public static final String REG_SEMANTIC = "Semantic reward cluster features";
    /** All but semantic and LRDD. */
    public static final String REG_OTHER = "Other features";
    /** All but LRDD. */
    public static final String REG_ALL = "All features";

    /**
     * Runs every (repetition, time point, fold) cell, {@code parallelism} cells at a time; each cell derives its own
     * seed from {@link Seeds#derive}, so the results do not depend on the parallelism.
     *
     * @param projects labeled projects (unlabeled ones are ignored)
     * @param c        the services (their fit methods must be safe to call from several threads)
     * @param s        settings
     * @return the measurements
     */
    public static Results run(List<Project> projects, Components c, Settings s) {
        List<Project> labeled = new ArrayList<>();
        for (Project p : projects) {
            if (p.label().hasLateness()) {
                labeled.add(p);
            }
        }
        if (labeled.size() < s.folds() * 2) {
            throw new IllegalArgumentException("need at least " + 2 * s.folds() + " labeled projects, got " + labeled.size());
        }
        double[] y = new double[labeled.size()];
        int late = 0;
        for (int i = 0; i < y.length; i++) {
            y[i] = labeled.get(i).label().late() ? 1 : 0;
            late += (int) y[i];
        }
        int[][] folds = Folds.repeatedStratified(y, s.folds(), s.repeats(), s.seed());
        boolean doReg = c.regressor() != null && c.olsBaseline() != null;
        int durationProjects = 0;
        for (Project p : labeled) {
            durationProjects += p.label().hasDuration() ? 1 : 0;
        }
        List<Callable<Cell>> tasks = new ArrayList<>();
        for (TimePoint tp : s.timePoints()) {
            for (int r = 0; r < s.repeats(); r++) {
                for (int f = 0; f < s.folds(); f++) {
                    int ff = f;
                    int rr = r;
                    tasks.add(() -> cell(labeled, y, folds[rr], ff, rr, tp, c, s, doReg));
                }
            }
        }
        List<Cell> cells = runAll(tasks, s.parallelism());
        int cellsPerTp = s.folds() * s.repeats();

        Map<String, Map<TimePoint, FoldScores>> acc = new LinkedHashMap<>();
        Map<String, FoldScores> ablation = new LinkedHashMap<>();
        Map<TimePoint, Map<String, Double>> top = new EnumMap<>(TimePoint.class);
        Map<String, Map<TimePoint, Pooled>> reg = new LinkedHashMap<>();
        int k = 0;
        for (TimePoint tp : s.timePoints()) {
            double[][] perFold = new double[3][cellsPerTp];
            Map<String, double[]> abl = new LinkedHashMap<>();
            Map<String, double[]> scoreSum = new LinkedHashMap<>();
            Map<String, double[]> pred = new LinkedHashMap<>();
            double[] actual = new double[labeled.size() * s.repeats()];
            boolean[] hasDuration = new boolean[labeled.size() * s.repeats()];
            for (int f = 0; f < cellsPerTp; f++) {
                Cell cell = cells.get(k++);
                int offset = f / s.folds() * labeled.size();
                for (int a = 0; a < 3; a++) {
                    perFold[a][f] = cell.accuracy()[a];
                }
                for (String name : cell.selection().kept()) {
                    double[] acc2 = scoreSum.computeIfAbsent(reportedName(name), x -> new double[2]);
                    Double v = cell.selection().scores().get(name);
                    acc2[0] += v == null ? 0 : v;
                    acc2[1]++;
                }
                int ff = f;
                cell.ablation().forEach((name, v) -> abl.computeIfAbsent(name, x -> new double[cellsPerTp])[ff] = v);
                cell.predictions().forEach((name, byRow) -> {
                    double[] out = pred.computeIfAbsent(name, x -> new double[labeled.size() * s.repeats()]);
                    byRow.forEach((row, v) -> {
                        out[offset + row] = v;
                        actual[offset + row] = labeled.get(row).label().actualDurationDays();
                        hasDuration[offset + row] = true;
                    });
                });
            }
            acc.computeIfAbsent(MAJORITY, x -> new EnumMap<>(TimePoint.class)).put(tp, new FoldScores(perFold[0]));
            acc.computeIfAbsent(KIM, x -> new EnumMap<>(TimePoint.class)).put(tp, new FoldScores(perFold[1]));
            acc.computeIfAbsent(OURS, x -> new EnumMap<>(TimePoint.class)).put(tp, new FoldScores(perFold[2]));
            abl.forEach((name, v) -> ablation.put(name, new FoldScores(v)));
            Map<String, Double> mean = new LinkedHashMap<>();
            scoreSum.forEach((name, v) -> mean.put(name, v[0] / v[1]));
            top.put(tp, mean);
            for (Map.Entry<String, double[]> e : pred.entrySet()) {
                reg.computeIfAbsent(e.getKey(), x -> new EnumMap<>(TimePoint.class))
                        .put(tp, pooled(e.getValue(), actual, hasDuration));
            }
        }
        return new Results(labeled.size(), late / (double) labeled.size(), acc, ablation, top, reg,
                durationProjects, s.repeats());
    }

    /**
     * What one (time point, fold) cell measured.
     *
     * @param accuracy    majority, Kim et al., ours
     * @param selection   the classifier's selection on the training fold
     * @param ablation    ablation label → accuracy (TP4 only)
     * @param predictions regression label → labeled-row index → predicted duration
     */
    private record Cell(double[] accuracy, Selection selection, Map<String, Double> ablation,
            Map<String, Map<Integer, Double>> predictions) {
    }

    /**
     * One fold of one repetition at one time point. The TP4 ablation reuses this fold's VIF + Boruta selection and drops the
     * group's columns from it, instead of selecting again without the group: the selection of the other groups
     * barely changes when one group is absent, and re-running Boruta per dropped group quintupled the TP4 cost.
     */
    private static Cell cell(List<Project> labeled, double[] y, int[] fold, int f, int repetition, TimePoint tp,
            Components c, Settings s, boolean doReg) {
        // repetition 1 keeps the single-repetition seeds, so adding repetitions leaves its numbers as they were
        long seed = Seeds.derive(s.seed(), repetition == 0 ? "delivery-" + tp : "delivery-" + tp + "-r" + repetition, f);
        int[] trainRows = Folds.rows(fold, f, false);
        int[] testRows = Folds.rows(fold, f, true);
        List<Project> train = pick(labeled, trainRows);
        List<Project> test = pick(labeled, testRows);
        double[] ytr = pick(y, trainRows);
        double[] yte = pick(y, testRows);

        List<FeatureBlock> blocks = FeaturePipeline.fit(c.extractors(), train, tp, seed);
        FeatureMatrix xtr = FeaturePipeline.extract(blocks, train, tp);
        FeatureMatrix xte = FeaturePipeline.extract(blocks, test, tp);
        Selection sel = FeaturePipeline.select(c.classifierSelection(), xtr, ytr, seed);
        double[] accuracy = new double[3];
        FeatureMatrix chosen = xtr.select(sel.kept());

        List<FeatureBlock> kim = FeaturePipeline.fit(List.of(c.kimFeatures()), train, tp, seed);
        FeatureMatrix ktr = FeaturePipeline.extract(kim, train, tp);
        FeatureMatrix kte = FeaturePipeline.extract(kim, test, tp);
        accuracy[1] = fitAndScore(c.classifier(), ktr, ytr, kte, yte, seed);
        accuracy[0] = fitAndScore(c.majority(), ktr, ytr, kte, yte, seed);
        // a selection that keeps no column leaves a classifier nothing but the class share: the majority class
        accuracy[2] = chosen.numColumns() == 0 ? accuracy[0]
                : fitAndScore(c.classifier(), chosen, ytr, xte, yte, seed);

        Map<String, Double> abl = new LinkedHashMap<>();
        if (s.ablation() && tp == TimePoint.TP4) {
            abl.put("All", accuracy[2]);
            for (String g : ABLATION_GROUPS) {
                FeatureMatrix dtr = FeaturePipeline.drop(chosen, Set.of(g), Set.of());
                abl.put("All − " + g, dtr.numColumns() == 0 ? accuracy[0]
                        : fitAndScore(c.classifier(), dtr, ytr, xte, yte, seed));
            }
        }
        Map<String, Map<Integer, Double>> predictions = new LinkedHashMap<>();
        if (doReg) {
            regressionFold(c, labeled, trainRows, testRows, xtr, xte, ktr, kte, seed, predictions);
        }
        return new Cell(accuracy, sel, abl, predictions);
    }

    private static <T> List<T> runAll(List<Callable<T>> tasks, int parallelism) {
        if (parallelism <= 1) {
            List<T> out = new ArrayList<>();
            for (Callable<T> t : tasks) {
                try {
                    out.add(t.call());
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
            return out;
        }
        ExecutorService pool = Executors.newFixedThreadPool(parallelism, r -> {
            Thread t = new Thread(r, "delivery-cv");
            t.setDaemon(true);
            return t;
        });
        try {
            List<T> out = new ArrayList<>();
            for (Future<T> future : pool.invokeAll(tasks)) {
                out.add(future.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void regressionFold(Components c, List<Project> labeled, int[] trainRows, int[] testRows,
            FeatureMatrix xtr, FeatureMatrix xte, FeatureMatrix ktr, FeatureMatrix kte, long seed,
            Map<String, Map<Integer, Double>> pred) {
        int[] tr = withDuration(labeled, trainRows);
        int[] te = withDuration(labeled, testRows);
        if (tr.length < 10 || te.length == 0) {
            return;
        }
        double[] ytr = new double[tr.length];
        for (int i = 0; i < tr.length; i++) {
            ytr[i] = labeled.get(trainRows[tr[i]]).label().actualDurationDays();
        }
        Map<String, FeatureMatrix[]> variants = new LinkedHashMap<>();
        variants.put(REG_BASELINE, new FeatureMatrix[] {ktr.rows(tr), kte.rows(te)});
        variants.put(REG_SEMANTIC, new FeatureMatrix[] {
            FeaturePipeline.only(xtr, Set.of("semantic")).rows(tr), FeaturePipeline.only(xte, Set.of("semantic")).rows(te)});
        variants.put(REG_OTHER, new FeatureMatrix[] {
            FeaturePipeline.drop(xtr, Set.of("semantic"), Set.of(LRDD)).rows(tr),
            FeaturePipeline.drop(xte, Set.of("semantic"), Set.of(LRDD)).rows(te)});
        variants.put(REG_ALL, new FeatureMatrix[] {
            FeaturePipeline.drop(xtr, Set.of(), Set.of(LRDD)).rows(tr),
            FeaturePipeline.drop(xte, Set.of(), Set.of(LRDD)).rows(te)});
        double[] logY = new double[ytr.length];
        for (int i = 0; i < ytr.length; i++) {
            logY[i] = Math.log(ytr[i]);
        }
        for (Map.Entry<String, FeatureMatrix[]> v : variants.entrySet()) {
            FeatureMatrix a = v.getValue()[0];
            FeatureMatrix b = v.getValue()[1];
            DeliveryPredictor model = c.regressor();
            if (v.getKey().equals(REG_BASELINE)) {
                model = c.olsBaseline();
            } else if (a.numColumns() > 0) {
                Selection sel = FeaturePipeline.select(c.regressionSelection(), a, logY, seed);
                a = a.select(sel.kept());
            }
            double[] p = model.fit(a, ytr, seed).predict(b);
            Map<Integer, Double> out = pred.computeIfAbsent(v.getKey(), k -> new LinkedHashMap<>());
            for (int i = 0; i < te.length; i++) {
                out.put(testRows[te[i]], p[i]);
            }
        }
    }

    /**
     * The name Table 3.2 lists a kept column under: a one-hot column {@code <feature>=<value>} under its feature
     * (Boruta decides on the block as one unit and gives its columns one score), any other column under its own.
     */
    static String reportedName(String column) {
        int eq = column.lastIndexOf('=');
        return eq > 0 ? column.substring(0, eq) : column;
    }

    private static int[] withDuration(List<Project> labeled, int[] rows) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < rows.length; i++) {
            if (labeled.get(rows[i]).label().hasDuration()) {
                out.add(i);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private static Pooled pooled(double[] pred, double[] actual, boolean[] has) {
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < has.length; i++) {
            if (has[i]) {
                rows.add(i);
            }
        }
        double[] p = new double[rows.size()];
        double[] a = new double[rows.size()];
        for (int k = 0; k < p.length; k++) {
            p[k] = pred[rows.get(k)];
            a[k] = actual[rows.get(k)];
        }
        return new Pooled(p, a);
    }

    private static double fitAndScore(DeliveryPredictor model, FeatureMatrix xtr, double[] ytr, FeatureMatrix xte,
            double[] yte, long seed) {
        var fitted = model.fit(xtr, ytr, seed);
        return DeliveryMetrics.accuracy(fitted.predict(xte.select(fitted.featureNames())), yte);
    }

    private static List<Project> pick(List<Project> all, int[] rows) {
        List<Project> out = new ArrayList<>(rows.length);
        for (int r : rows) {
            out.add(all.get(r));
        }
        return out;
    }

    private static double[] pick(double[] all, int[] rows) {
        double[] out = new double[rows.length];
        for (int k = 0; k < rows.length; k++) {
            out[k] = all[rows[k]];
        }
        return out;
    }
}
