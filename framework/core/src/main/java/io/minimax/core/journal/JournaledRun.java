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
 * @param process the process that writes (or wrote) the run; empty in journals older than this field
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
        Path directory,
        Optional<RunProcess> process)
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
        requireNonNull(process, "process is null");
    }

    /** A run with no recorded process. */
    public JournaledRun(String id, String name, String experiment, RunStatus status, long startTime, OptionalLong endTime,
            SortedMap<String, String> params, SortedMap<String, String> tags, Optional<String> error, Path directory)
    {
        this(id, name, experiment, status, startTime, endTime, params, tags, error, directory, Optional.empty());
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
        return new JournaledRun(id, name, experiment, endStatus, startTime, OptionalLong.of(endMillis), params, tags, endError, directory,
                process);
    }
}
