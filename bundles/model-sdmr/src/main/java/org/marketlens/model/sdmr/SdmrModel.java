package org.marketlens.model.sdmr;

import java.util.List;
import java.util.Map;
import org.marketlens.api.nn.FinalLayerModel;
import org.marketlens.api.nn.ParameterSpec;
import org.marketlens.api.nn.ParameterView;
import org.marketlens.api.nn.ScoreInputs;
import org.marketlens.api.nn.TrainingInputs;
import org.marketlens.framework.nn.kernel.FinalLayerKernel;
import org.marketlens.framework.nn.kernel.KernelModel;
import org.marketlens.framework.nn.kernel.KernelParameters;
import org.marketlens.framework.nn.kernel.ScoreKernel;
import org.marketlens.framework.nn.layers.SignedDistance;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * SDMR's fusion (Eq. 5.21; MODELS.md §4.5): {@code D = ReLU(w_uᵀ [e_SDP ; e_SDM] + b_u)}, score {@code −D}, where
 * the final vectors come from a frozen, separately trained SDP and SDM: their parameters enter the graph as
 * constants named {@code sdp/<name>} and {@code sdm/<name>}, so only {@code w_u} (He-normal) and {@code b_u} learn.
 * {@link Output#IDENTITY} drops the ReLU (A-37: a ReLU on a distance ties every candidate clipped to 0).
 */
final class SdmrModel implements KernelModel {
    static final String FUSION = "w_u";
    static final String FUSION_BIAS = "b_u";
    static final String SDP_PREFIX = "sdp/";
    static final String SDM_PREFIX = "sdm/";

    /** The output activation of Eq. 5.21. */
    enum Output { RELU, IDENTITY }

    private final FinalLayerModel sdp;
    private final Map<String, INDArray> sdpParameters;
    private final FinalLayerModel sdm;
    private final Map<String, INDArray> sdmParameters;
    private final Output output;
    private final double lambda;

    SdmrModel(FinalLayerModel sdp, Map<String, INDArray> sdpParameters, FinalLayerModel sdm,
            Map<String, INDArray> sdmParameters, Output output, double lambda) {
        if (sdp.contextSize() != 0 && sdp.contextSize() != sdm.contextSize()) {
            throw new IllegalArgumentException("SDP and SDM context sizes differ: " + sdp.contextSize() + " vs "
                    + sdm.contextSize());
        }
        this.sdp = sdp;
        this.sdpParameters = Map.copyOf(sdpParameters);
        this.sdm = sdm;
        this.sdmParameters = Map.copyOf(sdmParameters);
        this.output = output;
        this.lambda = lambda;
    }

    @Override
    public int contextSize() {
        return sdm.contextSize();
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(
                new ParameterSpec(FUSION, new long[] {sdp.finalVectorSize() + sdm.finalVectorSize()},
                        ParameterSpec.Init.HE_NORMAL, 0),
                new ParameterSpec(FUSION_BIAS, new long[] {1}, ParameterSpec.Init.CONSTANT, 0));
    }

    /** @return the frozen parameters under their graph names ({@code sdp/…}, {@code sdm/…}) */
    Map<String, INDArray> frozen() {
        Map<String, INDArray> all = new java.util.LinkedHashMap<>();
        sdpParameters.forEach((k, v) -> all.put(SDP_PREFIX + k, v));
        sdmParameters.forEach((k, v) -> all.put(SDM_PREFIX + k, v));
        return all;
    }

    /** @return {@code −D_SDMR}, {@code [batch]} */
    @Override
    public SDVariable score(SameDiff sd, ParameterView params, ScoreInputs in) {
        ScoreInputs sdpInputs = sdp.contextSize() == 0 ? new ScoreInputs(in.users(), in.items()) : in;
        SDVariable w = params.get(FUSION);
        SDVariable e = sd.concat(1,
                sdp.finalVectors(sd, frozenView(sd, SDP_PREFIX, sdpParameters, w.dataType()), sdpInputs),
                sdm.finalVectors(sd, frozenView(sd, SDM_PREFIX, sdmParameters, w.dataType()), in));
        SDVariable d = SignedDistance.edgeWeighted(e, w, params.get(FUSION_BIAS));
        return (output == Output.RELU ? sd.nn().relu(d, 0) : d).neg();
    }

    /** The frozen part's parameters as graph constants of the fusion's type, created once per graph. */
    private static ParameterView frozenView(SameDiff sd, String prefix, Map<String, INDArray> parameters,
            DataType type) {
        return name -> {
            String graphName = prefix + name;
            if (sd.hasVariable(graphName)) {
                return sd.getVariable(graphName);
            }
            INDArray value = parameters.get(name);
            if (value == null) {
                throw new IllegalArgumentException("no frozen parameter " + graphName);
            }
            return sd.constant(graphName, value.dataType() == type ? value : value.castTo(type));
        };
    }

    /** @return whether both parts have final-layer kernels, so the fusion has one ({@link SdmrKernel}) */
    @Override
    public boolean hasKernel() {
        return finalLayerKernel(sdp) != null && finalLayerKernel(sdm) != null;
    }

    /** @return the fusion's kernel over the parts' kernels, on float copies of the frozen parameters */
    @Override
    public ScoreKernel kernel() {
        FinalLayerKernel sdpKernel = finalLayerKernel(sdp);
        FinalLayerKernel sdmKernel = finalLayerKernel(sdm);
        if (sdpKernel == null || sdmKernel == null) {
            throw new IllegalStateException("SDMR has a kernel only when its SDP and SDM parts have final-layer kernels");
        }
        return new SdmrKernel(sdpKernel, KernelParameters.copyOf(sdpParameters), sdp.contextSize() == 0, sdmKernel,
                KernelParameters.copyOf(sdmParameters), output == Output.RELU, lambda);
    }

    private static FinalLayerKernel finalLayerKernel(FinalLayerModel part) {
        return part instanceof KernelModel k && k.hasKernel() && k.kernel() instanceof FinalLayerKernel f ? f : null;
    }

    /** λ · ||w_u||² (only the fusion layer learns). */
    @Override
    public SDVariable penalty(SameDiff sd, ParameterView params, TrainingInputs in) {
        SDVariable w = params.get(FUSION);
        return w.mul(w).sum().mul(lambda);
    }
}
