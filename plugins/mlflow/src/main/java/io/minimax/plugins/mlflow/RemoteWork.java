package io.minimax.plugins.mlflow;

import io.minimax.spi.tracking.MetricPoint;
import io.minimax.spi.tracking.MirroredRun;
import io.minimax.spi.tracking.RunInfo;
import io.minimax.spi.tracking.RunStatus;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

import static java.util.Objects.requireNonNull;

/**
 * What a tracker does on its own thread, one event at a time: a run's, or a sweep parent's. Failed requests do not
 * escape: when the server is away (unreachable, timing out, 5xx) the rest of the run stays local and the user is told
 * once to sync; when it refuses a request (4xx) that part is missing, the user is told why, and the rest goes on.
 * Either way the mirror is then incomplete, which {@code minimax sync} repairs from the journal.
 */
abstract class RemoteWork
{
    interface Request
    {
        void send()
                throws MlflowException;
    }

    protected final MlflowApi api;
    protected final MlflowWarnings warnings;
    private boolean away;
    private boolean incomplete;

    RemoteWork(MlflowApi api, MlflowWarnings warnings)
    {
        this.api = requireNonNull(api, "api is null");
        this.warnings = requireNonNull(warnings, "warnings is null");
    }

    abstract void start(RunInfo run, Map<String, String> params, Map<String, String> tags);

    /** A run that continues after an interruption ({@code Tracker.runResumed}); the default starts anew with {@code journaled}. */
    void resume(RunInfo run, Map<String, String> params, Map<String, String> tags, List<MetricPoint> journaled)
    {
        start(run, params, tags);
        metrics(journaled);
    }

    void metrics(List<MetricPoint> points) {}

    /** Sends what is buffered; called when the tracker's queue has been idle for a while, and before the end. */
    void flush() {}

    void artifact(Path file, String artifactPath) {}

    /** One picture of the series {@code key} at {@code step}, logged when the tracker was called. */
    void image(Path file, String key, long step, long timestampMillis) {}

    /** @param finals the run's final values, computed from every point the tracker was given */
    abstract void end(RunStatus status, Optional<String> error, SortedMap<String, FinalValue> finals);

    /** Where the run went; called after {@link #end}, or after the tracker gave up waiting for it. */
    abstract Optional<MirroredRun> mirror();

    /** Called from the training thread when the tracker's queue was full and points were left out. */
    final void markIncomplete()
    {
        incomplete = true;
    }

    final boolean complete()
    {
        return !away && !incomplete;
    }

    /** Sends unless the server is already known to be away. */
    final void attempt(Request request)
    {
        if (away) {
            incomplete = true;
            return;
        }
        try {
            request.send();
        }
        catch (MlflowException e) {
            incomplete = true;
            TrackingUri server = api.server();
            if (Thread.currentThread().isInterrupted()) {
                // the tracker gave up waiting for this thread and has said so
                away = true;
                return;
            }
            if (e.serverAway()) {
                away = true;
                warnings.once("away " + server, "MLflow at " + server + " is not available (" + e.getMessage() + "). Runs go on and are"
                        + " journaled; once the server is back, send them with: " + MlflowWarnings.syncHint(server));
            }
            else {
                warnings.once("refused " + e.getMessage(), "MLflow refused a request, so this run is incomplete there: " + e.getMessage()
                        + ". Everything is in the journal.");
            }
        }
    }

    final boolean away()
    {
        return away;
    }
}
