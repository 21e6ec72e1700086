package io.minimax.plugins.imagemetrics;

import io.minimax.spi.metric.Metric;
import io.minimax.spi.metric.MetricChart;
import io.minimax.spi.metric.MetricChart.Series;
import io.minimax.spi.metric.RunView;

import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * Class coverage of the evaluation's generated samples. The reference class distribution is the extractor's own
 * predictions on the real set (counted at the first evaluation): the classifier's mistakes on real data then shift
 * both histograms alike, and a subset of the classes in the data is the reference as it is.
 */
final class ClassCoverageMetric
        implements Metric
{
    static final String CLASSES_COVERED = "eval/classes_covered";
    static final String KL_DIVERGENCE = "eval/class_kl";

    private final RealFeatures features;
    private final double minimumFraction;
    private long[] referenceCounts;

    ClassCoverageMetric(RealFeatures features, double minimumFraction)
    {
        this.features = requireNonNull(features, "features is null");
        this.minimumFraction = minimumFraction;
    }

    @Override
    public Map<String, Double> evaluate(RunView run)
    {
        if (referenceCounts == null) {
            double[][] real = classProbabilities(features.real(run));
            referenceCounts = ClassCoverage.countPredictions(real, real[0].length);
        }
        ClassCoverage coverage = ClassCoverage.of(classProbabilities(features.generated(run)), referenceCounts, minimumFraction);
        return MetricValues.inOrder(CLASSES_COVERED, (double) coverage.classesCovered(), KL_DIVERGENCE, coverage.klDivergence());
    }

    private static double[][] classProbabilities(RealFeatures.Features features)
    {
        return features.classProbabilities().orElseThrow(() -> new IllegalStateException(
                "class-coverage needs class probabilities, and these features have none (features: samples has classes only for data "
                        + "with known modes: ring, grid, gaussian-1d)"));
    }

    @Override
    public List<MetricChart> charts()
    {
        return List.of(new MetricChart("class-coverage.png", "Classes covered and KL(generated classes || real classes)", "step", false,
                false, List.of(Series.line(CLASSES_COVERED), Series.line(KL_DIVERGENCE))));
    }
}
