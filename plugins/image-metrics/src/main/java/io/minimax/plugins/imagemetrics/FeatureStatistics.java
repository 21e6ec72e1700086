package io.minimax.plugins.imagemetrics;

import static java.util.Objects.requireNonNull;

/**
 * The mean and covariance of a set of feature vectors: everything the Fréchet distance needs from one set, so the real
 * set's statistics are computed once per run and kept.
 *
 * @param mean μ, of length d
 * @param covariance Σ, d × d, the unbiased sample covariance (divisor n − 1, as {@code numpy.cov} and pytorch-fid)
 * @param count n, the number of feature vectors
 */
public record FeatureStatistics(double[] mean, double[][] covariance, int count)
{
    public FeatureStatistics
    {
        requireNonNull(mean, "mean is null");
        requireNonNull(covariance, "covariance is null");
        if (covariance.length != mean.length) {
            throw new IllegalArgumentException("covariance has " + covariance.length + " rows for a mean of length " + mean.length);
        }
        if (count < 2) {
            throw new IllegalArgumentException("a covariance needs at least two feature vectors (got " + count + ")");
        }
        mean = mean.clone();
        covariance = deepCopy(covariance);
    }

    /**
     * The statistics of {@code features} ({@code [n][d]}), in doubles, by the corrected two-pass algorithm: the mean,
     * then a second pass over the centred rows that also corrects the mean by their residual sum (Chan, Golub and
     * LeVeque 1983). Features far from the origin (ReLU activations with a large mean) lose no digits to the
     * cancellation that Σxxᵀ/n − μμᵀ would suffer.
     */
    public static FeatureStatistics of(double[][] features)
    {
        requireNonNull(features, "features is null");
        int count = features.length;
        if (count < 2) {
            throw new IllegalArgumentException("a covariance needs at least two feature vectors (got " + count + ")");
        }
        int dimension = features[0].length;
        double[] mean = new double[dimension];
        for (double[] row : features) {
            if (row.length != dimension) {
                throw new IllegalArgumentException("feature vectors of different lengths: " + dimension + " and " + row.length);
            }
            for (int j = 0; j < dimension; j++) {
                mean[j] += row[j];
            }
        }
        for (int j = 0; j < dimension; j++) {
            mean[j] /= count;
        }
        double[][] centred = new double[count][dimension];
        double[] residual = new double[dimension];
        for (int i = 0; i < count; i++) {
            for (int j = 0; j < dimension; j++) {
                centred[i][j] = features[i][j] - mean[j];
                residual[j] += centred[i][j];
            }
        }
        double[][] scatter = Matrices.gram(centred);
        for (int j = 0; j < dimension; j++) {
            for (int l = 0; l < dimension; l++) {
                // Σ(x − m)(x − m)ᵀ for the first-pass mean m = mean + δ differs from the exact one by nδδᵀ, δ = residual/n
                scatter[j][l] = (scatter[j][l] - residual[j] * residual[l] / count) / (count - 1);
            }
            mean[j] += residual[j] / count;
        }
        return new FeatureStatistics(mean, symmetrized(scatter), count);
    }

    public int dimension()
    {
        return mean.length;
    }

    @Override
    public double[] mean()
    {
        return mean.clone();
    }

    @Override
    public double[][] covariance()
    {
        return deepCopy(covariance);
    }

    /** gemm's two triangles agree up to rounding; the eigensolver reads one, numpy users may read the other. */
    private static double[][] symmetrized(double[][] matrix)
    {
        for (int i = 0; i < matrix.length; i++) {
            for (int j = 0; j < i; j++) {
                double average = (matrix[i][j] + matrix[j][i]) / 2;
                matrix[i][j] = average;
                matrix[j][i] = average;
            }
        }
        return matrix;
    }

    private static double[][] deepCopy(double[][] matrix)
    {
        double[][] copy = new double[matrix.length][];
        for (int i = 0; i < matrix.length; i++) {
            copy[i] = matrix[i].clone();
        }
        return copy;
    }
}
