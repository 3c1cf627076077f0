package org.marketlens.model.sdmr;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.marketlens.api.data.InteractionData;
import org.marketlens.api.nn.FinalLayerVectors;
import org.marketlens.api.rec.HyperParameter;
import org.marketlens.api.rec.ModelProvider;
import org.marketlens.api.rec.PluginProperties;
import org.marketlens.api.rec.Recommender;
import org.marketlens.api.rec.TrainingContext;
import org.marketlens.framework.nn.NeuralSettings;
import org.marketlens.framework.nn.ParameterSnapshot;
import org.marketlens.framework.nn.PartTrainingContext;
import org.marketlens.framework.nn.SameDiffTraining;
import org.marketlens.framework.train.HyperParameterValues;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * SDMR (Chapter 5.2; MODELS.md §4.5): pre-trains SDP and SDM (or loads their snapshots), freezes them and trains
 * only the fusion layer of Eq. 5.21 with the experiment's loss. The parts are the registered {@code SDP} and
 * {@code SDM} providers, reached through {@link FinalLayerVectors}, never through their code. {@code output=identity}
 * is the variant without the final ReLU, whose scores cannot tie at 0.
 */
@Component(property = {PluginProperties.NAME + "=" + SdmrProvider.NAME, PluginProperties.TASKS + "=general,basket"})
public final class SdmrProvider implements ModelProvider {
    static final String NAME = "SDMR";
    private static final List<HyperParameter> HYPER_PARAMETERS;

    static {
        List<HyperParameter> h = new ArrayList<>(List.of(
                new HyperParameter("dim", 64, "embedding size d of both parts (MODELS.md §4.8)"),
                new HyperParameter("hops", 4, "SDM hops H, in {1, 2, 3, 4} (MODELS.md §4.4)"),
                new HyperParameter("contextSize", 5, "SDM context items s (MODELS.md §4.1)"),
                new HyperParameter("partLambda", 0.0001, "λ of the pre-trained SDP and SDM (MODELS.md §4.8)"),
                new HyperParameter("partDropout", 0.0,
                        "training dropout of the pre-trained SDP and SDM, in [0, 1) (A-8; the authors' code uses 0.2)"),
                new HyperParameter("lambda", 0.0, "L2 weight on the fusion weights w_u"),
                new HyperParameter("output", "relu", "output activation of Eq. 5.21: relu (as printed) | identity (A-37)"),
                new HyperParameter("sdpSnapshot", "", "file of a trained SDP to freeze instead of training one"),
                new HyperParameter("sdmSnapshot", "", "file of a trained SDM to freeze instead of training one")));
        h.addAll(NeuralSettings.HYPER_PARAMETERS);
        HYPER_PARAMETERS = List.copyOf(h);
    }

    private final ModelProvider sdp;
    private final ModelProvider sdm;

    /**
     * @param sdp the registered SDP provider
     * @param sdm the registered SDM provider
     */
    @Activate
    public SdmrProvider(@Reference(target = "(" + PluginProperties.NAME + "=SDP)") ModelProvider sdp,
            @Reference(target = "(" + PluginProperties.NAME + "=SDM)") ModelProvider sdm) {
        this.sdp = sdp;
        this.sdm = sdm;
    }

    @Override
    public List<HyperParameter> hyperParameters() {
        return HYPER_PARAMETERS;
    }

