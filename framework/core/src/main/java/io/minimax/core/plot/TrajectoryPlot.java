package io.minimax.core.plot;

import io.minimax.spi.tracking.MetricPoint;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * One metric against another, step by step, as a path in the plane: a two-player game's trajectory in parameter space
 * (Dirac-GAN's (θ, ψ)). Both axes share one range centred on the origin, so a rotation about (0, 0) draws as a
 * circle and an outward spiral is told from one converging to the origin at a glance. Start and end are marked;
 * steps where either value is missing or not finite are left out.
 */
public final class TrajectoryPlot
{
    public static final int SIZE = 600;

    private static final Color PATH = new Color(0x1f77b4);
    private static final Color START = new Color(0x2ca02c);
    private static final Color END = new Color(0xd62728);
    private static final double MARGIN = 0.08;

    private TrajectoryPlot() {}

    /**
     * Writes a {@value #SIZE} x {@value #SIZE} PNG, replacing {@code file} whole.
     *
     * @param horizontal the metric on the x axis, e.g. {@code dirac/theta}; paired with {@code vertical} by step
     * @return {@code file}
     */
    public static Path write(String horizontalKey, List<MetricPoint> horizontal, String verticalKey, List<MetricPoint> vertical,
            String title, Path file)
    {
        requireNonNull(horizontalKey, "horizontalKey is null");
        requireNonNull(verticalKey, "verticalKey is null");
        requireNonNull(title, "title is null");
        requireNonNull(file, "file is null");
        Headless.ensure();
        double[][] path = pairByStep(horizontal, vertical);
        double[] xs = path[0];
        double[] ys = path[1];

        XYChart chart = new XYChart(SIZE, SIZE);
        chart.setTitle(title);
        chart.setXAxisTitle(horizontalKey);
        chart.setYAxisTitle(verticalKey);
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeriesRenderStyle.Line);
        chart.getStyler().setLegendPosition(LegendPosition.OutsideS);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotBackgroundColor(Color.WHITE);
        double halfWidth = 0;
        for (int i = 0; i < xs.length; i++) {
            halfWidth = Math.max(halfWidth, Math.max(Math.abs(xs[i]), Math.abs(ys[i])));
        }
        halfWidth = halfWidth == 0 ? 1 : halfWidth * (1 + MARGIN);
        chart.getStyler().setXAxisMin(-halfWidth).setXAxisMax(halfWidth);
        chart.getStyler().setYAxisMin(-halfWidth).setYAxisMax(halfWidth);
        RoundTicks.request(chart, -halfWidth, halfWidth);
        if (xs.length > 0) {
            XYSeries line = chart.addSeries("trajectory (" + xs.length + " points)", xs, ys);
            line.setMarker(SeriesMarkers.NONE);
            line.setLineColor(PATH);
            line.setLineWidth(1.2f);
            marker(chart, "start", xs[0], ys[0], START);
            marker(chart, "end", xs[xs.length - 1], ys[ys.length - 1], END);
        }
        OutputFiles.writePng(chart, file);
        return file;
    }

    private static void marker(XYChart chart, String label, double x, double y, Color color)
    {
        XYSeries point = chart.addSeries(String.format("%s (%.3g, %.3g)", label, x, y), new double[] {x}, new double[] {y});
        point.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
        point.setMarker(SeriesMarkers.CIRCLE);
        point.setMarkerColor(color);
    }

    /** The finite (x, y) pairs of the steps both series logged, in step order. */
    private static double[][] pairByStep(List<MetricPoint> horizontal, List<MetricPoint> vertical)
    {
        Map<Long, Double> byStep = new TreeMap<>();
        for (MetricPoint point : horizontal) {
            byStep.put(point.step(), point.value());
        }
        Map<Long, Double> other = new TreeMap<>();
        for (MetricPoint point : vertical) {
            other.put(point.step(), point.value());
        }
        List<double[]> pairs = new ArrayList<>();
        byStep.forEach((step, x) -> {
            Double y = other.get(step);
            if (y != null && Double.isFinite(x) && Double.isFinite(y)) {
                pairs.add(new double[] {x, y});
            }
        });
        double[][] path = new double[2][pairs.size()];
        for (int i = 0; i < pairs.size(); i++) {
            path[0][i] = pairs.get(i)[0];
            path[1][i] = pairs.get(i)[1];
        }
        return path;
    }
}
