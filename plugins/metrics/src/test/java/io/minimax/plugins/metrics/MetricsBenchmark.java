package io.minimax.plugins.metrics;

import io.minimax.testkit.FakeRunView;
import io.minimax.spi.data.DataSource;
import io.minimax.spi.metric.Metric;
import io.minimax.spi.metric.RunView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.function.Supplier;

/**
 * Milliseconds per evaluation of each instrument on 2500 generated + 2500 real samples, as every {@code evalEvery}
 * steps (D's logits here are closed-form, so the networks' forward passes are not in these numbers). Not part of the
 * build; run with {@code mvn -o -pl plugins/metrics test -Dtest=MetricsBenchmark -Dminimax.benchmark=true}.
 */
@EnabledIfSystemProperty(named = "minimax.benchmark", matches = "true")
class MetricsBenchmark
{
    private static final int COUNT = 2500;

    @Test
    void evaluations()
    {
        DataSource line = new GaussianLine(0, 1, 1);
        DataSource ring = new RingOfGaussians(8, 1, 0.01, 2);
        DataSource twentyFive = new RingOfGaussians(25, 4, 0.05, 3);
        time("optimal-discriminator, 1-D", new OptimalDiscriminatorMetric(BandwidthRule.SCOTT, 0.1),
                () -> run(line, new GaussianLine(1, 1.5, 4)));
        time("optimal-discriminator, ring of 8", new OptimalDiscriminatorMetric(BandwidthRule.SCOTT, 0.1),
                () -> run(ring, new RingOfGaussians(8, 1, 0.05, 5)));
        time("optimal-discriminator, 25 modes", new OptimalDiscriminatorMetric(BandwidthRule.SCOTT, 0.1),
                () -> run(twentyFive, new RingOfGaussians(25, 4, 0.1, 6)));
        time("optimal-discriminator, ring of 8, cross-validation", new OptimalDiscriminatorMetric(BandwidthRule.CROSS_VALIDATION, 0.1),
                () -> run(ring, new RingOfGaussians(8, 1, 0.05, 5)));
        time("mode-coverage, 25 modes", new ModeCoverageMetric(3), () -> run(twentyFive, new RingOfGaussians(25, 4, 0.1, 6)));
        time("mmd, 2-D", new MmdMetric(), () -> run(ring, new RingOfGaussians(8, 1, 0.05, 5)));
        INDArray images = Nd4j.rand(DataType.FLOAT, COUNT, 1, 28, 28);
        INDArray otherImages = Nd4j.rand(DataType.FLOAT, COUNT, 1, 28, 28);
        time("mmd, 28x28 images", new MmdMetric(), () -> new FakeRunView(line, images, otherImages, x -> 0));
        time("value-estimator, m = 1..4096 x 1000 + 2^20 (closed-form D)", new ValueEstimatorMetric(4096, 1000, 1 << 20),
                () -> run(line, new GaussianLine(1, 1.5, 4)), 3);
    }

    private static RunView run(DataSource data, DataSource generator)
    {
        return new FakeRunView(data, generator, x -> 0.3 - x[0], COUNT, 100, true);
    }

    private static void time(String what, Metric metric, Supplier<RunView> runs)
    {
        time(what, metric, runs, 10);
    }

    private static void time(String what, Metric metric, Supplier<RunView> runs, int repeats)
    {
        RunView warmup = runs.get();
        metric.measure(warmup);
        metric.measure(warmup);
        long total = 0;
        for (int i = 0; i < repeats; i++) {
            RunView run = runs.get();
            long start = System.nanoTime();
            metric.measure(run);
            total += System.nanoTime() - start;
        }
        System.out.printf("%-65s %9.1f ms%n", what, total / 1e6 / repeats);
    }
}
