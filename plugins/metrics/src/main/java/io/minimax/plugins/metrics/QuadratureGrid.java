package io.minimax.plugins.metrics;

import static java.util.Objects.requireNonNull;

/**
 * A regular grid over a box in one or two dimensions, for integrals by the rectangle rule (for densities that vanish
 * at the box's edges it equals the trapezoid rule, and both converge fast on smooth, rapidly decaying integrands).
 * Points are ordered with the last axis fastest.
 */
final class QuadratureGrid
{
    /**
     * Points per axis: 2048 on the line, 512 × 512 in the plane. On the line a cell is then under 0.1% of the
     * samples' extent (0.005σ for normal data), below the narrowest kernel the bandwidth floor allows (0.01σ).
     * Far outliers among the generated samples widen the box and coarsen the grid; theory/identity_gap shows it.
     */
    static final int POINTS_1D = 2048;
    static final int POINTS_PER_AXIS_2D = 512;

    private final double[][] axes;

    QuadratureGrid(double[][] axes)
    {
        requireNonNull(axes, "axes is null");
        if (axes.length < 1 || axes.length > 2) {
            throw new IllegalArgumentException("quadrature grids have one or two axes (got " + axes.length + ")");
        }
        for (double[] axis : axes) {
            if (axis.length < 2) {
                throw new IllegalArgumentException("every axis needs at least two points");
            }
        }
        this.axes = axes.clone();
    }

    /**
     * A box holding both sample sets, widened on each side by six bandwidths of the density estimate and by a quarter
     * of the samples' extent, so the tails of p_data beyond its most extreme sample are inside too.
     */
    static QuadratureGrid covering(double[][] real, double[][] generated, double[] bandwidths)
    {
        int dimension = bandwidths.length;
        int points = dimension == 1 ? POINTS_1D : POINTS_PER_AXIS_2D;
        double[][] axes = new double[dimension][];
        for (int axis = 0; axis < dimension; axis++) {
            double low = Double.POSITIVE_INFINITY;
            double high = Double.NEGATIVE_INFINITY;
            for (double[][] samples : new double[][][] {real, generated}) {
                for (double[] sample : samples) {
                    low = Math.min(low, sample[axis]);
                    high = Math.max(high, sample[axis]);
                }
            }
            double margin = Math.max(6 * bandwidths[axis], 0.25 * (high - low));
            axes[axis] = evenlySpaced(low - margin, high + margin, points);
        }
        return new QuadratureGrid(axes);
    }

    static double[] evenlySpaced(double low, double high, int points)
    {
        double[] axis = new double[points];
        double spacing = (high - low) / (points - 1);
        for (int i = 0; i < points; i++) {
            axis[i] = low + i * spacing;
        }
        return axis;
    }

    int dimension()
    {
        return axes.length;
    }

    double[] axis(int index)
    {
        return axes[index];
    }

    int size()
    {
        return dimension() == 1 ? axes[0].length : axes[0].length * axes[1].length;
    }

    /** The volume each point stands for: the product of the axes' spacings. */
    double cellVolume()
    {
        double volume = 1;
        for (double[] axis : axes) {
            volume *= axis[1] - axis[0];
        }
        return volume;
    }

    /** Every point as {@code [size][dimension]}, the last axis fastest. */
    double[][] points()
    {
        double[][] points = new double[size()][];
        if (dimension() == 1) {
            for (int i = 0; i < axes[0].length; i++) {
                points[i] = new double[] {axes[0][i]};
            }
            return points;
        }
        int index = 0;
        for (double x : axes[0]) {
            for (double y : axes[1]) {
                points[index++] = new double[] {x, y};
            }
        }
        return points;
    }
}
