package io.minimax.cli;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.function.IntConsumer;

/**
 * The untimed steps before a measurement: at least the steps asked for, then more, in chunks, until the JIT compiler
 * spent no time during a whole chunk. JAX compiles its step once, in its first call, so its warm-up steps leave
 * nothing to compile; the JVM compiles hot methods in the background over the first seconds, longer on a loaded machine
 * (measured on the 2-core VM: C2 still compiling Minimax's step 2.4 s after training started, and the first 1000
 * timed steps 1.5-2.5x slower than later ones). Without this, the timings would include compilation for Minimax only.
 * A chunk is {@value #MIN_CHUNK} steps or half the minimum, whichever is more, but no more steps than the first ones'
 * pace fits into {@value #CHUNK_MILLIS} ms (at least one): a DCGAN's step takes a tenth of a second, a toy's a fraction
 * of a millisecond. Bounded: at most {@value #MAX_CHUNKS} chunks, as unrelated code may keep the compiler busy.
 */
final class JitWarmup
{
    private static final int MAX_CHUNKS = 40;
    private static final int MIN_CHUNK = 100;
    private static final long CHUNK_MILLIS = 250;

    private JitWarmup() {}

    /** Runs {@code run} on step counts that sum to at least {@code minimumSteps}; returns the steps run. */
    static long run(int minimumSteps, IntConsumer run)
    {
        long start = System.nanoTime();
        if (minimumSteps > 0) {
            run.accept(minimumSteps);
        }
        double millisPerStep = (System.nanoTime() - start) / 1e6 / Math.max(1, minimumSteps);
        CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
        if (minimumSteps == 0 || compiler == null || !compiler.isCompilationTimeMonitoringSupported()) {
            return minimumSteps;
        }
        double stepsInChunkTime = CHUNK_MILLIS / Math.max(1e-3, millisPerStep);
        int chunk = (int) Math.max(1, Math.min(Math.max(MIN_CHUNK, minimumSteps / 2), stepsInChunkTime));
        long steps = minimumSteps;
        for (int i = 0; i < MAX_CHUNKS; i++) {
            long compiling = compiler.getTotalCompilationTime();
            run.accept(chunk);
            steps += chunk;
            if (compiler.getTotalCompilationTime() == compiling) {
                break;
            }
        }
        return steps;
    }
}
