package io.minimax.core.plot;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.awt.Color;
import java.nio.file.Path;

import static java.util.Objects.requireNonNull;

/**
 * Generated against real samples as a PNG: for 2-D data a scatter with equal ranges on both axes (so a ring looks
 * like a ring), for 1-D data the two histograms as densities over shared bins. Rows holding NaN or an infinity are
 * left out and counted in the title.
 */
public final class SamplePlot
{
    public static final int WIDTH = 600;
    public static final int HEIGHT = 600;

    private static final Color REAL = new Color(31, 119, 180, 110);
    private static final Color GENERATED = new Color(230, 85, 13, 140);
    private static final double MARGIN = 0.05;

    private SamplePlot() {}

    /** {@code samples-step-000500.png}: sorts by step in a file listing. */
    public static String fileName(long step)
    {
        return String.format("samples-step-%06d.png", step);
    }

    /** Titled with the step only; see {@link #write(INDArray, INDArray, long, String, Path)}. */
    public static Path write(INDArray generated, INDArray real, long step, Path file)
    {
        return write(generated, real, step, "", file);
    }

    /**
     * Writes a {@value #WIDTH} x {@value #HEIGHT} PNG, replacing {@code file} whole.
     *
     * @param generated samples of the generator, {@code [n, 1]}, {@code [n, 2]} or {@code [n]}; not modified
     * @param real samples of the data distribution, of the same dimension; not modified
     * @param title shown before the step, e.g. the run name; may be empty
     * @return {@code file}
     */
    public static Path write(INDArray generated, INDArray real, long step, String title, Path file)
    {
        requireNonNull(title, "title is null");
        requireNonNull(file, "file is null");
        Headless.ensure();
        SampleColumns generatedColumns = SampleColumns.of(generated, "generated");
        SampleColumns realColumns = SampleColumns.of(real, "real");
        if (realColumns.dimension() != generatedColumns.dimension()) {
            throw new IllegalArgumentException("generated samples are " + generatedColumns.dimension() + "-D but real samples are "
                    + realColumns.dimension() + "-D");
        }
        XYChart chart = new XYChart(WIDTH, HEIGHT);
        chart.setTitle(title(title, step, realColumns.dropped() + generatedColumns.dropped()));
        chart.getStyler().setLegendPosition(LegendPosition.OutsideS);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotBackgroundColor(Color.WHITE);
        if (realColumns.dimension() == 1) {
            histograms(chart, realColumns, generatedColumns);
        }
        else {
            scatter(chart, realColumns, generatedColumns);
        }
        OutputFiles.writePng(chart, file);
        return file;
    }

    private static void scatter(XYChart chart, SampleColumns real, SampleColumns generated)
    {
        Range x = Range.covering(real, generated, 0);
        Range y = Range.covering(real, generated, 1);
        // one half-width for both axes keeps distances comparable in every direction
        double halfWidth = Math.max(x.width(), y.width()) / 2 * (1 + MARGIN);
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
        chart.getStyler().setMarkerSize(3);
        chart.getStyler().setXAxisMin(x.center() - halfWidth).setXAxisMax(x.center() + halfWidth);
        chart.getStyler().setYAxisMin(y.center() - halfWidth).setYAxisMax(y.center() + halfWidth);
        // a collapsed generator can put every point on a few equally spaced x values
        RoundTicks.request(chart, x.center() - halfWidth, x.center() + halfWidth);
        addPoints(chart, "real", real, REAL);
        addPoints(chart, "generated", generated, GENERATED);
    }

    private static void addPoints(XYChart chart, String label, SampleColumns samples, Color color)
    {
        if (samples.size() == 0) {
            return;
        }
        XYSeries series = chart.addSeries(label + " (" + samples.size() + ")", samples.columns()[0], samples.columns()[1]);
        series.setMarker(SeriesMarkers.CIRCLE);
        series.setMarkerColor(color);
    }

    private static void histograms(XYChart chart, SampleColumns real, SampleColumns generated)
    {
        Range range = Range.covering(real, generated, 0);
        double low = range.center() - range.width() / 2 * (1 + MARGIN);
        double high = range.center() + range.width() / 2 * (1 + MARGIN);
        int bins = (int) Math.max(10, Math.min(100, Math.round(Math.sqrt(Math.max(real.size(), generated.size())))));
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeriesRenderStyle.Area);
        chart.getStyler().setMarkerSize(0);
        chart.setYAxisTitle("density");
        chart.getStyler().setYAxisDecimalPattern("0.###");
        RoundTicks.request(chart, low, high);
        addHistogram(chart, "real", real, low, high, bins, REAL);
        addHistogram(chart, "generated", generated, low, high, bins, GENERATED);
    }

    private static void addHistogram(XYChart chart, String label, SampleColumns samples, double low, double high, int bins, Color color)
    {
        if (samples.size() == 0) {
            return;
        }
        Histogram histogram = Histogram.density(samples.columns()[0], low, high, bins);
        XYSeries series = chart.addSeries(label + " (" + samples.size() + ")", histogram.outlineX(), histogram.outlineY());
        series.setMarker(SeriesMarkers.NONE);
        series.setFillColor(color);
        series.setLineColor(color.darker());
        series.setLineWidth(1);
    }

    private static String title(String title, long step, int dropped)
    {
        String text = (title.isBlank() ? "" : title + " · ") + "step " + step;
        return dropped == 0 ? text : text + " (" + dropped + " non-finite samples left out)";
    }

    /** A closed interval of one coordinate over both sample sets, never empty: a single point gets width 1. */
    private record Range(double center, double width)
    {
        static Range covering(SampleColumns real, SampleColumns generated, int column)
        {
            // skip an empty set: its minimum is NaN, which Math.min would spread
            double low = Double.POSITIVE_INFINITY;
            double high = Double.NEGATIVE_INFINITY;
            for (SampleColumns samples : new SampleColumns[] {real, generated}) {
                if (samples.size() > 0) {
                    low = Math.min(low, samples.minimum(column));
                    high = Math.max(high, samples.maximum(column));
                }
            }
            if (low > high) {
                return new Range(0, 2);
            }
            return new Range((low + high) / 2, high > low ? high - low : 1);
        }
    }
}
