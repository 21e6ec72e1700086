package io.minimax.spi.tracking;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Receives what a run records. The local journal is one tracker and always present; others (MLflow) mirror it.
 * Calls come from the training thread in this order: {@link #runStarted}, any number of {@link #logMetrics} and
 * {@link #logArtifact}, {@link #runEnded}, {@link #close}. A tracker must not slow training down: anything that
 * touches the network belongs on its own thread behind a bounded queue.
 */
public interface Tracker
        extends AutoCloseable
{
    /**
     * @param params the resolved descriptor flattened to dotted keys, values as plain text
     * @param tags run tags (e.g. {@code mlflow.runName})
     */
    void runStarted(RunInfo run, Map<String, String> params, Map<String, String> tags);

    void logMetrics(List<MetricPoint> metrics);

    /**
     * @param file a file inside the run's journal folder
     * @param artifactPath the folder inside the run's artifacts, "" for the top
     */
    void logArtifact(Path file, String artifactPath);

    /** @param error why the run failed, for FAILED */
    void runEnded(RunStatus status, Optional<String> error);

    @Override
    default void close() {}
}
