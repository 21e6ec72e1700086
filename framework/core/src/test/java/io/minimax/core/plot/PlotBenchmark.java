package io.minimax.core.plot;

import io.minimax.core.plot.MetricPlot.ReferenceLine;
import io.minimax.spi.tracking.MetricPoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Milliseconds per sample plot of 2500 + 2500 points (drawn every evalEvery steps). Leaves the plots in
 * {@code target/plot-examples/} to look at. Not part of the build; run with
 * {@code mvn -o -pl framework/core test -Dtest=PlotBenchmark -Dminimax.benchmark=true}.
 */
@EnabledIfSystemProperty(named = "minimax.benchmark", matches = "true")
class PlotBenchmark
{
    @Test
    void plots()
            throws Exception
    {
        Path folder = Files.createDirectories(Path.of("target", "plot-examples"));
        INDArray real = TestSamplePlot.ring(2500, 1.0, 1);
        INDArray generated = TestSamplePlot.ring(2500, 1.1, 2).muli(1.2);
        time("2-D scatter, 2500 + 2500",
                () -> SamplePlot.write(generated, real, 500, "ring-8 · loss=minimax seed=2", folder.resolve(SamplePlot.fileName(500))));

        Random random = new Random(5);
        float[] realLine = new float[2500];
        float[] generatedLine = new float[2500];
        for (int row = 0; row < 2500; row++) {
            realLine[row] = (float) (random.nextBoolean() ? random.nextGaussian() * 0.3 - 2 : random.nextGaussian() * 0.3 + 2);
            generatedLine[row] = (float) (random.nextGaussian() * 0.8 + 1.5);
        }
        time("1-D histograms, 2500 + 2500", () -> SamplePlot.write(Nd4j.createFromArray(generatedLine).reshape(2500, 1),
                Nd4j.createFromArray(realLine).reshape(2500, 1), 1000, "mixture-2", folder.resolve("samples-1d.png")));

        Map<String, List<MetricPoint>> series = new LinkedHashMap<>();
        series.put("value/estimate", history("value/estimate", random, step -> -1.386 + 0.6 * Math.exp(-step / 800.0)));
        series.put("loss/generator", history("loss/generator", random, step -> 0.693 + 0.8 * Math.exp(-step / 500.0)));
        series.put("loss/discriminator", history("loss/discriminator", random, step -> 0.693 - 0.3 * Math.exp(-step / 500.0)));
        time("metric plot, 3 x 500 points", () -> MetricPlot.write(series, "ring-8 · loss=minimax seed=2",
                Optional.of(new ReferenceLine("-log 4", -Math.log(4))), folder.resolve("metrics.png")));
        System.out.println("plots in " + folder.toAbsolutePath());
    }

    private static void time(String what, Runnable plot)
    {
        for (int warmup = 0; warmup < 20; warmup++) {
            plot.run();
        }
        int repeats = 20;
        long start = System.nanoTime();
        for (int repeat = 0; repeat < repeats; repeat++) {
            plot.run();
        }
        System.out.printf("%s: %.1f ms per plot%n", what, (System.nanoTime() - start) / 1e6 / repeats);
    }

    private static List<MetricPoint> history(String key, Random random, java.util.function.LongToDoubleFunction value)
    {
        List<MetricPoint> points = new ArrayList<>();
        for (long step = 10; step <= 5000; step += 10) {
            points.add(new MetricPoint(key, value.applyAsDouble(step) + 0.03 * random.nextGaussian(), step, step));
        }
        return points;
    }
}
