package io.minimax.plugins.mlflow;

import io.minimax.spi.tracking.MetricPoint;
import io.minimax.spi.tracking.MirroredRun;
import io.minimax.spi.tracking.RunInfo;
import io.minimax.spi.tracking.RunStatus;

import java.nio.file.Path;
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
 * @param images the pictures it logged as series with a step slider ({@code Tracker.logImage}): one of each key and step
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
        List<Image> images,
        Optional<MirroredRun> known)
{
    /** One picture: its series, step, when it was logged (milliseconds since the epoch) and its PNG. */
    public record Image(String key, long step, long timestampMillis, Path file)
    {
        public Image
        {
            requireNonNull(key, "key is null");
            requireNonNull(file, "file is null");
        }
    }

    public JournalRun
    {
        requireNonNull(info, "info is null");
        requireNonNull(status, "status is null");
        requireNonNull(endTime, "endTime is null");
        requireNonNull(error, "error is null");
        params = new TreeMap<>(requireNonNull(params, "params is null"));
        tags = new TreeMap<>(requireNonNull(tags, "tags is null"));
        metrics = List.copyOf(metrics);
        images = List.copyOf(images);
        requireNonNull(known, "known is null");
    }

    Optional<String> sweepId()
    {
        return Optional.ofNullable(tags.get(SweepTags.SWEEP_ID));
    }

    /** The tags the MLflow run should have: the journal's, its id, its parent, a failure's reason, and whether it has images. */
    Map<String, String> remoteTags(Optional<String> parentRunId)
    {
        SortedMap<String, String> remote = new TreeMap<>(tags);
        remote.put(RunNotes.RUN_ID_TAG, info.id());
        parentRunId.ifPresent(id -> remote.put(RunNotes.PARENT_TAG, id));
        if (!images.isEmpty()) {
            remote.put(MlflowImages.LOGGED_IMAGES_TAG, "True");
        }
        if (status == RunStatus.FAILED) {
            remote.putAll(RunNotes.failureTags(tags, error.orElse("unknown reason")));
        }
        return remote;
    }
}
