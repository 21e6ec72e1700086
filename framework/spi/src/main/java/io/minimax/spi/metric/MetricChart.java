package io.minimax.spi.metric;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A chart a metric asks the framework to draw at the end of a run, from the values the run logged (its own keys, and
 * the engine's such as {@code value/estimate}). Written as {@code artifacts/<fileName>}.
 *
 * @param fileName a PNG file name, e.g. {@code value-estimator.png}
 * @param xAxisTitle what the steps of the drawn keys count, e.g. {@code step} or {@code minibatch size m}
 * @param logarithmicX a log-scaled step axis (steps must then be > 0)
 * @param logarithmicY a log-scaled value axis (values ≤ 0 are left out)
 * @param horizontalKey when present, a trajectory: each series' values against this key's values at the same steps
 *     (Dirac-GAN's ψ against θ), not against the steps
 */
public record MetricChart(String fileName, String title, String xAxisTitle, boolean logarithmicX, boolean logarithmicY, List<Series> series,
        Optional<String> horizontalKey)
{
    public MetricChart(String fileName, String title, String xAxisTitle, boolean logarithmicX, boolean logarithmicY, List<Series> series)
    {
        this(fileName, title, xAxisTitle, logarithmicX, logarithmicY, series, Optional.empty());
    }

    /** {@code verticalKey}'s values against {@code horizontalKey}'s, step by step, as one path through the plane. */
    public static MetricChart trajectory(String fileName, String title, String horizontalKey, String verticalKey)
    {
        return new MetricChart(fileName, title, horizontalKey, false, false, List.of(Series.line(verticalKey)), Optional.of(horizontalKey));
    }

    public MetricChart
    {
        requireNonNull(fileName, "fileName is null");
        requireNonNull(title, "title is null");
        requireNonNull(xAxisTitle, "xAxisTitle is null");
        series = List.copyOf(requireNonNull(series, "series is null"));
        requireNonNull(horizontalKey, "horizontalKey is null");
        if (!fileName.matches("[a-z0-9][a-z0-9._-]*\\.png")) {
            throw new IllegalArgumentException("chart file name must be a lower-case name ending in .png (got '" + fileName + "')");
        }
        if (series.isEmpty()) {
            throw new IllegalArgumentException("chart " + fileName + " needs at least one series");
        }
    }

    /**
     * One line of the chart: the values logged under {@code key} against their steps.
     *
     * @param errorKey error bars of ± this key's value at the same step (e.g. a standard deviation)
     * @param reference drawn dashed, for a value the others are compared with
     */
    public record Series(String key, Optional<String> errorKey, boolean reference)
    {
        public Series
        {
            requireNonNull(key, "key is null");
            requireNonNull(errorKey, "errorKey is null");
        }

        public static Series line(String key)
        {
            return new Series(key, Optional.empty(), false);
        }

        public static Series withErrorBars(String key, String errorKey)
        {
            return new Series(key, Optional.of(errorKey), false);
        }

        public static Series reference(String key)
        {
            return new Series(key, Optional.empty(), true);
        }
    }
}
