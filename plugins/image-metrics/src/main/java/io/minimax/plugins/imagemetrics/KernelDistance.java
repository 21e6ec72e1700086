package io.minimax.plugins.imagemetrics;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;
import java.util.random.RandomGenerator;

import static java.util.Objects.requireNonNull;

/**
 * The kernel distance of Bińkowski et al. (2018) (KID on Inception features): the unbiased estimate of MMD² under the
 * cubic polynomial kernel k(x, y) = (x·y/d + 1)³, averaged over random subsets of m real and m generated feature
 * vectors drawn without replacement, as torch-fidelity computes it:
 * MMD²_u = Σ_{i≠j} (k(x_i, x_j) + k(y_i, y_j)) / (m(m − 1)) − 2 Σ_{i,j} k(x_i, y_j) / m².
 * Unbiased, so it scatters around 0, and may be negative, when both sets come from one distribution.
 *
 * @param mean the average of the subsets' estimates
 * @param standardDeviation their standard deviation (divisor = the number of subsets, as torch-fidelity's
 *     {@code np.std}): how much the choice of subsets moves one estimate, not the standard error of the mean
 * @param subsetSize m, the requested subset size capped by the smaller set
 * @param subsets how many subsets were averaged
 */
public record KernelDistance(double mean, double standardDeviation, int subsetSize, int subsets)
{
    /** torch-fidelity's and the KID paper's defaults. */
    public static final int DEFAULT_SUBSET_SIZE = 1000;
    public static final int DEFAULT_SUBSETS = 100;

    /**
     * @param real {@code [n][d]} real feature vectors
     * @param generated {@code [n'][d]} generated feature vectors
     * @param random draws the subsets: the same stream gives the same estimate
     */
    public static KernelDistance between(double[][] real, double[][] generated, int subsetSize, int subsets, RandomGenerator random)
    {
        requireNonNull(real, "real is null");
        requireNonNull(generated, "generated is null");
        requireNonNull(random, "random is null");
        int size = Math.min(subsetSize, Math.min(real.length, generated.length));
        if (size < 2) {
            throw new IllegalArgumentException("the unbiased kernel distance needs at least two feature vectors per set (got "
                    + real.length + " real, " + generated.length + " generated, subsets of " + subsetSize + ")");
        }
        if (subsets < 1) {
            throw new IllegalArgumentException("subsets must be >= 1 (got " + subsets + ")");
        }
        int dimension = real[0].length;
        if (generated[0].length != dimension) {
            throw new IllegalArgumentException("feature dimensions differ: " + dimension + " real, " + generated[0].length + " generated");
        }
        INDArray dots = Nd4j.create(DataType.DOUBLE, size, size);
        double[] estimates = new double[subsets];
        for (int s = 0; s < subsets; s++) {
            int[] x = subset(generated.length, size, random);
            int[] y = subset(real.length, size, random);
            INDArray xRows = Matrices.gather(generated, x);
            INDArray yRows = Matrices.gather(real, y);
            double within = kernelSum(xRows, xRows, dots) - diagonalKernelSum(generated, x)
                    + kernelSum(yRows, yRows, dots) - diagonalKernelSum(real, y);
            double across = kernelSum(xRows, yRows, dots);
            estimates[s] = within / ((double) size * (size - 1)) - 2 * across / ((double) size * size);
        }
        double mean = 0;
        for (double estimate : estimates) {
            mean += estimate;
        }
        mean /= subsets;
        double squares = 0;
        for (double estimate : estimates) {
            squares += (estimate - mean) * (estimate - mean);
        }
        return new KernelDistance(mean, Math.sqrt(squares / subsets), size, subsets);
    }

    /** The cubic polynomial kernel on a dot product of d-dimensional vectors. */
    static double kernel(double dot, int dimension)
    {
        double base = dot / dimension + 1;
        return base * base * base;
    }

    /**
     * Σ_{i,j} k(a_i, b_j): the dot products by one gemm into {@code dots}, the cubes in Java (three multiplications
     * each, where a native {@code pow} costs several times that).
     */
    private static double kernelSum(INDArray a, INDArray b, INDArray dots)
    {
        int dimension = Math.toIntExact(a.columns());
        Nd4j.gemm(a, b, dots, false, true, 1.0, 0.0);
        double sum = 0;
        for (double dot : dots.data().asDouble()) {
            sum += kernel(dot, dimension);
        }
        return sum;
    }

    /** Σ_i k(x_i, x_i) over the chosen rows: the terms the unbiased estimate leaves out. */
    private static double diagonalKernelSum(double[][] rows, int[] chosen)
    {
        double sum = 0;
        for (int index : chosen) {
            double squaredNorm = 0;
            for (double value : rows[index]) {
                squaredNorm += value * value;
            }
            sum += kernel(squaredNorm, rows[index].length);
        }
        return sum;
    }

    /** {@code size} distinct indices below {@code count} in random order, by a partial Fisher–Yates shuffle. */
    private static int[] subset(int count, int size, RandomGenerator random)
    {
        int[] indices = new int[count];
        for (int i = 0; i < count; i++) {
            indices[i] = i;
        }
        for (int i = 0; i < size; i++) {
            int pick = i + random.nextInt(count - i);
            int swap = indices[i];
            indices[i] = indices[pick];
            indices[pick] = swap;
        }
        return Arrays.copyOf(indices, size);
    }
}
