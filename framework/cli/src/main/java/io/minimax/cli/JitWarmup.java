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
 * Bounded: at most {@value #MAX_CHUNKS} chunks, as unrelated code may keep the compiler busy.
 */
final class JitWarmup
{
    private static final int MAX_CHUNKS = 40;
    private static final int MIN_CHUNK = 100;

    private JitWarmup() {}

    /** Runs {@code run} on step counts that sum to at least {@code minimumSteps}; returns the steps run. */
    static long run(int minimumSteps, IntConsumer run)
    {
        if (minimumSteps > 0) {
            run.accept(minimumSteps);
        }
        CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
        if (minimumSteps == 0 || compiler == null || !compiler.isCompilationTimeMonitoringSupported()) {
            return minimumSteps;
        }
        int chunk = Math.max(MIN_CHUNK, minimumSteps / 2);
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
