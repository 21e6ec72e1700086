package io.minimax.plugins.imagemetrics;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Milliseconds per call of each metric's mathematics at the sizes of an image run: 10 000 real and 2000 generated
 * feature vectors of d = 128 (10 classes for the coverage), features given (the extractor's forward passes are not in
 * these numbers), wall-clock and the calling thread's CPU time. Not part of the build; run with
 * {@code mvn -o -pl plugins/image-metrics test -Dtest=ImageMetricsBenchmark -Dminimax.benchmark=true}.
 */
@EnabledIfSystemProperty(named = "minimax.benchmark", matches = "true")
class ImageMetricsBenchmark
{
    private static final int REAL = 10_000;
    private static final int GENERATED = 2000;
    private static final int DIMENSION = 128;

    @Test
    void calls()
    {
        double[][] real = Features.gaussian(REAL, DIMENSION, 0, 1, 1);
        double[][] generated = Features.gaussian(GENERATED, DIMENSION, 0.1, 1.2, 2);
        double[][] realForPrecision = Features.gaussian(2500, DIMENSION, 0, 1, 3);
        FeatureStatistics realStatistics = FeatureStatistics.of(real);
        NearestNeighbourBalls realBalls = NearestNeighbourBalls.of(real, 3);
        NearestNeighbourBalls smallRealBalls = NearestNeighbourBalls.of(realForPrecision, 3);
        double[][] probabilities = Features.gaussian(GENERATED, 10, 0, 1, 4);
        long[] referenceCounts = {1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000};
        time("frechet-distance, real statistics (once per run)", () -> FeatureStatistics.of(real), 5);
        time("frechet-distance, per call (generated statistics + FD)",
                () -> FrechetDistance.between(realStatistics, FeatureStatistics.of(generated)), 5);
        time("frechet-distance, the four .npy files at the final evaluation",
                () -> NpyFile.of(realStatistics.covariance()).length + NpyFile.of(realStatistics.mean()).length, 5);
        time("kernel-distance, per call (100 subsets of 1000)",
                () -> KernelDistance.between(real, generated, 1000, 100, new SplittableRandom(1)), 3);
        time("precision-recall, 10 000 real: real manifold (once per run)", () -> NearestNeighbourBalls.of(real, 3), 3);
        time("precision-recall, 10 000 real: per call", () -> PrecisionRecall.between(realBalls, real, generated, 3), 3);
        time("precision-recall, 2500 real (default): real manifold (once per run)", () -> NearestNeighbourBalls.of(realForPrecision, 3), 3);
        time("precision-recall, 2500 real (default): per call",
                () -> PrecisionRecall.between(smallRealBalls, realForPrecision, generated, 3), 3);
        time("class-coverage, per call (10 classes)", () -> ClassCoverage.of(probabilities, referenceCounts, 0.1), 5);
    }

    private static void time(String what, Supplier<Object> call, int repeats)
    {
        call.get();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long total = 0;
        long cpu = 0;
        for (int i = 0; i < repeats; i++) {
            long start = System.nanoTime();
            long startCpu = threads.getCurrentThreadCpuTime();
            call.get();
            total += System.nanoTime() - start;
            cpu += threads.getCurrentThreadCpuTime() - startCpu;
        }
        // with OMP_NUM_THREADS=1 OpenBLAS computes on the calling thread, so its CPU time is in the thread's
        System.out.printf("%-75s %9.1f ms wall %9.1f ms cpu%n", what, total / 1e6 / repeats, cpu / 1e6 / repeats);
    }
}
