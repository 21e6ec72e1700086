package io.minimax.plugins.imagemetrics;

import io.minimax.spi.metric.Metric;
import io.minimax.spi.metric.MetricArtifact;
import io.minimax.spi.metric.MetricChart;
import io.minimax.spi.metric.MetricChart.Series;
import io.minimax.spi.metric.RunView;

import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * The Fréchet distance between the real set's features (statistics computed at the first evaluation and kept) and
 * the evaluation's generated samples'. At the final evaluation the four inputs are saved as {@code .npy} files, so
 * the number can be recomputed with numpy or scipy.
 */
final class FrechetDistanceMetric
        implements Metric
{
    static final String DISTANCE = "eval/frechet_distance";
    static final String CLAMPED_EIGENVALUES = "eval/frechet_distance_clamped_eigenvalues";
    static final List<String> FILES = List.of(
            "frechet-distance-real-mean.npy", "frechet-distance-real-covariance.npy",
            "frechet-distance-generated-mean.npy", "frechet-distance-generated-covariance.npy");

    private final RealFeatures features;
    private FeatureStatistics real;
    private FeatureStatistics generated;

    FrechetDistanceMetric(RealFeatures features)
    {
        this.features = requireNonNull(features, "features is null");
    }

    @Override
    public Map<String, Double> evaluate(RunView run)
    {
        if (real == null) {
            real = FeatureStatistics.of(features.real(run).vectors());
        }
        generated = FeatureStatistics.of(features.generated(run).vectors());
        FrechetDistance distance = FrechetDistance.between(real, generated);
        return MetricValues.inOrder(DISTANCE, distance.value(), CLAMPED_EIGENVALUES, (double) distance.clampedEigenvalues());
    }

    @Override
    public List<MetricArtifact> artifacts(RunView run)
    {
        if (!run.isFinal() || generated == null) {
            return List.of();
        }
        return List.of(
                new MetricArtifact(FILES.get(0), NpyFile.of(real.mean())),
                new MetricArtifact(FILES.get(1), NpyFile.of(real.covariance())),
                new MetricArtifact(FILES.get(2), NpyFile.of(generated.mean())),
                new MetricArtifact(FILES.get(3), NpyFile.of(generated.covariance())));
    }

    @Override
    public List<MetricChart> charts()
    {
        return List.of(new MetricChart("frechet-distance.png", "Frechet distance between generated and real features", "step", false, false,
                List.of(Series.line(DISTANCE))));
    }
}
