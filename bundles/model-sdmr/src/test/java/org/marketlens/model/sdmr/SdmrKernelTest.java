package org.marketlens.model.sdmr;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.marketlens.api.nn.FinalLayerVectors;
import org.marketlens.framework.nn.KernelCheck;
import org.marketlens.framework.nn.kernel.KernelBatch;

/** SDMR's kernel against its graph: scores and fusion gradients, with the ReLU and without, over trained parts. */
class SdmrKernelTest {
    @Test
    void kernelEqualsGraphWithAndWithoutTheRelu() {
        FinalLayerVectors[] parts = SdmrProviderTest.parts(SdmrProviderTest.sequences());
        // Repeated users and items, a padded window and an all-padding window (s = 3).
        KernelBatch batch = new KernelBatch(new int[] {0, 3, 7, 3, 0, 19}, new int[] {1, 2, 3, 2, 11, 5}, 3,
                new int[] {0, 0, 0, 1, 11, 0, 2, 1, 0, 1, 11, 0, 5, 6, 7, 0, 0, 0},
                new float[] {1, 0, 0, 1, 1, 0, 1, 1, 0, 1, 1, 0, 1, 1, 1, 0, 0, 0});
        for (SdmrModel.Output output : SdmrModel.Output.values()) {
            SdmrModel model = new SdmrModel(parts[0].model(), parts[0].parameters(), parts[1].model(),
                    parts[1].parameters(), output, 0.01);
            assertTrue(model.hasKernel(), "SDP and SDM have final-layer kernels");
            for (double scale : new double[] {1, 10}) {
                KernelCheck.Result result = KernelCheck.compare(model, batch, 17, scale);
                assertTrue(result.worst() < 1e-4, output + " at scale " + scale + ": " + result);
            }
        }
    }
}
