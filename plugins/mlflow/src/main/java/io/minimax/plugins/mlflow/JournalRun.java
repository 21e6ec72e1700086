package io.minimax.plugins.mlflow;

import io.minimax.spi.tracking.MetricPoint;
import io.minimax.spi.tracking.MirroredRun;
import io.minimax.spi.tracking.RunInfo;
import io.minimax.spi.tracking.RunStatus;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * One journaled run as {@code minimax sync} replays it: what its {@code run.json} and {@code metrics.jsonl} say, and
 * what its {@code mirrors.json} remembers for the server being synced. Its descriptor and artifacts are read from
 * {@code info.directory()}.
 *
 * @param endTime milliseconds since the epoch, empty while RUNNING
 * @param metrics in logged order
 * @param known the run's mirror on this server, if one was remembered
 */
public record JournalRun(
        RunInfo info,
        RunStatus status,
        OptionalLong endTime,
        Optional<String> error,
        SortedMap<String, String> params,
        SortedMap<String, String> tags,
        List<MetricPoint> metrics,
        Optional<MirroredRun> known)
{
    public JournalRun
    {
        requireNonNull(info, "info is null");
        requireNonNull(status, "status is null");
        requireNonNull(endTime, "endTime is null");
        requireNonNull(error, "error is null");
        params = new TreeMap<>(requireNonNull(params, "params is null"));
        tags = new TreeMap<>(requireNonNull(tags, "tags is null"));
        metrics = List.copyOf(metrics);
        requireNonNull(known, "known is null");
    }

    Optional<String> sweepId()
    {
        return Optional.ofNullable(tags.get(SweepTags.SWEEP_ID));
    }

    /** The tags the MLflow run should have: the journal's, its id, its parent, and a failure's reason. */
    Map<String, String> remoteTags(Optional<String> parentRunId)
    {
        SortedMap<String, String> remote = new TreeMap<>(tags);
        remote.put(RunNotes.RUN_ID_TAG, info.id());
        parentRunId.ifPresent(id -> remote.put(RunNotes.PARENT_TAG, id));
        if (status == RunStatus.FAILED) {
            remote.putAll(RunNotes.failureTags(tags, error.orElse("unknown reason")));
        }
        return remote;
    }
}
