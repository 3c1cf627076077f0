package org.marketlens.framework.nn.layers;

import java.util.List;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ops.impl.scatter.ScatterAdd;
import org.nd4j.linalg.api.ops.impl.shape.Gather;

/**
 * Embedding-row lookup {@code table[indices]} along axis 0 whose gradient is a single scatter-add of the incoming
 * gradient into a zero table. ND4J 1.0.0-M1.1's {@code gather} builds its gradient for any axis (rank, range,
 * listdiff, concat, invert_permutation, three permutes, two zeros-likes, scatter_add: about 13 native ops per lookup
 * and step); for axis 0 every permutation is the identity, so this lookup keeps the same values and gradient with
 * two ops. SameDiff's cost per op, not the arithmetic, dominates the step time of the embedding models (issue 6).
 */
public final class RowLookup {
    private RowLookup() {
    }

    /**
     * @param sd      the graph
     * @param table   {@code [n, k]}
     * @param indices {@code [b]} integer row indices
     * @return {@code [b, k]} rows; the gradient with respect to {@code table} sums the gradients of repeated rows
     */
    public static SDVariable rows(SameDiff sd, SDVariable table, SDVariable indices) {
        return new RowGather(sd, table, indices).outputVariable();
    }

    /** {@code gather} on axis 0 with the two-op gradient (public only because SameDiff clones ops reflectively). */
    public static final class RowGather extends Gather {
        /** For SameDiff's reflective cloning. */
        public RowGather() {
        }

        RowGather(SameDiff sd, SDVariable table, SDVariable indices) {
            super(sd, table, indices, 0);
        }

        @Override
        public List<SDVariable> doDiff(List<SDVariable> gradient) {
            SDVariable table = arg(0);
            SDVariable indices = arg(1);
            ScatterAdd sum = new ScatterAdd(sameDiff, sameDiff.zerosLike(table), indices, gradient.get(0));
            // lock = true: without it libnd4j adds the update rows on parallel threads, so repeated indices race
            // (lost additions, and training that is not reproducible from its seed).
            sum.addBArgument(true);
            return List.of(sum.outputVariable(), sameDiff.zerosLike(indices));
        }
    }
}
