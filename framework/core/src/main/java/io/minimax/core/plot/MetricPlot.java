package io.minimax.core.plot;

import io.minimax.spi.tracking.MetricPoint;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Metric histories against step as a PNG line chart: the losses of one run, or one metric across the runs of a sweep.
 * Non-finite values (a diverged run) are left out of a line and counted in its legend label.
 */
public final class MetricPlot
{
    /** A horizontal line with its legend label, e.g. {@code new ReferenceLine("-log 4", -Math.log(4))}. */
    public record ReferenceLine(String label, double value)
    {
        public ReferenceLine
        {
            requireNonNull(label, "label is null");
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("reference line '" + label + "' needs a finite value, not " + value);
            }
        }
    }

    public static final int WIDTH = 800;
    public static final int HEIGHT = 500;

    // matplotlib's "tab10", familiar from most GAN papers' plots
    static final Color[] PALETTE = {
            new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728), new Color(0x9467bd),
            new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f), new Color(0xbcbd22), new Color(0x17becf)};

    private MetricPlot() {}

    public static Path write(Map<String, List<MetricPoint>> series, String title, Path file)
    {
        return write(series, title, Optional.empty(), file);
    }

    /**
     * Writes a {@value #WIDTH} x {@value #HEIGHT} PNG, replacing {@code file} whole.
     *
     * @param series label → points, drawn in the map's iteration order (use a sorted or linked map)
     * @return {@code file}
     */
    public static Path write(Map<String, List<MetricPoint>> series, String title, Optional<ReferenceLine> reference, Path file)
    {
        requireNonNull(series, "series is null");
        requireNonNull(title, "title is null");
        requireNonNull(reference, "reference is null");
        requireNonNull(file, "file is null");
        Headless.ensure();
        XYChart chart = new XYChart(WIDTH, HEIGHT);
        chart.setTitle(title);
        chart.setXAxisTitle("step");
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeriesRenderStyle.Line);
        chart.getStyler().setLegendPosition(LegendPosition.OutsideS);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotBackgroundColor(Color.WHITE);
        List<Line> lines = finiteLines(series);
        // an empty frame still says "this run logged nothing plottable"
        double firstStep = lines.stream().mapToDouble(line -> line.steps()[0]).min().orElse(0);
        double lastStep = lines.stream().mapToDouble(line -> line.steps()[line.steps().length - 1]).max().orElse(1);
        RoundTicks.request(chart, firstStep, lastStep);
        for (int index = 0; index < lines.size(); index++) {
            XYSeries line = chart.addSeries(lines.get(index).label(), lines.get(index).steps(), lines.get(index).values());
            line.setMarker(SeriesMarkers.NONE);
            line.setLineColor(PALETTE[index % PALETTE.length]);
            line.setLineWidth(1.5f);
        }
        if (reference.isPresent()) {
            double level = reference.get().value();
            XYSeries line = chart.addSeries(reference.get().label(), new double[] {firstStep, lastStep}, new double[] {level, level});
            line.setMarker(SeriesMarkers.NONE);
            line.setLineStyle(SeriesLines.DASH_DASH);
            line.setLineColor(Color.DARK_GRAY);
        }
        OutputFiles.writePng(chart, file);
        return file;
    }

    /** Each series without its non-finite points, sorted by step; a series with no finite point is left out. */
    private static List<Line> finiteLines(Map<String, List<MetricPoint>> series)
    {
        List<Line> lines = new ArrayList<>();
        series.forEach((label, points) -> {
            List<MetricPoint> finite = points.stream()
                    .filter(point -> Double.isFinite(point.value()))
                    .sorted(Comparator.comparingLong(MetricPoint::step))
                    .toList();
            int dropped = points.size() - finite.size();
            if (!finite.isEmpty()) {
                lines.add(new Line(
                        dropped == 0 ? label : label + " (" + dropped + " non-finite left out)",
                        finite.stream().mapToDouble(MetricPoint::step).toArray(),
                        finite.stream().mapToDouble(MetricPoint::value).toArray()));
            }
        });
        return lines;
    }

    private record Line(String label, double[] steps, double[] values) {}
}
