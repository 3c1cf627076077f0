package org.marketlens.api.nn;

import java.util.Map;
import org.marketlens.api.rec.Recommender;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A trained recommender that exposes its model and trained parameters, so a fusion (SDMR, Eq. 5.21; MODELS.md
 * §4.5) can compute the final-layer vectors of a frozen part.
 *
 * @since 0.2.0
 */
@ProviderType
public interface FinalLayerVectors extends Recommender {
    /** @return the model that builds the final vectors */
    FinalLayerModel model();

    /** @return the trained parameters by name (read-only) */
    Map<String, INDArray> parameters();
}
