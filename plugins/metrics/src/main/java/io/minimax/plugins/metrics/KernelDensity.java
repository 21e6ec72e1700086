package io.minimax.plugins.metrics;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static java.util.Objects.requireNonNull;

/**
 * A Gaussian product-kernel density estimate, q(x) = (1/n) Σ_i Π_j φ((x_j − c_ij) / h_j) / h_j, with one bandwidth
 * h_j per axis. Every centre's own kernel counts, also where q is evaluated at the centres themselves.
 */
final class KernelDensity
{
    private static final double LOG_SQRT_TWO_PI = 0.5 * Math.log(2 * Math.PI);
    /** Held-out points of the likelihood cross-validation: the first this many samples. */
    static final int CROSS_VALIDATION_POINTS = 500;
    /** Candidate factors 2^(−k/2), k = 0 … this. */
    static final int CROSS_VALIDATION_HALVINGS = 28;

    private final double[][] centres;
    private final double[] bandwidths;
    private final double logNormalisation;

    KernelDensity(double[][] centres, double[] bandwidths)
    {
        this.centres = requireNonNull(centres, "centres is null");
        this.bandwidths = requireNonNull(bandwidths, "bandwidths is null").clone();
        if (centres.length == 0) {
            throw new IllegalArgumentException("a kernel density estimate needs at least one centre");
        }
        if (centres[0].length != bandwidths.length) {
            throw new IllegalArgumentException("centres have " + centres[0].length + " coordinates but there are " + bandwidths.length
                    + " bandwidths");
        }
        double normalisation = -Math.log(centres.length);
        for (double bandwidth : bandwidths) {
            if (!(bandwidth > 0) || !Double.isFinite(bandwidth)) {
                throw new IllegalArgumentException("bandwidths must be > 0 (got " + bandwidth + ")");
            }
            normalisation -= Math.log(bandwidth) + LOG_SQRT_TWO_PI;
        }
        this.logNormalisation = normalisation;
    }

    /**
     * Fits the bandwidths to {@code samples} by {@code rule} ({@code fixed} for {@link BandwidthRule#FIXED});
     * no bandwidth falls below {@code floors[j]}, so a collapsed generator (σ̂ = 0) still has a density.
     */
    static KernelDensity fit(double[][] samples, BandwidthRule rule, double fixed, double[] floors)
    {
        int dimension = samples[0].length;
        double[] deviations = SampleRows.columnStandardDeviations(samples);
        double[] bandwidths = new double[dimension];
        double factor = switch (rule) {
            case FIXED -> Double.NaN;
            case CROSS_VALIDATION -> crossValidatedFactor(samples, deviations, floors);
            default -> rule.factor(samples.length, dimension);
        };
        for (int axis = 0; axis < dimension; axis++) {
            double bandwidth = rule == BandwidthRule.FIXED ? fixed : factor * deviations[axis];
            bandwidths[axis] = Math.max(bandwidth, floors[axis]);
        }
        return new KernelDensity(samples, bandwidths);
    }

    /**
     * The factor c maximising Σ_i log((1/(n−1)) Σ_{l≠i} K_c(x_i − x_l)) over the held-out x_i, with h_j = max(c·σ̂_j,
     * floor_j): one kernel per pair of a held-out point and a sample, for each of the 29 candidates. The first is
     * kept on ties, so a collapsed sample (σ̂ = 0, every candidate at the floor) gets the floor.
     */
    private static double crossValidatedFactor(double[][] samples, double[] deviations, double[] floors)
    {
        int dimension = deviations.length;
        int heldOut = Math.min(samples.length, CROSS_VALIDATION_POINTS);
        double bestFactor = 1;
        double bestLikelihood = Double.NEGATIVE_INFINITY;
        double[] exponents = new double[samples.length];
        for (int k = 0; k <= CROSS_VALIDATION_HALVINGS; k++) {
            double factor = Math.pow(2, -k / 2.0);
            double[] inverseSquares = new double[dimension];
            double logNormalisation = -Math.log(samples.length - 1);
            for (int axis = 0; axis < dimension; axis++) {
                double bandwidth = Math.max(factor * deviations[axis], floors[axis]);
                inverseSquares[axis] = 1 / (bandwidth * bandwidth);
                logNormalisation -= Math.log(bandwidth) + LOG_SQRT_TWO_PI;
            }
            double likelihood = 0;
            for (int i = 0; i < heldOut; i++) {
                double largest = Double.NEGATIVE_INFINITY;
                for (int l = 0; l < samples.length; l++) {
                    double squares = 0;
                    for (int axis = 0; axis < dimension; axis++) {
                        double difference = samples[i][axis] - samples[l][axis];
                        squares += difference * difference * inverseSquares[axis];
                    }
                    exponents[l] = l == i ? Double.NEGATIVE_INFINITY : -0.5 * squares;
                    largest = Math.max(largest, exponents[l]);
                }
                double sum = 0;
                for (double exponent : exponents) {
                    sum += Math.exp(exponent - largest);
                }
                likelihood += logNormalisation + largest + Math.log(sum);
            }
            if (likelihood > bestLikelihood) {
                bestLikelihood = likelihood;
                bestFactor = factor;
            }
        }
        return bestFactor;
    }

