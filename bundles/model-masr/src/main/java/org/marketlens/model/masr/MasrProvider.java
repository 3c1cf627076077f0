package org.marketlens.model.masr;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.marketlens.api.data.InteractionData;
import org.marketlens.api.rec.HyperParameter;
import org.marketlens.api.rec.ModelProvider;
import org.marketlens.api.rec.PluginProperties;
import org.marketlens.api.rec.Recommender;
import org.marketlens.api.rec.TrainingContext;
import org.marketlens.framework.nn.PartTrainingContext;
import org.marketlens.framework.train.HyperParameterValues;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * MASR (Chapter 4.3; MODELS.md §3.6, Eq. 4.29, A-28): {@code D_MASR = α · D_MDR + (1 − α) · D_MASS} of an MDR and a
 * MASS trained separately and frozen. MASR has no trainable parameter and no training step of its own; AMASR is the
 * same fusion of parts trained with the experiment's loss (e.g. APR), which the parts receive unchanged.
 *
 * <p>The parts are the registered {@code MDR} and {@code MASS} providers, reached through the generic
 * {@link ModelProvider}/{@link Recommender} API only (never their code). Each part is loaded from a snapshot
 * ({@code mdrSnapshot}, {@code massSnapshot}: e.g. {@code reports/<run>/models/MDR.model} of the same split, which
 * is exactly A-28's "best-checkpoint MDR and MASS trained on the same split, no retraining") or, when the path is
 * empty, trained first in a {@link PartTrainingContext} with the experiment's loss, sampler and validation. A
 * part's hyper-parameters are passed with its prefix, {@code mdr.<name>} and {@code mass.<name>} (e.g.
 * {@code mdr.dim}, {@code mass.contextSize}); {@link #hyperParameters()} lists them with the part's own defaults.
 *
 * <p>{@code tuneAlpha=true} is A-28's option: α is chosen on the validation cases from {0, 0.1, ..., 1} (ties to the
 * α closest to 0.5) and recorded as {@code alpha} with every grid value under {@code alphaValidation}.
 */
@Component(property = {PluginProperties.NAME + "=" + MasrProvider.NAME, PluginProperties.TASKS + "=basket"})
public final class MasrProvider implements ModelProvider {
    static final String NAME = "MASR";
    static final String MDR = "MDR";
    static final String MASS = "MASS";
    static final String MDR_PREFIX = "mdr.";
    static final String MASS_PREFIX = "mass.";
    private static final List<HyperParameter> OWN = List.of(
            new HyperParameter("alpha", MasrFusion.DEFAULT_ALPHA,
                    "weight α of D_MDR in Eq. 4.29, in [0, 1]; the paper uses 0.5 (A-28)"),
            new HyperParameter("tuneAlpha", false,
                    "choose α on the validation cases from {0, 0.1, ..., 1} instead (A-28 option)"),
            new HyperParameter("mdrSnapshot", "", "file of a trained MDR to freeze instead of training one"),
            new HyperParameter("massSnapshot", "", "file of a trained MASS to freeze instead of training one"));

