package io.minimax.core.engine;

import static java.util.Objects.requireNonNull;

/** One run as the training loop sees it: what it trains, where its numbers go, and where its state is saved. */
public record Lane(Players players, MetricsRecorder recorder, Evaluation evaluation, Checkpointing checkpointing)
{
    public Lane
    {
        requireNonNull(players, "players is null");
        requireNonNull(recorder, "recorder is null");
        requireNonNull(evaluation, "evaluation is null");
        requireNonNull(checkpointing, "checkpointing is null");
    }

    /** A lane that saves no checkpoints (benchmarks). */
    public Lane(Players players, MetricsRecorder recorder, Evaluation evaluation)
    {
        this(players, recorder, evaluation, Checkpointing.NONE);
    }
}
