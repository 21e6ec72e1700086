package io.minimax.plugins.metrics;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;

/**
 * The squared maximum mean discrepancy between two sample sets under the Gaussian (RBF) kernel
 * k(a, b) = exp(−‖a − b‖² / (2s²)), by the unbiased U-statistic of Gretton et al. (2012):
 * MMD²_u = Σ_{i≠j} k(x_i, x_j)/(n(n−1)) + Σ_{i≠j} k(y_i, y_j)/(m(m−1)) − 2 Σ_{i,j} k(x_i, y_j)/(nm).
 * Unbiased, so it scatters around 0 (and may be slightly negative) when both sets come from one distribution.
 */
final class MaximumMeanDiscrepancy
{
    /** The median heuristic looks at the first this many samples of each set: 10⁶ distances instead of 2·10⁷. */
    static final int MEDIAN_SUBSAMPLE = 500;

    private MaximumMeanDiscrepancy() {}

    static double squared(double[][] x, double[][] y, double bandwidth)
    {
        if (x.length < 2 || y.length < 2) {
            throw new IllegalArgumentException("the unbiased MMD needs at least two samples per set (got " + x.length + " and " + y.length
                    + ")");
        }
        double gamma = 1 / (2 * bandwidth * bandwidth);
        double withinX = kernelSum(x, x, gamma, true);
        double withinY = kernelSum(y, y, gamma, true);
        double across = kernelSum(x, y, gamma, false);
        return withinX / ((double) x.length * (x.length - 1))
                + withinY / ((double) y.length * (y.length - 1))
                - 2 * across / ((double) x.length * y.length);
    }

    /**
     * The median heuristic: s = the median Euclidean distance between distinct points of both sets pooled (the
     * first {@value #MEDIAN_SUBSAMPLE} of each).
     */
    static double medianBandwidth(double[][] x, double[][] y)
    {
        double[][] pooled = new double[Math.min(x.length, MEDIAN_SUBSAMPLE) + Math.min(y.length, MEDIAN_SUBSAMPLE)][];
        int count = 0;
        for (int i = 0; i < Math.min(x.length, MEDIAN_SUBSAMPLE); i++) {
            pooled[count++] = x[i];
        }
        for (int i = 0; i < Math.min(y.length, MEDIAN_SUBSAMPLE); i++) {
            pooled[count++] = y[i];
        }
        double[] squares = squaredDistances(pooled, pooled);
        double[] distances = new double[count * (count - 1) / 2];
        int index = 0;
        for (int i = 0; i < count; i++) {
            for (int j = i + 1; j < count; j++) {
                distances[index++] = Math.sqrt(squares[i * count + j]);
            }
        }
        Arrays.sort(distances);
        int middle = distances.length / 2;
        double median = distances.length % 2 == 1 ? distances[middle] : (distances[middle - 1] + distances[middle]) / 2;
        if (!(median > 0)) {
            throw new IllegalArgumentException("the median distance between samples is 0: every sample is the same point");
        }
        return median;
    }

    /**
     * ‖a_i − b_j‖² = ‖a_i‖² + ‖b_j‖² − 2 a_i·b_j, row-major {@code [a.length · b.length]}, with the dot products from
     * one matrix product: as cheap for 784-pixel images as for points in the plane.
     */
    private static double[] squaredDistances(double[][] a, double[][] b)
    {
        INDArray dots = Nd4j.create(DataType.DOUBLE, a.length, b.length);
        Nd4j.gemm(Nd4j.createFromArray(a), Nd4j.createFromArray(b), dots, false, true, 1.0, 0.0);
        double[] squares = dots.data().asDouble();
        double[] normsA = squaredNorms(a);
        double[] normsB = squaredNorms(b);
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b.length; j++) {
                int index = i * b.length + j;
                // rounding may leave a tiny negative value for (nearly) equal points
                squares[index] = Math.max(0, normsA[i] + normsB[j] - 2 * squares[index]);
            }
        }
        return squares;
    }

    private static double[] squaredNorms(double[][] points)
    {
        double[] norms = new double[points.length];
        for (int i = 0; i < points.length; i++) {
            for (double value : points[i]) {
                norms[i] += value * value;
            }
        }
        return norms;
    }

    /** Σ k(a_i, b_j) over all pairs, or over i ≠ j when a and b are the same set. */
    private static double kernelSum(double[][] a, double[][] b, double gamma, boolean skipDiagonal)
    {
        double[] squares = squaredDistances(a, b);
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b.length; j++) {
                if (!skipDiagonal || i != j) {
                    sum += Math.exp(-gamma * squares[i * b.length + j]);
                }
            }
        }
        return sum;
    }
}
