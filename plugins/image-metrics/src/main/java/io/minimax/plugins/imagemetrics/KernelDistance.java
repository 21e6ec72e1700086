package io.minimax.plugins.imagemetrics;

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
        double[] estimates = new double[subsets];
        for (int s = 0; s < subsets; s++) {
            double[][] x = subset(generated, size, random);
            double[][] y = subset(real, size, random);
            double within = offDiagonalKernelSum(Matrices.product(x, x, true), dimension)
                    + offDiagonalKernelSum(Matrices.product(y, y, true), dimension);
            double across = kernelSum(Matrices.product(x, y, true), dimension);
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

    private static double kernelSum(double[][] dots, int dimension)
    {
        double sum = 0;
        for (double[] row : dots) {
            for (double dot : row) {
                sum += kernel(dot, dimension);
            }
        }
        return sum;
    }

    private static double offDiagonalKernelSum(double[][] dots, int dimension)
    {
        double sum = kernelSum(dots, dimension);
        for (int i = 0; i < dots.length; i++) {
            sum -= kernel(dots[i][i], dimension);
        }
        return sum;
    }

    /** {@code size} distinct rows in random order, by a partial Fisher–Yates shuffle of the indices. */
    private static double[][] subset(double[][] rows, int size, RandomGenerator random)
    {
        int[] indices = new int[rows.length];
        for (int i = 0; i < indices.length; i++) {
            indices[i] = i;
        }
        double[][] chosen = new double[size][];
        for (int i = 0; i < size; i++) {
            int pick = i + random.nextInt(rows.length - i);
            int swap = indices[i];
            indices[i] = indices[pick];
            indices[pick] = swap;
            chosen[i] = rows[indices[i]];
        }
        return chosen;
    }
}
