package io.minimax.core.engine;

import io.minimax.core.descriptor.TrainSpec;

import java.util.Map;
import java.util.function.LongSupplier;

import static java.util.Objects.requireNonNull;

/**
 * What the training loop keeps track of besides the updates: which steps log and which evaluate, the time a step
 * took, and whether the numbers are still finite. A step here is one iteration of Algorithm 1, counted from 1.
 */
final class StepBookkeeping
{
    private final TrainSpec train;
    private final int lanes;
    private final LongSupplier nanoTime;
    private long windowStart;

    StepBookkeeping(TrainSpec train, int lanes)
    {
        this(train, lanes, System::nanoTime);
    }

    StepBookkeeping(TrainSpec train, int lanes, LongSupplier nanoTime)
    {
        this.train = requireNonNull(train, "train is null");
        if (lanes <= 0) {
            throw new IllegalArgumentException("lanes must be positive: " + lanes);
        }
        this.lanes = lanes;
        this.nanoTime = requireNonNull(nanoTime, "nanoTime is null");
        this.windowStart = nanoTime.getAsLong();
    }

    boolean isLogStep(long step)
    {
        return step % train.logEvery() == 0;
    }

    /** Every {@code evalEvery} steps, and after the last step whatever {@code evalEvery} is. */
    boolean isEvalStep(long step)
    {
        return step % train.evalEvery() == 0 || isLastStep(step);
    }

    /** Every {@code checkpointEvery} steps, and after the last step. */
    boolean isCheckpointStep(long step)
    {
        return step % train.checkpointEvery() == 0 || isLastStep(step);
    }

    boolean isLastStep(long step)
    {
        return step == train.steps();
    }

    /** Starts timing the steps to the next log step; evaluation time is not a step's. */
    void startWindow()
    {
        windowStart = nanoTime.getAsLong();
    }

    /**
     * Milliseconds per run-step since {@link #startWindow()}, which a log step ends: the window over its
     * {@code logEvery} steps and over the lanes that shared each of them.
     */
    double millisPerRunStep()
    {
        return (nanoTime.getAsLong() - windowStart) / 1e6 / train.logEvery() / lanes;
    }

    /** @throws TrainingFailure naming the quantity, its value and the step, when the value is NaN or infinite */
    static void checkFinite(String quantity, double value, long step)
    {
        if (!Double.isFinite(value)) {
            throw new TrainingFailure(quantity + " became " + value + " at step " + step);
        }
    }

    static void checkFinite(Map<String, Double> values, long step)
    {
        for (Map.Entry<String, Double> entry : values.entrySet()) {
            checkFinite(entry.getKey(), entry.getValue(), step);
        }
    }
}
