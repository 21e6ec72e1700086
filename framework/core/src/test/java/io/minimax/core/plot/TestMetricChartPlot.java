package io.minimax.core.plot;

import io.minimax.spi.metric.MetricChart;
import io.minimax.spi.metric.MetricChart.Series;
import io.minimax.spi.tracking.MetricPoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.minimax.core.plot.TestSamplePlot.countPixels;
import static io.minimax.core.plot.TestSamplePlot.readPng;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestMetricChartPlot
{
    @TempDir
    Path folder;

    @Test
    void errorBarsAndAReferenceOnALogarithmicStepAxis()
            throws IOException
    {
        List<MetricPoint> means = new ArrayList<>();
        List<MetricPoint> deviations = new ArrayList<>();
        List<MetricPoint> expectation = new ArrayList<>();
        for (long m = 1; m <= 4096; m *= 2) {
            means.add(new MetricPoint("estimator/mean", -0.77 + 0.01 / Math.sqrt(m), m, 0));
            deviations.add(new MetricPoint("estimator/std", 0.78 / Math.sqrt(m), m, 0));
            expectation.add(new MetricPoint("estimator/expectation", -0.77, m, 0));
        }
        MetricChart chart = new MetricChart("value-estimator.png", "V-hat against m", "minibatch size m", true, false,
                List.of(Series.withErrorBars("estimator/mean", "estimator/std"), Series.reference("estimator/expectation")));
        Path file = folder.resolve(chart.fileName());

        assertThat(MetricChartPlot.write(chart,
                Map.of("estimator/mean", means, "estimator/std", deviations, "estimator/expectation", expectation), file))
                .isEqualTo(file);

        BufferedImage image = readPng(file);
        assertThat(image.getWidth()).isEqualTo(MetricPlot.WIDTH);
        assertThat(countPixels(image, (red, green, blue) -> red != green || green != blue)).as("coloured marks").isGreaterThan(200);
    }

    @Test
    void aLogarithmicValueAxisLeavesOutWhatItCannotShow()
            throws IOException
    {
        List<MetricPoint> norms = new ArrayList<>();
        for (long step = 1; step <= 500; step++) {
            norms.add(new MetricPoint("grad_norm/generator", step == 7 ? 0 : Math.exp(-step / 50.0), step, 0));
        }
        norms.add(new MetricPoint("grad_norm/generator", Double.NaN, 501, 0));
        MetricChart chart = new MetricChart("gradient-norms.png", "Gradient norms", "step", false, true,
                List.of(Series.line("grad_norm/generator"), Series.line("grad_norm/discriminator")));
        Path file = folder.resolve(chart.fileName());

        MetricChartPlot.write(chart, Map.of("grad_norm/generator", norms), file);

        assertThat(readPng(file).getHeight()).isEqualTo(MetricPlot.HEIGHT);
    }

    @Test
    void chartsNeedAPngNameAndASeries()
    {
        assertThatThrownBy(() -> new MetricChart("../escape.png", "t", "step", false, false, List.of(Series.line("a"))))
                .hasMessageContaining("chart file name must be a lower-case name ending in .png");
        assertThatThrownBy(() -> new MetricChart("empty.png", "t", "step", false, false, List.of()))
                .hasMessageContaining("needs at least one series");
    }
}
