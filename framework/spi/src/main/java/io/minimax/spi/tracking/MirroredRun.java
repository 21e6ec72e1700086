package io.minimax.spi.tracking;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Where a run was mirrored to, as the run's journal remembers it so that a later replay ({@code minimax sync})
 * continues the same remote run instead of starting a second one.
 *
 * @param store names the store, its kind and address (e.g. a tracking server's URL); never holds credentials
 * @param runId the run's id in that store
 * @param parentRunId the id of the sweep's parent run in that store, when the run belongs to a sweep
 * @param complete whether everything the journal holds reached the store
 */
public record MirroredRun(String store, String runId, Optional<String> parentRunId, boolean complete)
{
    public MirroredRun
    {
        requireNonNull(store, "store is null");
        requireNonNull(runId, "runId is null");
        requireNonNull(parentRunId, "parentRunId is null");
    }
}
