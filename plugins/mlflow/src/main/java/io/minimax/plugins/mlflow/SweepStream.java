package io.minimax.plugins.mlflow;

import io.minimax.spi.tracking.MirroredRun;
import io.minimax.spi.tracking.RunInfo;
import io.minimax.spi.tracking.RunStatus;
import org.mlflow.api.proto.Service.Run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The parent run of one {@code minimax run} of a sweep: created first, tagged with the sweep's definition; its runs
 * nest under it ({@code mlflow.parentRunId}) and report their final values to it, and at the end it logs their
 * {@link SweepStatistics} and its status. The parent of a sweep planned ahead ({@value SweepTags#PLANNED}) is made once,
 * at submission, and found again by every task; its statistics and status are left to {@code minimax sync}.
 */
final class SweepStream
        extends RemoteWork
{
    private final CompletableFuture<Optional<String>> remoteRunId = new CompletableFuture<>();
    private final List<SweepStatistics.Child> children = new ArrayList<>();
    private Map<String, String> tags = Map.of();
    private boolean planned;

    SweepStream(MlflowApi api, MlflowWarnings warnings)
    {
        super(api, warnings);
    }

    @Override
    void start(RunInfo sweep, Map<String, String> params, Map<String, String> sweepTags)
    {
        this.tags = Map.copyOf(sweepTags);
        planned = "true".equals(sweepTags.get(SweepTags.PLANNED));
        Run[] created = new Run[1];
        try {
            attempt(() -> {
                String experimentId = api.experimentId(sweep.experiment());
                if (planned) {
                    // one task of a sweep planned ahead: the parent was made when the sweep was submitted
                    Optional<Run> made = api.runsTagged(experimentId, Map.of(SweepTags.SWEEP_ID, sweep.id(),
                            SweepTags.ROLE, SweepTags.SWEEP_ROLE)).stream().findFirst();
                    if (made.isPresent()) {
                        created[0] = made.get();
                        return;
                    }
                }
                created[0] = api.createRun(experimentId, sweep.name(), sweep.startTime(),
                        List.of(MlflowMessages.tag(SweepTags.SWEEP_ID, sweep.id()),
                                MlflowMessages.tag(SweepTags.ROLE, SweepTags.SWEEP_ROLE)));
                api.logBatch(created[0].getInfo().getRunId(), List.of(), MlflowMessages.params(params), MlflowMessages.tags(sweepTags));
            });
        }
        finally {
            // the sweep's runs wait for this, with or without an id
            remoteRunId.complete(Optional.ofNullable(created[0]).map(run -> run.getInfo().getRunId()));
        }
    }

    /** The parent's MLflow run id once created; empty when it could not be, or not within the wait. */
    Optional<String> remoteRunId(long wait, TimeUnit unit)
    {
        try {
            return remoteRunId.get(wait, unit);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        catch (ExecutionException | TimeoutException e) {
            return Optional.empty();
        }
    }

    /** Called from the runs' own tracker threads. */
    synchronized void childEnded(SweepStatistics.Child child)
    {
        children.add(child);
    }

    @Override
    void end(RunStatus status, Optional<String> error, SortedMap<String, FinalValue> finals)
    {
        Optional<String> runId = remoteRunId(0, TimeUnit.SECONDS);
        if (runId.isEmpty()) {
            markIncomplete();
            return;
        }
        if (planned) {
            // each task of a planned sweep ends only its own runs; minimax sync completes the parent once all have ended
            return;
        }
        List<SweepStatistics.Child> ended;
        synchronized (this) {
            ended = List.copyOf(children);
        }
        attempt(() -> {
            Map<String, String> endTags = new LinkedHashMap<>();
            if (status == RunStatus.FAILED) {
                endTags.putAll(RunNotes.failureTags(tags, error.orElse("unknown reason")));
            }
            long now = System.currentTimeMillis();
            api.logBatch(runId.get(), MlflowMessages.metrics(SweepStatistics.of(ended, now)), List.of(), MlflowMessages.tags(endTags));
            api.updateRun(runId.get(), MlflowMessages.status(status), now);
        });
    }

    @Override
    Optional<MirroredRun> mirror()
    {
        return remoteRunId(0, TimeUnit.SECONDS).map(id -> new MirroredRun(api.server().store(), id, Optional.empty(), complete()));
    }
}
