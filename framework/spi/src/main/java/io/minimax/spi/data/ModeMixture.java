package io.minimax.spi.data;

import java.util.Arrays;

import static java.util.Objects.requireNonNull;

/**
 * Where the modes of p_data are: an equally weighted mixture of K isotropic Gaussians N(μ_k, σ²I) that share one σ.
 * Mode-coverage instruments measure generated samples against it (PacGAN counts a sample as high quality when it
 * lies within 3σ of its nearest mean). Immutable; arrays are copied in and out.
 */
public final class ModeMixture
{
    private final double[][] means;
    private final double std;

    /**
     * @param means {@code [K][dimension]}, K ≥ 1, every mean with the same number of coordinates
     * @param std the standard deviation of every mode along every axis, > 0
     */
    public ModeMixture(double[][] means, double std)
    {
        requireNonNull(means, "means is null");
        if (means.length == 0) {
            throw new IllegalArgumentException("a mixture needs at least one mode");
        }
        int dimension = requireNonNull(means[0], "means[0] is null").length;
        if (dimension == 0) {
            throw new IllegalArgumentException("means need at least one coordinate");
        }
        this.means = new double[means.length][];
        for (int k = 0; k < means.length; k++) {
            requireNonNull(means[k], "means[" + k + "] is null");
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

    public int modeCount()
    {
        return means.length;
    }

    public int dimension()
    {
        return means[0].length;
    }

    /** A copy of mode {@code k}'s mean. */
    public double[] mean(int k)
    {
        return means[k].clone();
    }

    /** A copy of every mean, {@code [modeCount][dimension]}. */
    public double[][] means()
    {
        double[][] copy = new double[means.length][];
        for (int k = 0; k < means.length; k++) {
            copy[k] = means[k].clone();
        }
        return copy;
    }

    public double std()
    {
        return std;
    }

    @Override
    public boolean equals(Object other)
    {
        return other instanceof ModeMixture that && std == that.std && Arrays.deepEquals(means, that.means);
    }

    @Override
    public int hashCode()
    {
        return 31 * Arrays.deepHashCode(means) + Double.hashCode(std);
    }

    @Override
    public String toString()
    {
        return "ModeMixture{modes=" + means.length + ", dimension=" + dimension() + ", std=" + std + "}";
    }
}
