package io.minimax.core.run;

import io.minimax.core.descriptor.RunPlan;
import io.minimax.core.engine.TrainingResult;
import io.minimax.spi.tracking.MirroredRun;
import io.minimax.spi.tracking.RunInfo;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * One run as it ended.
 *
 * @param mirrors where trackers mirrored the run (an MLflow server), and whether completely
 */
public record RunOutcome(RunPlan plan, RunInfo info, TrainingResult result, List<MirroredRun> mirrors)
{
    public RunOutcome
    {
        requireNonNull(plan, "plan is null");
        requireNonNull(info, "info is null");
        requireNonNull(result, "result is null");
        mirrors = List.copyOf(mirrors);
    }
}
