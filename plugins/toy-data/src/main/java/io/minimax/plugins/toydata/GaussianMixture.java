package io.minimax.plugins.toydata;

import java.util.Arrays;

import static java.util.Objects.requireNonNull;

/**
 * An equally weighted mixture of isotropic Gaussians N(μ_k, σ²I) that share one σ: the geometry of the toy
 * distributions, kept so that instruments can ask where the modes are (mode coverage counts a generated sample as
 * high quality when it lies within 3σ of its nearest mean). Immutable; arrays are copied in and out.
 */
public final class GaussianMixture
{
    private final double[][] means;
    private final double std;

    public GaussianMixture(double[][] means, double std)
    {
        requireNonNull(means, "means is null");
        if (means.length == 0) {
            throw new IllegalArgumentException("a mixture needs at least one component");
        }
        int dimension = means[0].length;
        if (dimension == 0) {
            throw new IllegalArgumentException("means need at least one coordinate");
        }
        this.means = new double[means.length][];
        for (int k = 0; k < means.length; k++) {
            if (means[k].length != dimension) {
                throw new IllegalArgumentException("mean " + k + " has " + means[k].length + " coordinates, mean 0 has " + dimension);
            }
            this.means[k] = means[k].clone();
        }
        if (!(std > 0) || !Double.isFinite(std)) {
            throw new IllegalArgumentException("std must be > 0 (got " + std + ")");
        }
        this.std = std;
    }

    /** {@code modes} means equally spaced on the circle of {@code radius}, the first at (radius, 0). */
    public static GaussianMixture ring(int modes, double radius, double std)
    {
        double[][] means = new double[modes][];
        for (int k = 0; k < modes; k++) {
            double angle = 2 * Math.PI * k / modes;
            means[k] = new double[] {radius * Math.cos(angle), radius * Math.sin(angle)};
        }
        return new GaussianMixture(means, std);
    }

    /** side × side means on a square lattice of {@code spacing} centred on the origin, row by row. */
    public static GaussianMixture grid(int side, double spacing, double std)
    {
        double[][] means = new double[side * side][];
        double first = -spacing * (side - 1) / 2;
        for (int row = 0; row < side; row++) {
            for (int column = 0; column < side; column++) {
                means[row * side + column] = new double[] {first + spacing * row, first + spacing * column};
            }
        }
        return new GaussianMixture(means, std);
    }

    public int componentCount()
    {
        return means.length;
    }

    public int dimension()
    {
        return means[0].length;
    }

    /** A copy of every component's mean, {@code [componentCount][dimension]}. */
    public double[][] means()
    {
        double[][] copy = new double[means.length][];
        for (int k = 0; k < means.length; k++) {
            copy[k] = means[k].clone();
        }
        return copy;
    }

    /** Reads one coordinate without copying; for the hot sampling loop. */
    double coordinate(int component, int axis)
    {
        return means[component][axis];
    }

    /** The standard deviation of every component along every axis. */
    public double std()
    {
        return std;
    }

    /**
     * log p(x) in nats. The log-sum-exp over components is shifted by its largest term, so points far from every
     * mode (where each exp underflows) still get their finite log-density.
     */
    public double logDensity(double[] point)
    {
        if (point.length != dimension()) {
            throw new IllegalArgumentException("point has " + point.length + " coordinates, the mixture " + dimension());
        }
        double[] exponents = new double[means.length];
        double largest = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < means.length; k++) {
            double squaredDistance = 0;
            for (int axis = 0; axis < point.length; axis++) {
                double difference = point[axis] - means[k][axis];
                squaredDistance += difference * difference;
            }
            exponents[k] = -squaredDistance / (2 * std * std);
            largest = Math.max(largest, exponents[k]);
        }
        double sum = 0;
        for (double exponent : exponents) {
            sum += Math.exp(exponent - largest);
        }
        double normalisation = -Math.log(means.length) - 0.5 * dimension() * Math.log(2 * Math.PI * std * std);
        return normalisation + largest + Math.log(sum);
    }

    @Override
    public boolean equals(Object other)
    {
        return other instanceof GaussianMixture that && std == that.std && Arrays.deepEquals(means, that.means);
    }

    @Override
    public int hashCode()
    {
        return 31 * Arrays.deepHashCode(means) + Double.hashCode(std);
    }

    @Override
    public String toString()
    {
        return "GaussianMixture{components=" + means.length + ", dimension=" + dimension() + ", std=" + std + "}";
    }
}
