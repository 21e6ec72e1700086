package io.minimax.core.plot;

/**
 * Counts over equal bins, scaled to a density (area 1), so that sets of different sizes compare. Values outside
 * {@code [low, high]} are not counted.
 */
final class Histogram
{
    private final double low;
    private final double binWidth;
    private final double[] densities;

    private Histogram(double low, double binWidth, double[] densities)
    {
        this.low = low;
        this.binWidth = binWidth;
        this.densities = densities;
    }

    static Histogram density(double[] values, double low, double high, int bins)
    {
        if (!(high > low) || bins < 1) {
            throw new IllegalArgumentException("histogram needs low < high and at least one bin, not [" + low + ", " + high + "] with "
                    + bins);
        }
        double binWidth = (high - low) / bins;
        double[] densities = new double[bins];
        for (double value : values) {
            if (value >= low && value <= high) {
                densities[Math.min(bins - 1, (int) ((value - low) / binWidth))]++;
            }
        }
        for (int bin = 0; bin < bins; bin++) {
            densities[bin] /= values.length * binWidth;
        }
        return new Histogram(low, binWidth, densities);
    }

    double density(int bin)
    {
        return densities[bin];
    }

    /** The x coordinates of the outline: up at the first edge, across each bar, down at the last edge. */
    double[] outlineX()
    {
        double[] x = new double[2 * densities.length + 2];
        for (int bin = 0; bin <= densities.length; bin++) {
            double edge = low + bin * binWidth;
            x[2 * bin] = edge;
            x[2 * bin + 1] = edge;
        }
        return x;
    }

    double[] outlineY()
    {
        double[] y = new double[2 * densities.length + 2];
        for (int bin = 0; bin < densities.length; bin++) {
            y[2 * bin + 1] = densities[bin];
            y[2 * bin + 2] = densities[bin];
        }
        return y;
    }
}
