package io.minimax.plugins.metrics;

/** Mean and variance of a stream of values by Welford's update: stable for millions of values of similar size. */
final class RunningMoments
{
    private long count;
    private double mean;
    private double squaredDeviations;

    void add(double value)
    {
        count++;
        double delta = value - mean;
        mean += delta / count;
        squaredDeviations += delta * (value - mean);
    }

    long count()
    {
        return count;
    }

    double mean()
    {
        return mean;
    }

    /** The sample variance (divisor n − 1); 0 for fewer than two values. */
    double variance()
    {
        return count > 1 ? squaredDeviations / (count - 1) : 0;
    }
}
