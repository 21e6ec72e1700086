package io.minimax.plugins.imagemetrics;

import io.minimax.spi.metric.Metric;
import io.minimax.spi.metric.MetricChart;
import io.minimax.spi.metric.MetricChart.Series;
import io.minimax.spi.metric.RunView;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import static java.util.Objects.requireNonNull;

/**
 * The kernel distance between the real set's features and the evaluation's generated samples', with its standard
 * deviation over subsets. Each evaluation draws its subsets from a stream seeded from the metric's own random
 * stream, so a run's values repeat with its seed.
 */
final class KernelDistanceMetric
        implements Metric
{
    static final String DISTANCE = "eval/kernel_distance";
    static final String STANDARD_DEVIATION = "eval/kernel_distance_std";

    private final RealFeatures features;
    private final int subsetSize;
    private final int subsets;
    private final RandomGenerator random;

    KernelDistanceMetric(RealFeatures features, int subsetSize, int subsets, RandomGenerator random)
    {
        this.features = requireNonNull(features, "features is null");
        this.subsetSize = subsetSize;
        this.subsets = subsets;
        this.random = requireNonNull(random, "random is null");
    }

    @Override
    public Map<String, Double> evaluate(RunView run)
    {
        double[][] real = features.real(run).vectors();
        double[][] generated = features.generated(run).vectors();
        KernelDistance distance = KernelDistance.between(real, generated, subsetSize, subsets, new SplittableRandom(random.nextLong()));
        return MetricValues.inOrder(DISTANCE, distance.mean(), STANDARD_DEVIATION, distance.standardDeviation());
    }

    @Override
    public List<MetricChart> charts()
    {
        return List.of(new MetricChart("kernel-distance.png", "Kernel distance (unbiased MMD^2, cubic kernel), +- std over subsets", "step",
                false, false, List.of(Series.withErrorBars(DISTANCE, STANDARD_DEVIATION))));
    }
}
