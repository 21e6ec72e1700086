package io.minimax.cli;

import io.minimax.core.engine.StopSignal;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * Ctrl-C and SIGTERM while a command trains: the shutdown hook asks the training loop to stop after the current step
 * and then holds the JVM until this is closed, so that the journal records KILLED and the end-of-run table is printed.
 * The hook is released only when {@code work} (training and the table) returns: once the hook returns, the JVM halts
 * and would cut the table off.
 */
final class StopOnInterrupt
{
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;

    /** Runs {@code work} with Ctrl-C and SIGTERM turned into {@code stopSignal}; returns what it returns. */
    static <T> T around(StopSignal stopSignal, Supplier<T> work)
    {
        StopOnInterrupt stopOnInterrupt = new StopOnInterrupt(stopSignal);
        try {
            return work.get();
        }
        finally {
            stopOnInterrupt.release();
        }
    }

    private StopOnInterrupt(StopSignal stopSignal)
    {
        requireNonNull(stopSignal, "stopSignal is null");
        hook = new Thread(() -> {
            stopSignal.request();
            try {
                finished.await(30, TimeUnit.SECONDS);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "minimax-stop");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    private void release()
    {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        }
        catch (IllegalStateException shuttingDown) {
            // the JVM is already exiting after Ctrl-C; the hook has done its job
        }
    }
}
