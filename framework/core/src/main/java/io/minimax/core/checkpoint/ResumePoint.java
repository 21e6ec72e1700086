package io.minimax.core.checkpoint;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** The checkpoint a run resumes from ({@code minimax resume}), or none for a run that starts afresh. */
public record ResumePoint(Optional<Checkpoint> checkpoint)
{
    public static final ResumePoint NONE = new ResumePoint(Optional.empty());

    public ResumePoint
    {
        requireNonNull(checkpoint, "checkpoint is null");
    }
}
