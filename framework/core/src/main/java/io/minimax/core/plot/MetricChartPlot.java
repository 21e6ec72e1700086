package io.minimax.core.plot;

import io.minimax.spi.metric.MetricChart;
import io.minimax.spi.metric.MetricChart.Series;
import io.minimax.spi.tracking.MetricPoint;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.Color;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * Draws a chart a metric declared ({@link MetricChart}) from a run's history: each series against its steps, with
 * error bars from a second key where asked, reference series dashed. Points a log axis cannot show (≤ 0) and
 * non-finite values are left out; a series with no point left is not drawn.
 */
public final class MetricChartPlot
{
    // markers make a short series (one value per minibatch size) readable; on a training curve they would be a smear
    private static final int MARKER_LIMIT = 60;

    private MetricChartPlot() {}

    /**
     * Writes a {@value MetricPlot#WIDTH} x {@value MetricPlot#HEIGHT} PNG, replacing {@code file} whole.
     *
     * @param history key → the points logged under it, for every key the chart names (missing keys draw nothing)
     * @return {@code file}
     */
    public static Path write(MetricChart chart, Map<String, List<MetricPoint>> history, Path file)
    {
        requireNonNull(chart, "chart is null");
        requireNonNull(history, "history is null");
        requireNonNull(file, "file is null");
        Headless.ensure();
        XYChart xyChart = new XYChart(MetricPlot.WIDTH, MetricPlot.HEIGHT);
        xyChart.setTitle(chart.title());
        xyChart.setXAxisTitle(chart.xAxisTitle());
        xyChart.getStyler().setDefaultSeriesRenderStyle(XYSeriesRenderStyle.Line);
        xyChart.getStyler().setLegendPosition(LegendPosition.OutsideS);
        xyChart.getStyler().setChartBackgroundColor(Color.WHITE);
        xyChart.getStyler().setPlotBackgroundColor(Color.WHITE);
        xyChart.getStyler().setXAxisLogarithmic(chart.logarithmicX());
        xyChart.getStyler().setYAxisLogarithmic(chart.logarithmicY());
        xyChart.getStyler().setErrorBarsColorSeriesColor(true);
        Map<Series, List<MetricPoint>> drawn = new LinkedHashMap<>();
        for (Series series : chart.series()) {
            List<MetricPoint> points = drawable(chart, history.getOrDefault(series.key(), List.of()));
            if (!points.isEmpty()) {
                drawn.put(series, points);
            }
        }
        if (!chart.logarithmicX() && !drawn.isEmpty()) {
            long first = drawn.values().stream().mapToLong(points -> points.get(0).step()).min().orElseThrow();
            long last = drawn.values().stream().mapToLong(points -> points.get(points.size() - 1).step()).max().orElseThrow();
            RoundTicks.request(xyChart, first, last);
        }
        int colour = 0;
        for (Map.Entry<Series, List<MetricPoint>> entry : drawn.entrySet()) {
            Series series = entry.getKey();
            List<MetricPoint> points = entry.getValue();
            double[] steps = points.stream().mapToDouble(MetricPoint::step).toArray();
            double[] values = points.stream().mapToDouble(MetricPoint::value).toArray();
            XYSeries line;
            if (series.errorKey().isPresent()) {
                String errorKey = series.errorKey().get();
                line = xyChart.addSeries(series.key() + " ± " + errorKey, steps, values,
                        errors(points, history.getOrDefault(errorKey, List.of())));
            }
            else {
                line = xyChart.addSeries(series.key(), steps, values);
            }
            line.setMarker(points.size() <= MARKER_LIMIT && !series.reference() ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
            if (series.reference()) {
                line.setLineStyle(SeriesLines.DASH_DASH);
                line.setLineColor(Color.DARK_GRAY);
            }
            else {
                Color color = MetricPlot.PALETTE[colour++ % MetricPlot.PALETTE.length];
                line.setLineColor(color);
                line.setMarkerColor(color);
                line.setLineWidth(1.5f);
            }
        }
        OutputFiles.writePng(xyChart, file);
        return file;
    }

    private static List<MetricPoint> drawable(MetricChart chart, List<MetricPoint> points)
    {
        return points.stream()
                .filter(point -> Double.isFinite(point.value()))
                .filter(point -> !chart.logarithmicX() || point.step() > 0)
                .filter(point -> !chart.logarithmicY() || point.value() > 0)
                .sorted(Comparator.comparingLong(MetricPoint::step))
                .toList();
    }

    /** The error key's value at each point's step (its last one there), 0 where it has none. */
    private static double[] errors(List<MetricPoint> points, List<MetricPoint> errorPoints)
    {
        Map<Long, Double> byStep = new HashMap<>();
        for (MetricPoint point : errorPoints) {
            if (Double.isFinite(point.value())) {
                byStep.put(point.step(), Math.abs(point.value()));
            }
        }
        return points.stream().mapToDouble(point -> byStep.getOrDefault(point.step(), 0.0)).toArray();
    }
}
