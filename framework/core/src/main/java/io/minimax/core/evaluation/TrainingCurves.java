package io.minimax.core.evaluation;

import io.minimax.core.engine.MetricHistory;
import io.minimax.core.plot.MetricChartPlot;
import io.minimax.core.plot.MetricPlot;
import io.minimax.core.plot.MetricPlot.ReferenceLine;
import io.minimax.spi.metric.MetricChart;
import io.minimax.spi.metric.MetricChart.Series;
import io.minimax.spi.tracking.MetricPoint;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.minimax.core.engine.TrainingMetrics.DISCRIMINATOR_FAKE;
import static io.minimax.core.engine.TrainingMetrics.DISCRIMINATOR_GRADIENT_NORM;
import static io.minimax.core.engine.TrainingMetrics.DISCRIMINATOR_LOSS;
import static io.minimax.core.engine.TrainingMetrics.DISCRIMINATOR_REAL;
import static io.minimax.core.engine.TrainingMetrics.GENERATOR_GRADIENT_NORM;
import static io.minimax.core.engine.TrainingMetrics.GENERATOR_LOSS;
import static io.minimax.core.engine.TrainingMetrics.VALUE_ESTIMATE;

/**
 * The end-of-run plots: the two training losses; V̂ against its equilibrium value −log 4; D's mean outputs against
 * the equilibrium 1/2; the gradient norms on a log axis. Keys a run did not log (a critic has no V̂) are left out.
 */
final class TrainingCurves
{
    private TrainingCurves() {}

    static List<Path> write(MetricHistory history, Path artifacts)
    {
        List<Path> files = new ArrayList<>();
        plot(history, "Training losses", List.of(DISCRIMINATOR_LOSS, GENERATOR_LOSS), Optional.empty(), artifacts.resolve("losses.png"),
                files);
        plot(history, "Minibatch estimate of V(D,G)", List.of(VALUE_ESTIMATE),
                Optional.of(new ReferenceLine("-log 4 (p_g = p_data, D = 1/2)", -Math.log(4))), artifacts.resolve("value.png"), files);
        plot(history, "Mean discriminator output", List.of(DISCRIMINATOR_REAL, DISCRIMINATOR_FAKE),
                Optional.of(new ReferenceLine("1/2", 0.5)), artifacts.resolve("discriminator.png"), files);
        // norms span decades (a saturating generator's falls a thousandfold): a log axis shows what a linear one hides
        MetricChart norms = new MetricChart("gradient-norms.png", "Gradient norms", "step", false, true,
                List.of(Series.line(GENERATOR_GRADIENT_NORM), Series.line(DISCRIMINATOR_GRADIENT_NORM)));
        Map<String, List<MetricPoint>> normHistory = new LinkedHashMap<>();
        normHistory.put(GENERATOR_GRADIENT_NORM, history.of(GENERATOR_GRADIENT_NORM));
        normHistory.put(DISCRIMINATOR_GRADIENT_NORM, history.of(DISCRIMINATOR_GRADIENT_NORM));
        if (normHistory.values().stream().anyMatch(points -> !points.isEmpty())) {
            files.add(MetricChartPlot.write(norms, normHistory, artifacts.resolve(norms.fileName())));
        }
        return files;
    }

    private static void plot(MetricHistory history, String title, List<String> keys, Optional<ReferenceLine> reference, Path file,
            List<Path> files)
    {
        Map<String, List<MetricPoint>> series = new LinkedHashMap<>();
        for (String key : keys) {
            List<MetricPoint> points = history.of(key);
            if (!points.isEmpty()) {
                series.put(key, points);
            }
        }
        if (!series.isEmpty()) {
            files.add(MetricPlot.write(series, title, reference, file));
        }
    }
}
