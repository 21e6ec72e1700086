package io.minimax.plugins.metrics;

import io.minimax.spi.metric.Metric;
import io.minimax.spi.metric.MetricChart;
import io.minimax.spi.metric.MetricChart.Series;
import io.minimax.spi.metric.RunView;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * MMD² between the evaluation's generated and real samples (see {@link MaximumMeanDiscrepancy}), for vector data of
 * any shape (samples are flattened). The bandwidth is chosen afresh at each evaluation and logged with it.
 */
final class MmdMetric
        implements Metric
{
    static final String MMD_SQUARED = "eval/mmd2";
    static final String BANDWIDTH = "eval/mmd_bandwidth";

    @Override
    public Map<String, Double> evaluate(RunView run)
    {
        double[][] generated = SampleRows.of(run.generatedSamples());
        double[][] real = SampleRows.of(run.realSamples());
        double bandwidth = MaximumMeanDiscrepancy.medianBandwidth(generated, real);
        Map<String, Double> values = new LinkedHashMap<>();
        values.put(MMD_SQUARED, MaximumMeanDiscrepancy.squared(generated, real, bandwidth));
        values.put(BANDWIDTH, bandwidth);
        return values;
    }

    @Override
    public List<MetricChart> charts()
    {
        return List.of(new MetricChart("mmd.png", "MMD^2 between generated and real samples (RBF kernel, median heuristic)", "step", false,
                false,
                List.of(Series.line(MMD_SQUARED))));
    }
}
