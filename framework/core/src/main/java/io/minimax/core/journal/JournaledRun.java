package io.minimax.core.journal;

import io.minimax.spi.tracking.RunStatus;

import java.nio.file.Path;
import java.util.Collections;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * What a run's {@value JournalLayout#RUN_FILE} says, plus where the run lives.
 *
 * @param startTime milliseconds since the epoch
 * @param endTime milliseconds since the epoch, empty while the run is {@link RunStatus#RUNNING}
 * @param error why the run failed, only for {@link RunStatus#FAILED}
 * @param directory the run's journal folder
 */
public record JournaledRun(
        String id,
        String name,
        String experiment,
        RunStatus status,
        long startTime,
        OptionalLong endTime,
        SortedMap<String, String> params,
        SortedMap<String, String> tags,
        Optional<String> error,
        Path directory)
{
    public JournaledRun
    {
        requireNonNull(id, "id is null");
        requireNonNull(name, "name is null");
        requireNonNull(experiment, "experiment is null");
        requireNonNull(status, "status is null");
        requireNonNull(endTime, "endTime is null");
        params = Collections.unmodifiableSortedMap(new TreeMap<>(requireNonNull(params, "params is null")));
        tags = Collections.unmodifiableSortedMap(new TreeMap<>(requireNonNull(tags, "tags is null")));
        requireNonNull(error, "error is null");
        requireNonNull(directory, "directory is null");
    }

    public Path metricsFile()
    {
        return JournalLayout.metricsFile(directory);
    }

    public Path artifactsDirectory()
    {
        return JournalLayout.artifactsDirectory(directory);
    }

    JournaledRun ended(RunStatus endStatus, long endMillis, Optional<String> endError)
    {
        return new JournaledRun(id, name, experiment, endStatus, startTime, OptionalLong.of(endMillis), params, tags, endError, directory);
    }
}
