package io.minimax.core.run;

import io.minimax.core.descriptor.RunPlan;
import io.minimax.core.engine.TrainingResult;
import io.minimax.spi.tracking.RunInfo;

import static java.util.Objects.requireNonNull;

/** One run as it ended. */
public record RunOutcome(RunPlan plan, RunInfo info, TrainingResult result)
{
    public RunOutcome
    {
        requireNonNull(plan, "plan is null");
        requireNonNull(info, "info is null");
        requireNonNull(result, "result is null");
    }
}
