package org.marketlens.api.nn;

import org.nd4j.autodiff.samediff.SDVariable;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The parameters a score graph is built from: the clean variables, or the clean variables plus fixed
 * adversarial noise (APR).
 */
@ProviderType
public interface ParameterView {
    /**
     * @param name a name from {@link DifferentiableModel#parameters()}
     * @return the graph variable standing for that parameter in this view
     */
    SDVariable get(String name);
}