    @Reference(target = "(" + PluginProperties.NAME + "=" + MDR + ")", cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile ModelProvider mdr;

    @Reference(target = "(" + PluginProperties.NAME + "=" + MASS + ")", cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile ModelProvider mass;

    /** For the component runtime, which injects the registered MDR and MASS providers when they are installed. */
    public MasrProvider() {
    }

    /**
     * @param mdr  the MDR provider, or null when none is installed
     * @param mass the MASS provider, or null when none is installed
     */
    public MasrProvider(ModelProvider mdr, ModelProvider mass) {
        this.mdr = mdr;
        this.mass = mass;
    }

    @Override
    public List<HyperParameter> hyperParameters() {
        List<HyperParameter> all = new ArrayList<>(OWN);
        addPrefixed(all, MDR_PREFIX, MDR, mdr);
        addPrefixed(all, MASS_PREFIX, MASS, mass);
        return List.copyOf(all);
    }

    private static void addPrefixed(List<HyperParameter> all, String prefix, String part, ModelProvider provider) {
        if (provider != null) {
            for (HyperParameter h : provider.hyperParameters()) {
                all.add(new HyperParameter(prefix + h.name(), h.defaultValue(), part + ": " + h.description()));
            }
        }
    }

    @Override
    public Recommender train(InteractionData train, Map<String, Object> params, TrainingContext ctx) {
        Map<String, Object> own = new LinkedHashMap<>();
        Map<String, Object> mdrParams = new LinkedHashMap<>();
        Map<String, Object> massParams = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : params.entrySet()) {
            String k = e.getKey();
            if (k.startsWith(MDR_PREFIX)) {
                mdrParams.put(k.substring(MDR_PREFIX.length()), e.getValue());
            } else if (k.startsWith(MASS_PREFIX)) {
                massParams.put(k.substring(MASS_PREFIX.length()), e.getValue());
            } else {
                own.put(k, e.getValue());
            }
        }
        HyperParameterValues values = HyperParameterValues.resolve(NAME, OWN, own);
        double alpha = MasrFusion.checkAlpha(values.doubleValue("alpha"));
        boolean tune = values.booleanValue("tuneAlpha");
        Recommender mdrPart = part(MDR, provider(MDR, mdr, ctx), values.stringValue("mdrSnapshot"), mdrParams,
                MDR_PREFIX, train, ctx);
        Recommender massPart = part(MASS, provider(MASS, mass, ctx), values.stringValue("massSnapshot"), massParams,
                MASS_PREFIX, train, ctx);
        MasrRecommender fixed = new MasrRecommender(mdrPart, massPart, alpha, false);
        MasrRecommender fused = fixed;
        if (tune) {
            Map<Double, Double> scanned = AlphaSearch.scan(a -> {
                ctx.progress("alpha " + a + " on validation", Math.round(a * AlphaSearch.STEPS), AlphaSearch.STEPS + 1);
                return ctx.validate(fixed.withAlpha(a, true));
            });
            fused = fixed.withAlpha(AlphaSearch.best(scanned), true);
            Map<String, Object> recorded = new LinkedHashMap<>();
            scanned.forEach((a, v) -> recorded.put(Double.toString(a), v));
            ctx.record("alphaValidation", recorded);
        }
        ctx.record("alpha", fused.alpha());
        ctx.record("alphaTuned", fused.tuned());
        return fused;
    }

    /** The registered part provider, else the one the context knows by name (a run outside the OSGi runtime). */
    private static ModelProvider provider(String name, ModelProvider injected, TrainingContext ctx) {
        if (injected != null) {
            return injected;
        }
        return ctx.plugin(ModelProvider.class, name).orElseThrow(() -> missing(name));
    }

    private static IllegalStateException missing(String name) {
        return new IllegalStateException("MASR needs a registered " + name + " model (marketlens.name=" + name
                + ", bundle marketlens-model-" + name.toLowerCase(Locale.ROOT) + "), and none is installed");
    }

    private static Recommender part(String name, ModelProvider provider, String snapshot, Map<String, Object> params,
            String prefix, InteractionData train, TrainingContext ctx) {
        Recommender r;
        if (snapshot.isEmpty()) {
            r = provider.train(train, params, new PartTrainingContext(name, ctx, 0));
        } else {
            if (!params.isEmpty()) {
                throw new IllegalArgumentException("MASR: " + name + " is loaded from " + snapshot
                        + " as it was saved, so its hyper-parameters " + prefixed(prefix, params)
                        + " cannot apply; drop them or the snapshot");
            }
            Path file = Path.of(snapshot);
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("MASR: no " + name + " snapshot at " + file.toAbsolutePath()
                        + " (" + prefix.substring(0, prefix.length() - 1) + "Snapshot)");
            }
            try (InputStream in = Files.newInputStream(file)) {
                r = provider.load(in);
            } catch (IOException e) {
                throw new IllegalArgumentException("MASR: cannot read the " + name + " snapshot " + snapshot + ": "
                        + e.getMessage(), e);
            }
        }
        if (r.numItems() != train.numItems()) {
            throw new IllegalArgumentException("MASR: " + name + " scores " + r.numItems() + " items, the data has "
                    + train.numItems() + " (a snapshot of another dataset or split?)");
        }
        return r;
    }

    private static List<String> prefixed(String prefix, Map<String, Object> params) {
        return params.keySet().stream().map(k -> prefix + k).toList();
    }

    @Override
    public Recommender load(InputStream in) throws IOException {
        Map<String, byte[]> entries = new HashMap<>();
        ZipInputStream zip = new ZipInputStream(in);
        for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
            entries.put(e.getName(), zip.readAllBytes());
        }
        for (String entry : List.of(MasrRecommender.HEADER_ENTRY, MasrRecommender.MDR_ENTRY,
                MasrRecommender.MASS_ENTRY)) {
            if (!entries.containsKey(entry)) {
                throw new IOException("not a MASR snapshot: entry " + entry + " is missing");
            }
        }
        Properties header = new Properties();
        header.load(new ByteArrayInputStream(entries.get(MasrRecommender.HEADER_ENTRY)));
        if (!NAME.equals(header.getProperty("model"))
                || !MasrRecommender.FORMAT.equals(header.getProperty("format"))) {
            throw new IOException("not a MASR snapshot of format " + MasrRecommender.FORMAT + ": model "
                    + header.getProperty("model") + ", format " + header.getProperty("format"));
        }
        double alpha;
        try {
            alpha = MasrFusion.checkAlpha(Double.parseDouble(header.getProperty("alpha", "")));
        } catch (IllegalArgumentException e) {
            throw new IOException("MASR snapshot has a bad alpha: " + e.getMessage(), e);
        }
        Recommender mdrPart = loadPart(MDR, mdr, entries.get(MasrRecommender.MDR_ENTRY));
        Recommender massPart = loadPart(MASS, mass, entries.get(MasrRecommender.MASS_ENTRY));
        return new MasrRecommender(mdrPart, massPart, alpha, Boolean.parseBoolean(header.getProperty("alphaTuned")));
    }

    private static Recommender loadPart(String name, ModelProvider provider, byte[] bytes) throws IOException {
        if (provider == null) {
            throw missing(name);
        }
        return provider.load(new ByteArrayInputStream(bytes));
    }
}