    @Override
    public Recommender train(InteractionData train, Map<String, Object> params, TrainingContext ctx) {
        HyperParameterValues values = HyperParameterValues.resolve(NAME, HYPER_PARAMETERS, params);
        Map<String, Object> shared = new LinkedHashMap<>();
        for (String k : List.of("dim", "learningRate", "batchSize", "negatives", "negativePooling", "learningRateDecay",
                "learningRateDecayEvery")) {
            shared.put(k, values.asMap().get(k));
        }
        shared.put("lambda", values.doubleValue("partLambda"));
        shared.put("dropout", values.doubleValue("partDropout"));
        Map<String, Object> sdmParams = new LinkedHashMap<>(shared);
        sdmParams.put("hops", values.intValue("hops"));
        sdmParams.put("contextSize", values.intValue("contextSize"));
        FinalLayerVectors sdpPart = part("SDP", sdp, values.stringValue("sdpSnapshot"), train, shared, ctx);
        FinalLayerVectors sdmPart = part("SDM", sdm, values.stringValue("sdmSnapshot"), train, sdmParams, ctx);
        Map<String, Object> all = new LinkedHashMap<>(values.asMap());
        SdmrModel model = model(sdpPart, sdmPart, all);
        var fusion = SameDiffTraining.train(NAME, model, train, NeuralSettings.from(values), ctx,
                p -> new SdmrRecommender(sdpPart, sdmPart, model, p, all));
        return new SdmrRecommender(sdpPart, sdmPart, model, fusion, all);
    }

    private static FinalLayerVectors part(String name, ModelProvider provider, String snapshot, InteractionData train,
            Map<String, Object> params, TrainingContext ctx) {
        Recommender r;
        if (snapshot.isEmpty()) {
            r = provider.train(train, params, new PartTrainingContext(name, ctx, 0));
        } else {
            try (InputStream in = Files.newInputStream(Path.of(snapshot))) {
                r = provider.load(in);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read the " + name + " snapshot " + snapshot + ": " + e, e);
            }
        }
        if (!(r instanceof FinalLayerVectors vectors)) {
            throw new IllegalArgumentException(name + " does not expose its final-layer vectors");
        }
        if (vectors.numItems() != train.numItems()) {
            throw new IllegalArgumentException(name + " scores " + vectors.numItems() + " items, the data has "
                    + train.numItems());
        }
        return vectors;
    }

    @Override
    public Recommender load(InputStream in) throws IOException {
        Map<String, byte[]> entries = new HashMap<>();
        ZipInputStream zip = new ZipInputStream(in);
        for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
            entries.put(e.getName(), zip.readAllBytes());
        }
        for (String name : List.of(SdmrRecommender.SDP_ENTRY, SdmrRecommender.SDM_ENTRY, SdmrRecommender.FUSION_ENTRY)) {
            if (!entries.containsKey(name)) {
                throw new IOException("not an SDMR snapshot: entry " + name + " is missing");
            }
        }
        Recommender sdpPart = sdp.load(new ByteArrayInputStream(entries.get(SdmrRecommender.SDP_ENTRY)));
        Recommender sdmPart = sdm.load(new ByteArrayInputStream(entries.get(SdmrRecommender.SDM_ENTRY)));
        ParameterSnapshot fusion = ParameterSnapshot.read(
                new ByteArrayInputStream(entries.get(SdmrRecommender.FUSION_ENTRY)), NAME);
        Map<String, Object> all = fusion.hyperParameters();
        SdmrModel model = model((FinalLayerVectors) sdpPart, (FinalLayerVectors) sdmPart, all);
        return new SdmrRecommender((FinalLayerVectors) sdpPart, (FinalLayerVectors) sdmPart, model,
                fusion.parameters(), all);
    }

    private static SdmrModel model(FinalLayerVectors sdpPart, FinalLayerVectors sdmPart, Map<String, Object> all) {
        String output = String.valueOf(all.get("output"));
        SdmrModel.Output activation = switch (output) {
            case "relu" -> SdmrModel.Output.RELU;
            case "identity" -> SdmrModel.Output.IDENTITY;
            default -> throw new IllegalArgumentException("SDMR output must be relu or identity, got '" + output + "'");
        };
        return new SdmrModel(sdpPart.model(), sdpPart.parameters(), sdmPart.model(), sdmPart.parameters(), activation,
                ((Number) all.get("lambda")).doubleValue());
    }
}
