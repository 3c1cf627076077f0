package org.marketlens.model.masr.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.marketlens.api.data.DatasetLoader;
import org.marketlens.api.eval.Evaluator;
import org.marketlens.api.nn.Loss;
import org.marketlens.api.rec.ModelProvider;
import org.marketlens.api.train.NegativeSampler;
import org.marketlens.data.playlists.PlaylistLoader;
import org.marketlens.eval.loosampled.LooSampledEvaluator;
import org.marketlens.framework.experiment.ExperimentSpec;
import org.marketlens.framework.testing.ClassPathExperiment;
import org.marketlens.loss.apr.AprLoss;
import org.marketlens.loss.bpr.BprLoss;
import org.marketlens.model.masr.MasrProvider;
import org.marketlens.model.mass.MassProvider;
import org.marketlens.model.mdr.MdrProvider;
import org.marketlens.sampler.uniform.UniformSampler;

/**
 * Runs the Chapter 4.3 rows (MDR, MASS, MASR and their APR and variant rows) of an experiment spec such as
 * {@code config/experiments/aotm-table44.json} on the framework's experiment runner with a
 * {@link ClassPathExperiment} registry, without the OSGi launcher (the baselines' rows need
 * {@code ./marketlens run}). Not a unit
 * test. Run it from the repository root, where the spec's relative paths hold, with the module's test class path:
 * <pre>
 * mvn -o -q install -pl bundles/model-masr -DskipTests
 * mvn -o -q -pl bundles/model-masr dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/tmp/masr.cp
 * nice -n 5 java -cp bundles/model-masr/target/test-classes:bundles/model-masr/target/classes:$(cat /tmp/masr.cp) \
 *   org.marketlens.model.masr.bench.Table44Run config/experiments/aotm-table44.json reports/aotm-smoke \
 *   labels=MDR,MASS,MASR epochs=1 firstGridPoint sampleUsers=300
 * </pre>
 * Arguments: SPEC OUTDIR, then optional {@code labels=L1,L2,...} (keep only these rows, in the spec's order),
 * {@code epochs=N} (cap every row's epochs), {@code firstGridPoint} (train only the first value of every grid
 * axis), {@code sampleUsers=N} (keep the whole histories of N random users, the loader's preprocessing option, for
 * a cheap pipeline check). Parameter values naming the spec's default report folder ({@code reports/<spec>/...},
 * e.g. MASR's snapshots) are moved to OUTDIR, so a reduced run fuses its own parts.
 */
public final class Table44Run {
    private Table44Run() {
    }

    public static void main(String[] args) throws Exception {
        Path specFile = Path.of(args[0]);
        Path out = Path.of(args[1]);
        Set<String> labels = null;
        Integer epochs = null;
        boolean firstGridPoint = false;
        Integer sampleUsers = null;
        for (int i = 2; i < args.length; i++) {
            if (args[i].startsWith("labels=")) {
                labels = Set.of(args[i].substring("labels=".length()).split(","));
            } else if (args[i].startsWith("epochs=")) {
                epochs = Integer.valueOf(args[i].substring("epochs=".length()));
            } else if (args[i].startsWith("sampleUsers=")) {
                sampleUsers = Integer.valueOf(args[i].substring("sampleUsers=".length()));
            } else if (args[i].equals("firstGridPoint")) {
                firstGridPoint = true;
            } else {
                throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        ExperimentSpec spec = ExperimentSpec.read(specFile);
        String defaultReport = "reports/" + specFile.getFileName().toString().replaceFirst("\\.json$", "") + "/";
        List<ExperimentSpec.ModelSpec> rows = new ArrayList<>();
        for (ExperimentSpec.ModelSpec m : spec.models()) {
            if (labels != null && !labels.contains(m.label())) {
                continue;
            }
            Map<String, Object> params = new LinkedHashMap<>();
            m.params().forEach((k, v) -> params.put(k, v instanceof String s && s.startsWith(defaultReport)
                    ? out.resolve(s.substring(defaultReport.length())).toString() : v));
            Map<String, List<Object>> grid = new LinkedHashMap<>();
            m.grid().forEach((k, v) -> grid.put(k, v));
            if (firstGridPoint) {
                grid.replaceAll((k, v) -> List.of(v.get(0)));
            }
            ExperimentSpec.TrainingSpec training = m.training() == null ? spec.training() : m.training();
            if (epochs != null) {
                training = new ExperimentSpec.TrainingSpec(Math.min(epochs, training.epochs() == null
                        ? spec.training().epochs() : training.epochs()), training.patience());
            }
            rows.add(new ExperimentSpec.ModelSpec(m.label(), m.model(), params, grid, m.loss(), m.lossParams(),
                    m.sampler(), training, m.snapshot()));
        }
        ExperimentSpec.PluginSpec dataset = spec.dataset();
        if (sampleUsers != null) {
            Map<String, Object> p = new LinkedHashMap<>(dataset.params());
            p.put("sampleUsers", sampleUsers);
            dataset = new ExperimentSpec.PluginSpec(dataset.name(), p);
        }
        ExperimentSpec reduced = new ExperimentSpec(spec.name() + (labels == null && epochs == null
                && sampleUsers == null ? "" : " (reduced: " + (labels == null ? "all rows" : "rows " + labels)
                + ", epochs " + epochs + (firstGridPoint ? ", first grid point" : "")
                + (sampleUsers == null ? "" : ", " + sampleUsers + " sampled users") + ")"),
                spec.seed(), spec.repetitions(), dataset, spec.protocol(), spec.training(),
                spec.baselines().stream().filter(b -> rows.stream().anyMatch(r -> r.label().equals(b))).toList(),
                rows, spec.fullRanking());
        MdrProvider mdr = new MdrProvider();
        MassProvider mass = new MassProvider();
        BprLoss bpr = new BprLoss();
        new ClassPathExperiment()
                .with(DatasetLoader.class, "playlists", new PlaylistLoader())
                .with(Evaluator.class, "loo-sampled", new LooSampledEvaluator())
                .with(NegativeSampler.class, "uniform", new UniformSampler())
                .with(Loss.class, "BPR", bpr)
                .with(Loss.class, "APR", new AprLoss())
                .with(ModelProvider.class, "MDR", mdr)
                .with(ModelProvider.class, "MASS", mass)
                .with(ModelProvider.class, "MASR", new MasrProvider(mdr, mass))
                .run(reduced, out);
    }

}
