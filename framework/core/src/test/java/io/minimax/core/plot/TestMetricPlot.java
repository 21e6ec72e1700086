package io.minimax.core.plot;

import io.minimax.core.plot.MetricPlot.ReferenceLine;
import io.minimax.spi.tracking.MetricPoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.minimax.core.plot.TestSamplePlot.countPixels;
import static io.minimax.core.plot.TestSamplePlot.readPng;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestMetricPlot
{
    @TempDir
    Path folder;

    @Test
    void linesOfSeveralMetricsWithAReferenceLine()
            throws IOException
    {
        Map<String, List<MetricPoint>> series = new LinkedHashMap<>();
        series.put("loss/discriminator", history("loss/discriminator", step -> 1.386 - 0.3 * Math.exp(-step / 400.0)));
        series.put("loss/generator", history("loss/generator", step -> 0.693 + 0.5 * Math.exp(-step / 300.0)));
        Path file = folder.resolve("losses.png");

        assertThat(MetricPlot.write(series, "ring-8 losses", Optional.of(new ReferenceLine("-log 4", -Math.log(4))), file)).isEqualTo(file);

        BufferedImage image = readPng(file);
        assertThat(image.getWidth()).isEqualTo(MetricPlot.WIDTH);
        assertThat(image.getHeight()).isEqualTo(MetricPlot.HEIGHT);
        assertThat(countPixels(image, (red, green, blue) -> red != green || green != blue)).as("coloured lines").isGreaterThan(500);
    }

    @Test
    void nonFiniteValuesAndEmptySeriesStillDraw()
            throws IOException
    {
        List<MetricPoint> diverging = new ArrayList<>(history("value/estimate", step -> -1.2));
        diverging.add(new MetricPoint("value/estimate", Double.NaN, 2010, 0));
        diverging.add(new MetricPoint("value/estimate", Double.NEGATIVE_INFINITY, 2020, 0));
        Path file = folder.resolve("value.png");

        MetricPlot.write(Map.of("value/estimate", diverging, "nothing", List.of()), "diverged", file);
        assertThat(readPng(file).getWidth()).isEqualTo(MetricPlot.WIDTH);

        MetricPlot.write(Map.of(), "no metrics", Optional.of(new ReferenceLine("-log 4", -Math.log(4))), file);
        assertThat(readPng(file).getWidth()).isEqualTo(MetricPlot.WIDTH);

        MetricPlot.write(Map.of("only NaN", List.of(new MetricPoint("only NaN", Double.NaN, 10, 0))), "nothing finite", file);
        assertThat(readPng(file).getWidth()).isEqualTo(MetricPlot.WIDTH);
    }

    @Test
    void referenceLineNeedsAFiniteValue()
    {
        assertThatThrownBy(() -> new ReferenceLine("bad", Double.NaN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("reference line 'bad' needs a finite value, not NaN");
    }

    private static List<MetricPoint> history(String key, java.util.function.LongToDoubleFunction value)
    {
        List<MetricPoint> points = new ArrayList<>();
        for (long step = 10; step <= 2000; step += 10) {
            points.add(new MetricPoint(key, value.applyAsDouble(step), step, step));
        }
        return points;
    }
}
