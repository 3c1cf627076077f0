package org.marketlens.model.sdmr.bench;

import java.nio.file.Path;
import org.marketlens.api.rec.ModelProvider;
import org.marketlens.model.sdm.SdmProvider;
import org.marketlens.model.sdp.SdpProvider;

/** The providers the benchmark can run. */
final class BenchModels {
    private BenchModels() {
    }

    static ModelProvider provider(String name, Path snapshots) {
        return switch (name) {
            case "SDP" -> new SdpProvider();
            case "SDM" -> new SdmProvider();
            case "SDMR" -> new org.marketlens.model.sdmr.SdmrProvider(new SdpProvider(), new SdmProvider());
            default -> throw new IllegalArgumentException("unknown model " + name);
        };
    }
}
