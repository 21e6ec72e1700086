package io.minimax.plugins.metrics;

import io.minimax.spi.data.ModeMixture;
import io.minimax.spi.metric.Metric;
import io.minimax.spi.metric.MetricChart;
import io.minimax.spi.metric.MetricChart.Series;
import io.minimax.spi.metric.RunView;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** PacGAN's protocol on the evaluation's generated samples (see {@link ModeCoverage}); needs data with known modes. */
final class ModeCoverageMetric
        implements Metric
{
    static final String MODES_COVERED = "eval/modes_covered";
    static final String HIGH_QUALITY_FRACTION = "eval/high_quality_fraction";
    static final String REVERSE_KL = "eval/reverse_kl";

    private final double threshold;

    ModeCoverageMetric(double threshold)
    {
        this.threshold = threshold;
    }

    @Override
    public Map<String, Double> evaluate(RunView run)
    {
        ModeMixture modes = run.data().modes().orElseThrow(() -> new IllegalStateException(
                "mode-coverage needs data made of known modes (gaussian-1d, ring, grid), not " + run.data().getClass().getSimpleName()));
        ModeCoverage coverage = ModeCoverage.of(SampleRows.of(run.generatedSamples()), modes, threshold);
        Map<String, Double> values = new LinkedHashMap<>();
        values.put(MODES_COVERED, (double) coverage.modesCovered());
        values.put(HIGH_QUALITY_FRACTION, coverage.highQualityFraction());
        values.put(REVERSE_KL, coverage.reverseKl());
        return values;
    }

    @Override
    public List<MetricChart> charts()
    {
        return List.of(
                new MetricChart("mode-coverage.png", "Modes covered (at least one sample within " + threshold + " sigma of the mean)",
                        "step", false, false,
                        List.of(Series.line(MODES_COVERED))),
                new MetricChart("mode-quality.png", "High-quality fraction and reverse KL of the histogram over modes", "step", false,
                        false,
                        List.of(Series.line(HIGH_QUALITY_FRACTION), Series.line(REVERSE_KL))));
    }
}
