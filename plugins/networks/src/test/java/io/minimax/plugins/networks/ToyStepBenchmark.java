package io.minimax.plugins.networks;

import org.nd4j.linalg.api.ops.executioner.OpExecutioner;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.profiler.OpProfiler;

import java.util.Arrays;

/**
 * Milliseconds per toy-GAN iteration ({@link ToyGanStep}: one D step plus one G step) after warm-up, best and
 * median of several rounds, and the native ops one iteration issues. Not a test: run it by hand on one native
 * thread, from the repository root after {@code mvn -o install -pl framework/nn,plugins/optimizers,plugins/networks}:
 * <pre>
 * mvn -q -o dependency:build-classpath -pl plugins/networks -Dmdep.outputFile=/tmp/cp.txt
 * OMP_NUM_THREADS=1 java -cp plugins/networks/target/test-classes:plugins/networks/target/classes:$(cat /tmp/cp.txt) \
 *     io.minimax.plugins.networks.ToyStepBenchmark 64 256
 * </pre>
 */
public final class ToyStepBenchmark
{
    private static final int WARM_UP_ITERATIONS = 2000;
    private static final int ROUNDS = 7;
    private static final int ITERATIONS_PER_ROUND = 300;

    private ToyStepBenchmark() {}

    public static void main(String[] arguments)
    {
        long[] batchSizes = arguments.length == 0 ? new long[] {64, 256} : Arrays.stream(arguments).mapToLong(Long::parseLong).toArray();
        for (long batchSize : batchSizes) {
            ToyGanStep gan = new ToyGanStep(batchSize, 42);
            for (int i = 0; i < WARM_UP_ITERATIONS; i++) {
                gan.iterate();
            }
            long discriminatorOps = countOps(gan::discriminatorStep);
            long generatorOps = countOps(gan::generatorStep);
            double[] discriminator = timeRounds(gan::discriminatorStep);
            double[] generator = timeRounds(gan::generatorStep);
            double[] total = timeRounds(gan::iterate);
            System.out.printf("batch %4d: iteration %.2f ms (median %.2f) = D step %.2f ms + G step %.2f ms; native ops per iteration %d "
                    + "(D %d, G %d)%n",
                    batchSize, total[0], median(total), discriminator[0], generator[0],
                    discriminatorOps + generatorOps, discriminatorOps, generatorOps);
        }
    }

    private static double[] timeRounds(Runnable work)
    {
        double[] milliseconds = new double[ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            long start = System.nanoTime();
            for (int i = 0; i < ITERATIONS_PER_ROUND; i++) {
                work.run();
            }
            milliseconds[round] = (System.nanoTime() - start) / 1e6 / ITERATIONS_PER_ROUND;
        }
        Arrays.sort(milliseconds);
        return milliseconds;
    }

    private static double median(double[] sorted)
    {
        return sorted[sorted.length / 2];
    }

    // ND4J 1.0.0-M2.1 feeds OpProfiler's invocation counts only through the deprecated ProfilingMode switch
    @SuppressWarnings("deprecation")
    private static long countOps(Runnable work)
    {
        OpExecutioner executioner = Nd4j.getExecutioner();
        OpProfiler.getInstance().reset();
        executioner.setProfilingMode(OpExecutioner.ProfilingMode.OPERATIONS);
        work.run();
        executioner.setProfilingMode(OpExecutioner.ProfilingMode.DISABLED);
        long count = OpProfiler.getInstance().getInvocationsCount();
        if (Boolean.getBoolean("minimax.benchmark.dashboard")) {
            OpProfiler.getInstance().printOutDashboard();
        }
        return count;
    }
}
