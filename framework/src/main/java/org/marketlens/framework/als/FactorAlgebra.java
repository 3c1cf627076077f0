package org.marketlens.framework.als;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Whole-matrix products of factor matrices through ND4J (the PᵀP / UᵀU precomputation of §2.6). */
final class FactorAlgebra {
    private FactorAlgebra() {
    }

    /** @return FᵀF for a row-major [rows, k] matrix, row-major k × k in double */
    static double[] gram(float[] factors, int rows, int k) {
        INDArray f = Nd4j.create(factors, new long[] {rows, k}, DataType.FLOAT).castTo(DataType.DOUBLE);
        return f.transpose().mmul(f).dup('c').data().asDouble();
    }

    /** @return the squared Frobenius norm */
    static double squaredNorm(float[] factors) {
        double sum = 0;
        for (float v : factors) {
            sum += (double) v * v;
        }
        return sum;
    }
}
