package io.minimax.cli;

import io.minimax.core.engine.StopSignal;
import io.minimax.core.engine.TrainingListener;
import io.minimax.core.evaluation.SampleEvaluation;
import io.minimax.core.plugin.PluginLoader;
import io.minimax.core.plugin.PluginRegistry;
import io.minimax.core.wiring.RunInjector;
import io.minimax.core.wiring.RunModule;
import io.minimax.core.wiring.RunServicesModule;
import io.minimax.spi.tracking.RunInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * What each image metric adds to one evaluation of a Fashion-MNIST run, at its default parameters and with the
 * shipped classifier (features: auto): the evaluation of a run with that metric alone, minus the evaluation of the
 * same run without metrics (G's 2500 samples and the grid). The first call also draws the metric's real set and
 * extracts its features, which the metric keeps for the run; later calls extract the 2500 generated samples and
 * compute. Wall clock and the calling thread's CPU time (OMP_NUM_THREADS=1: BLAS computes on that thread). Not part of
 * the build; run with {@code mvn -o -pl framework/cli -am test -Dtest=ImageMetricsCostBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false -Dminimax.benchmark=true}.
 */
@EnabledIfSystemProperty(named = "minimax.benchmark", matches = "true")
class ImageMetricsCostBenchmark
{
    private static final PluginRegistry REGISTRY = PluginLoader.load(Optional.empty());
    private static final int LATER_CALLS = 3;

    @Test
    void perCall(@TempDir Path temp)
            throws IOException
    {
        // all ten classes, as the classifier was trained on
        String base = TestImageRuns.descriptor("cost").replace(", classes: [1, 7]", "");
        double[] baseline = time(evaluation(base, temp.resolve("none")));
        System.out.printf("%-18s first %8.0f ms wall %8.0f ms cpu; later %8.0f ms wall %8.0f ms cpu%n", "no metric", baseline[0],
                baseline[1], baseline[2], baseline[3]);
        for (String metric : List.of("frechet-distance", "kernel-distance", "precision-recall", "class-coverage")) {
            double[] with = time(evaluation(base + "metrics: [{ type: " + metric + " }]\n", temp.resolve(metric)));
            System.out.printf("%-18s first %8.0f ms wall %8.0f ms cpu; later %8.0f ms wall %8.0f ms cpu (beyond no metric)%n", metric,
                    with[0] - baseline[0], with[1] - baseline[1], with[2] - baseline[2], with[3] - baseline[3]);
        }
    }

    /** First call wall and CPU ms, then the mean of the later calls' wall and CPU ms. */
    private static double[] time(SampleEvaluation evaluation)
    {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] result = new double[4];
        for (int call = 0; call <= LATER_CALLS; call++) {
            long start = System.nanoTime();
            long startCpu = threads.getCurrentThreadCpuTime();
            evaluation.evaluate(100L * (call + 1), false);
            double wall = (System.nanoTime() - start) / 1e6;
            double cpu = (threads.getCurrentThreadCpuTime() - startCpu) / 1e6;
            if (call == 0) {
                result[0] = wall;
                result[1] = cpu;
            }
            else {
                result[2] += wall / LATER_CALLS;
                result[3] += cpu / LATER_CALLS;
            }
        }
        return result;
    }

    private static SampleEvaluation evaluation(String descriptor, Path directory)
            throws IOException
    {
        Files.createDirectories(directory.resolve("artifacts"));
        return RunInjector.create(new RunModule(PluginFixtures.bind(REGISTRY, descriptor), REGISTRY, DataType.FLOAT),
                new RunServicesModule(new RunInfo("cost", "cost", "cost", directory, 0), List.of(), TrainingListener.NONE, new StopSignal(),
                        Clock.systemUTC()))
                .getInstance(SampleEvaluation.class);
    }
}