    double[] bandwidths()
    {
        return bandwidths.clone();
    }

    int dimension()
    {
        return bandwidths.length;
    }

    /** log q at each point, by a log-sum-exp over the centres (finite far from every centre). */
    double[] logDensities(double[][] points)
    {
        int dimension = dimension();
        double[] inverseSquares = new double[dimension];
        for (int axis = 0; axis < dimension; axis++) {
            inverseSquares[axis] = 1 / (bandwidths[axis] * bandwidths[axis]);
        }
        double[] exponents = new double[centres.length];
        double[] result = new double[points.length];
        for (int p = 0; p < points.length; p++) {
            double[] point = points[p];
            double largest = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < centres.length; i++) {
                double squares = 0;
                for (int axis = 0; axis < dimension; axis++) {
                    double difference = point[axis] - centres[i][axis];
                    squares += difference * difference * inverseSquares[axis];
                }
                exponents[i] = -0.5 * squares;
                largest = Math.max(largest, exponents[i]);
            }
            double sum = 0;
            for (double exponent : exponents) {
                sum += Math.exp(exponent - largest);
            }
            result[p] = logNormalisation + largest + Math.log(sum);
        }
        return result;
    }

    /**
     * q at every point of {@code grid}, in the grid's point order. The product kernel separates over the axes: in two
     * dimensions q on an nx × ny grid is (1/n)·K_x·K_yᵀ with K_axis[g][i] = φ((t_g − c_i)/h)/h, one matrix product
     * instead of nx·ny·n two-dimensional kernels.
     */
    double[] densitiesOn(QuadratureGrid grid)
    {
        if (grid.dimension() != dimension()) {
            throw new IllegalArgumentException("a " + grid.dimension() + "-D grid for a " + dimension() + "-D density");
        }
        double[][] x = kernelMatrix(grid.axis(0), 0);
        if (dimension() == 1) {
            double[] result = new double[x.length];
            for (int g = 0; g < x.length; g++) {
                double sum = 0;
                for (double value : x[g]) {
                    sum += value;
                }
                result[g] = sum / centres.length;
            }
            return result;
        }
        double[][] y = kernelMatrix(grid.axis(1), 1);
        INDArray kx = Nd4j.createFromArray(x);
        INDArray ky = Nd4j.createFromArray(y);
        INDArray product = Nd4j.create(DataType.DOUBLE, x.length, y.length);
        Nd4j.gemm(kx, ky, product, false, true, 1.0 / centres.length, 0.0);
        return product.dup('c').data().asDouble();
    }

    private double[][] kernelMatrix(double[] abscissae, int axis)
    {
        double bandwidth = bandwidths[axis];
        double scale = 1 / (bandwidth * Math.sqrt(2 * Math.PI));
        double[][] matrix = new double[abscissae.length][centres.length];
        for (int g = 0; g < abscissae.length; g++) {
            for (int i = 0; i < centres.length; i++) {
                double z = (abscissae[g] - centres[i][axis]) / bandwidth;
                matrix[g][i] = scale * Math.exp(-0.5 * z * z);
            }
        }
        return matrix;
    }
}
