package io.minimax.core.engine;

import static java.util.Objects.requireNonNull;

/** One run as the training loop sees it: what it trains, and where its numbers go. */
public record Lane(Players players, MetricsRecorder recorder, Evaluation evaluation)
{
    public Lane
    {
        requireNonNull(players, "players is null");
        requireNonNull(recorder, "recorder is null");
        requireNonNull(evaluation, "evaluation is null");
    }
}
