package org.marketlens.model.sdp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.marketlens.api.nn.ParameterSpec;
import org.marketlens.api.rec.Query;
import org.marketlens.framework.nn.SameDiffRecommender;
import org.marketlens.framework.nn.kernel.KernelTraining;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Serving through the kernel scores every candidate as the graph does, across the kernel's block boundaries. */
class SdpServingTest {
    @Test
    void kernelServingEqualsGraphServingOverMoreCandidatesThanOneBlock() {
        int numItems = 5000; // several kernel blocks of 1024 candidates and a partial one
        SdpModel model = new SdpModel(3, numItems, 8, 2, 0.01);
        Nd4j.getRandom().setSeed(11);
        Map<String, INDArray> parameters = new LinkedHashMap<>();
        for (ParameterSpec spec : model.parameters()) {
            parameters.put(spec.name(), Nd4j.randn(DataType.FLOAT, spec.shape()).muli(0.5));
        }
        int[] items = new int[numItems];
        for (int i = 0; i < numItems; i++) {
            items[i] = numItems - 1 - i;
        }
        Query query = Query.of(1);
        float[] kernel = new SameDiffRecommender("SDP", model, parameters, Map.of(), numItems).score(query, items);
        float[] graph;
        System.setProperty(KernelTraining.ENABLED, "false");
        try {
            graph = new SameDiffRecommender("SDP", model, parameters, Map.of(), numItems).score(query, items);
        } finally {
            System.clearProperty(KernelTraining.ENABLED);
        }
        assertEquals(numItems, kernel.length);
        assertArrayEquals(graph, kernel, 1e-4f);
    }
}
