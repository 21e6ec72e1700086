package io.minimax.spi.tracking;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Receives what a run records. The local journal is one tracker and always present; others mirror it, some into a
 * remote store of their own.
 * Calls come from the training thread in this order: {@link #runStarted} (or {@link #runResumed}), any number of
 * {@link #logMetrics}, {@link #logArtifact}, {@link #logImage} and {@link #checkpointWritten}, {@link #runEnded},
 * {@link #close}. A tracker must not slow training down: anything that touches the network belongs on its own thread
 * behind a bounded queue.
 */
public interface Tracker
        extends AutoCloseable
{
    /**
     * @param params the resolved descriptor flattened to dotted keys, values as plain text
     * @param tags run tags (e.g. the run's name, its source, its sweep)
     */
    void runStarted(RunInfo run, Map<String, String> params, Map<String, String> tags);

    /**
     * Instead of {@link #runStarted}, for a run that continues in a new process after an interruption
     * ({@code minimax resume}): it takes up training after the step of its checkpoint. A tracker that mirrors runs
     * into a store continues the run it mirrored, as {@code params} and {@code tags} identify it, and brings it up
     * to {@code journaled}. The steps after the checkpoint are trained again, and their points logged again with their
     * first timestamps where the value is the same (a time measurement keeps its first value), so a store that
     * cannot delete points ends up with the journal's. The default starts a new run that holds {@code journaled}.
     *
     * @param journaled what the run's journal holds now, in logged order: its points up to the checkpoint's step
     */
    default void runResumed(RunInfo run, Map<String, String> params, Map<String, String> tags, List<MetricPoint> journaled)
    {
        runStarted(run, params, tags);
        logMetrics(journaled);
    }

    void logMetrics(List<MetricPoint> metrics);

    /**
     * @param file a file inside the run's journal folder
     * @param artifactPath the folder inside the run's artifacts, "" for the top
     */
    void logArtifact(Path file, String artifactPath);

    /**
     * A checkpoint of the run was written ({@code train.checkpointEvery}, after the last step, on Ctrl-C): a folder
     * of the run's journal that holds {@code manifest.json} and the arrays' files. It may be deleted once newer ones
     * are written ({@code train.keepCheckpoints}). The default ignores it.
     *
     * @param step the step the checkpoint was taken after
     */
    default void checkpointWritten(Path folder, long step) {}

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
