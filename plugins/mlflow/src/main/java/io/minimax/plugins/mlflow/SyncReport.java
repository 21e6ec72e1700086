package io.minimax.plugins.mlflow;

import io.minimax.spi.tracking.MirroredRun;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * What {@code minimax sync} did for one run.
 *
 * @param mirror what the journal should now remember for the server (empty when the run was never created there)
 * @param created whether the MLflow run was created by this sync
 * @param problem why the run is not (completely) on the server, for the user
 */
public record SyncReport(JournalRun run, Optional<MirroredRun> mirror, boolean created, int metricsSent, int paramsAndTagsSent,
        int artifactsSent,
        Optional<String> problem)
{
    public SyncReport
    {
        requireNonNull(run, "run is null");
        requireNonNull(mirror, "mirror is null");
        requireNonNull(problem, "problem is null");
    }

    public boolean upToDate()
    {
        return !created && metricsSent == 0 && paramsAndTagsSent == 0 && artifactsSent == 0 && problem.isEmpty();
    }
}
