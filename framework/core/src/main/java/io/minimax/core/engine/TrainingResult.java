package io.minimax.core.engine;

import io.minimax.spi.tracking.RunStatus;

import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * How a training loop ended.
 *
 * @param stepsDone generator updates completed
 * @param lastValues the last logged value of every metric key
 */
public record TrainingResult(RunStatus status, long stepsDone, Map<String, Double> lastValues, Optional<String> error)
{
    public TrainingResult
    {
        requireNonNull(status, "status is null");
        lastValues = Map.copyOf(lastValues);
        requireNonNull(error, "error is null");
    }
}
