package org.marketlens.model.sdmr;

import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.marketlens.api.nn.FinalLayerVectors;
import org.marketlens.framework.nn.ForwardingRecommender;
import org.marketlens.framework.nn.ParameterSnapshot;
import org.marketlens.framework.nn.SameDiffRecommender;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A trained SDMR: the fusion graph served with the frozen parts' parameters as constants. Its snapshot is a zip of
 * the SDP snapshot ({@code SDP}), the SDM snapshot ({@code SDM}) and the fusion's own ({@code fusion}), so each part
 * is restored by its own provider; it scores through a {@link SameDiffRecommender} of the fusion graph.
 */
final class SdmrRecommender extends ForwardingRecommender {
    static final String SDP_ENTRY = "SDP";
    static final String SDM_ENTRY = "SDM";
    static final String FUSION_ENTRY = "fusion";
    private final FinalLayerVectors sdp;
    private final FinalLayerVectors sdm;
    private final Map<String, INDArray> fusion;
    private final Map<String, Object> hyperParameters;

    SdmrRecommender(FinalLayerVectors sdp, FinalLayerVectors sdm, SdmrModel model, Map<String, INDArray> fusion,
            Map<String, Object> hyperParameters) {
        super(serving(sdm, model, fusion, hyperParameters));
        this.sdp = sdp;
        this.sdm = sdm;
        this.fusion = Map.copyOf(fusion);
        this.hyperParameters = Map.copyOf(hyperParameters);
    }

    private static SameDiffRecommender serving(FinalLayerVectors sdm, SdmrModel model, Map<String, INDArray> fusion,
            Map<String, Object> hyperParameters) {
        Map<String, INDArray> all = new LinkedHashMap<>(model.frozen());
        all.putAll(fusion);
        return new SameDiffRecommender(SdmrProvider.NAME, model, all, hyperParameters, sdm.numItems());
    }

    @Override
    public void save(OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        zip.putNextEntry(new ZipEntry(SDP_ENTRY));
        sdp.save(zip);
        zip.closeEntry();
        zip.putNextEntry(new ZipEntry(SDM_ENTRY));
        sdm.save(zip);
        zip.closeEntry();
        zip.putNextEntry(new ZipEntry(FUSION_ENTRY));
        ParameterSnapshot.write(zip, new ParameterSnapshot(SdmrProvider.NAME, hyperParameters, fusion));
        zip.closeEntry();
        zip.finish();
    }
}
