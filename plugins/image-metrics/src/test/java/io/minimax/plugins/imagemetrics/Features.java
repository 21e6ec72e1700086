package io.minimax.plugins.imagemetrics;

import io.minimax.plugin.support.SeededRandomSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Synthetic feature sets for the tests. */
final class Features
{
    private Features() {}

    /** {@code count} draws of N(mean·1, std²I) in {@code dimension} dimensions. */
    static double[][] gaussian(int count, int dimension, double mean, double std, long seed)
    {
        INDArray samples = Nd4j.create(DataType.DOUBLE, count, dimension);
        new SeededRandomSource(seed).gaussian(samples, mean, std);
        return Matrices.rows(samples);
    }

    static double[][] shifted(double[][] rows, double shift)
    {
        double[][] result = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            result[i] = rows[i].clone();
            for (int j = 0; j < result[i].length; j++) {
                result[i][j] += shift;
            }
        }
        return result;
    }
}
