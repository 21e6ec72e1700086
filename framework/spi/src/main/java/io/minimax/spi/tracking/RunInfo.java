package io.minimax.spi.tracking;

import java.nio.file.Path;

import static java.util.Objects.requireNonNull;

/**
 * Identity of one run.
 *
 * @param id unique run id (also the journal folder's name)
 * @param name display name, e.g. {@code loss=minimax seed=2}, or the experiment name for a single run
 * @param experiment the descriptor's {@code name}
 * @param directory the run's journal folder
 * @param startTime milliseconds since the epoch
 */
public record RunInfo(String id, String name, String experiment, Path directory, long startTime)
{
    public RunInfo
    {
        requireNonNull(id, "id is null");
        requireNonNull(name, "name is null");
        requireNonNull(experiment, "experiment is null");
        requireNonNull(directory, "directory is null");
    }
}
