package io.minimax.core.checkpoint;

import io.minimax.core.engine.RetrainedSteps;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Where a run takes up training: the checkpoint it resumes from ({@code minimax resume}), or none for a run that
 * starts at step 0; and the steps it trains again, whose points it logged before ({@link RetrainedSteps#NONE} for a
 * run that starts for the first time).
 */
public record ResumePoint(Optional<Checkpoint> checkpoint, RetrainedSteps retrained)
{
    public static final ResumePoint NONE = new ResumePoint(Optional.empty(), RetrainedSteps.NONE);

    public ResumePoint
    {
        requireNonNull(checkpoint, "checkpoint is null");
        requireNonNull(retrained, "retrained is null");
    }

    /** The step training starts after: the checkpoint's, or 0. */
    public long step()
    {
        return checkpoint.map(Checkpoint::step).orElse(0L);
    }
}
