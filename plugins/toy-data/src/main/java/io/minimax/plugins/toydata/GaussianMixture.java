package io.minimax.plugins.toydata;

import io.minimax.spi.data.ModeMixture;

import static java.util.Objects.requireNonNull;

/**
 * An equally weighted mixture of isotropic Gaussians N(μ_k, σ²I) that share one σ: the geometry of the toy
 * distributions, kept so that instruments can ask where the modes are (mode coverage counts a generated sample as
 * high quality when it lies within 3σ of its nearest mean). Immutable; arrays are copied in and out.
 */
public final class GaussianMixture
{
    private final ModeMixture modes;
    // the same means, read without copying by the sampling loop and the log-density
    private final double[][] means;

    public GaussianMixture(double[][] means, double std)
    {
        requireNonNull(means, "means is null");
        if (means.length == 0) {
            throw new IllegalArgumentException("a mixture needs at least one component");
        }
        this.modes = new ModeMixture(means, std);
        this.means = modes.means();
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
        return modes.modeCount();
    }

    public int dimension()
    {
        return modes.dimension();
    }

    /** A copy of every component's mean, {@code [componentCount][dimension]}. */
    public double[][] means()
    {
        return modes.means();
    }

    /** Reads one coordinate without copying; for the hot sampling loop. */
    double coordinate(int component, int axis)
    {
        return means[component][axis];
    }

    /** The standard deviation of every component along every axis. */
    public double std()
    {
        return modes.std();
    }

    /** The same geometry as the SPI's mode capability, for instruments that must not depend on this plugin. */
    public ModeMixture modes()
    {
        return modes;
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
        double std = modes.std();
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
        return other instanceof GaussianMixture that && modes.equals(that.modes);
    }

    @Override
    public int hashCode()
    {
        return modes.hashCode();
    }

    @Override
    public String toString()
    {
        return "GaussianMixture{components=" + means.length + ", dimension=" + dimension() + ", std=" + modes.std() + "}";
    }
}
