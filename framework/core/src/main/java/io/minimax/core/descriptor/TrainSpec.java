package io.minimax.core.descriptor;

import static java.util.Objects.requireNonNull;

/**
 * The descriptor's {@code train:} section, defaults already applied.
 *
 * @param steps generator updates
 * @param batchSize m: real and generated samples per minibatch
 * @param discriminatorSteps k in Algorithm 1
 * @param logEvery log the training metrics every this many generator steps
 * @param evalEvery run the metric plugins and plots every this many generator steps
 * @param vectorizeSweep train a sweep's runs that differ only in seed, loss or data together, in lockstep, as one
 *     batched computation (each run's numbers are the ones it gets alone)
 * @param threads how many threads share the lanes of a lockstep; like {@code vectorizeSweep}, how a sweep is
 *     computed, not what
 * @param checkpointEvery save a checkpoint every this many generator steps, and after the last (default: {@code evalEvery})
 * @param keepCheckpoints how many of the latest checkpoints a run keeps (default 2)
 */
public record TrainSpec(long steps, int batchSize, int discriminatorSteps, UpdateRule updates, long logEvery, long evalEvery,
        boolean vectorizeSweep, int threads, long checkpointEvery, int keepCheckpoints)
{
    public static final int DEFAULT_KEEP_CHECKPOINTS = 2;

    /** Trained alone, a lockstep's threads one per core. */
    public TrainSpec(long steps, int batchSize, int discriminatorSteps, UpdateRule updates, long logEvery, long evalEvery)
    {
        this(steps, batchSize, discriminatorSteps, updates, logEvery, evalEvery, false, Runtime.getRuntime().availableProcessors());
    }

    /** A checkpoint at every evaluation, the latest {@value #DEFAULT_KEEP_CHECKPOINTS} kept. */
    public TrainSpec(long steps, int batchSize, int discriminatorSteps, UpdateRule updates, long logEvery, long evalEvery,
            boolean vectorizeSweep, int threads)
    {
        this(steps, batchSize, discriminatorSteps, updates, logEvery, evalEvery, vectorizeSweep, threads, evalEvery,
                DEFAULT_KEEP_CHECKPOINTS);
    }

    public TrainSpec
    {
        requireNonNull(updates, "updates is null");
        if (steps <= 0 || batchSize <= 0 || discriminatorSteps <= 0 || logEvery <= 0 || evalEvery <= 0) {
            throw new IllegalArgumentException("train sizes must be positive: " + steps + ", " + batchSize + ", "
                    + discriminatorSteps + ", " + logEvery + ", " + evalEvery);
        }
        if (checkpointEvery <= 0 || keepCheckpoints <= 0) {
            throw new IllegalArgumentException("checkpointEvery and keepCheckpoints must be positive: " + checkpointEvery + ", "
                    + keepCheckpoints);
        }
        if (threads <= 0) {
            throw new IllegalArgumentException("threads must be positive: " + threads);
        }
    }
}
