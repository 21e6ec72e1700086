package io.minimax.spi.tracking;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Receives what a run records. The local journal is one tracker and always present; others mirror it, some into a
 * remote store of their own.
 * Calls come from the training thread in this order: {@link #runStarted}, any number of {@link #logMetrics},
 * {@link #logArtifact} and {@link #logImage}, {@link #runEnded}, {@link #close}. A tracker must not slow training
 * down: anything that touches the network belongs on its own thread behind a bounded queue.
 */
public interface Tracker
        extends AutoCloseable
{
    /**
     * @param params the resolved descriptor flattened to dotted keys, values as plain text
     * @param tags run tags (e.g. the run's name, its source, its sweep)
     */
    void runStarted(RunInfo run, Map<String, String> params, Map<String, String> tags);

    void logMetrics(List<MetricPoint> metrics);

    /**
     * @param file a file inside the run's journal folder
     * @param artifactPath the folder inside the run's artifacts, "" for the top
     */
    void logArtifact(Path file, String artifactPath);

    /**
     * One picture of a series that changes as training goes (the grid of generated samples at each evaluation), for a
     * tracker whose store shows such series with a step slider; the default does nothing. Called after
     * {@link #logArtifact} of the same file, so a tracker without an image view loses nothing.
     *
     * @param file a PNG inside the run's journal folder
     * @param key the series, e.g. {@code samples}: letters, digits, {@code _ - . /} and spaces
     * @param step the step the picture belongs to
     */
    default void logImage(Path file, String key, long step) {}

    /** @param error why the run failed, for FAILED */
    void runEnded(RunStatus status, Optional<String> error);

    @Override
    default void close() {}

    /**
     * Where the run was copied to, for a tracker that mirrors it into a remote store, and whether completely; the
     * framework remembers it in the journal so that a later replay continues the same remote run. Called after
     * {@link #close}. Empty (the default) for a tracker that keeps nothing remote, or when the run never reached the
     * store.
     */
    default Optional<MirroredRun> mirroredRun()
    {
        return Optional.empty();
    }
}
