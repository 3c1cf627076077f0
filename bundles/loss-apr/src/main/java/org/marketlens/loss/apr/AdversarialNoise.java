package org.marketlens.loss.apr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.marketlens.api.nn.StepState;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/** The fast-gradient noise of Eq. 4.33 with the flexible radius ε·std(P) and A-30's normalisation. */
final class AdversarialNoise {
    /** Guards the division for rows whose gradient is zero (rows not in the batch). */
    private static final double TINY = 1e-12;
    private final double epsilon;
    private final boolean flexible;
    private final boolean perRow;

    AdversarialNoise(double epsilon, boolean flexible, boolean perRow) {
        this.epsilon = epsilon;
        this.flexible = flexible;
        this.perRow = perRow;
    }

    void update(StepState step) {
        List<String> noiseNames = new ArrayList<>();
        for (String name : step.parameterNames()) {
            step.noise(name).assign(0);
            noiseNames.add("delta/" + name);
        }
        Map<String, INDArray> gradients = step.gradients(noiseNames);
        for (String name : step.parameterNames()) {
            INDArray g = gradients.get("delta/" + name);
            INDArray p = step.parameter(name);
            double radius = flexible ? epsilon * p.std(false).getDouble(0) : epsilon; // population std
            step.noise(name).assign(direction(g).muli(radius));
        }
    }

    /** @return g / ||g||, per row for 2-D tensors when {@code perRow}, else over the whole tensor */
    INDArray direction(INDArray g) {
        if (perRow && g.rank() == 2) {
            INDArray norms = Transforms.max(g.norm2(1), TINY).reshape(g.rows(), 1);
            return g.divColumnVector(norms);
        }
        return g.div(Math.max(g.norm2Number().doubleValue(), TINY));
    }
}
