package io.minimax.plugins.mlflow;

import io.minimax.spi.tracking.MetricPoint;
import io.minimax.spi.tracking.MirroredRun;
import io.minimax.spi.tracking.RunInfo;
import io.minimax.spi.tracking.RunStatus;
import io.minimax.spi.tracking.Tracker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * Mirrors one run (or a sweep's parent) to an MLflow server without slowing training: every call from the training
 * thread only puts an event on a bounded queue, and one thread of the tracker's own sends them in order. When the
 * queue is full (the server is far slower than training) points are left out of the mirror rather than waited for;
 * the journal has them and {@code minimax sync} sends them. {@link #close} waits a bounded time for the queue to drain.
 */
final class MlflowTracker
        implements Tracker
{
    static final int QUEUE_CAPACITY = 4096;
    private static final long QUIET_FLUSH_MILLIS = 1000;

    private sealed interface Event permits Started, Resumed, Logged, Artifact, Image, Ended {}

    private record Started(RunInfo run, Map<String, String> params, Map<String, String> tags) implements Event {}

    private record Resumed(RunInfo run, Map<String, String> params, Map<String, String> tags, List<MetricPoint> journaled)
            implements Event {}

    private record Logged(List<MetricPoint> points) implements Event {}

    private record Artifact(Path file, String artifactPath) implements Event {}

    private record Image(Path file, String key, long step, long timestampMillis) implements Event {}

    private record Ended(RunStatus status, Optional<String> error) implements Event {}

    private final Function<Map<String, String>, RemoteWork> workForTags;
    private final MlflowWarnings warnings;
    private final TrackingUri server;
    private final long closeTimeoutMillis;
    private final String logCheckpoints;
    private Optional<Path> finalCheckpoint = Optional.empty();
    private final BlockingQueue<Event> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final FinalValues finals = new FinalValues();
    private volatile RemoteWork work;
    private Thread sender;

    /** @param workForTags picks the work from the run's tags: a sweep's parent or a run */
    MlflowTracker(Function<Map<String, String>, RemoteWork> workForTags, MlflowWarnings warnings, TrackingUri server,
            long closeTimeoutMillis)
    {
        this(workForTags, warnings, server, closeTimeoutMillis, MlflowTrackerSpec.NONE);
    }

    /** @param logCheckpoints which checkpoints become artifacts: {@code none}, {@code final} or {@code all} */
    MlflowTracker(Function<Map<String, String>, RemoteWork> workForTags, MlflowWarnings warnings, TrackingUri server,
            long closeTimeoutMillis, String logCheckpoints)
    {
        this.logCheckpoints = requireNonNull(logCheckpoints, "logCheckpoints is null");
        this.workForTags = requireNonNull(workForTags, "workForTags is null");
        this.warnings = requireNonNull(warnings, "warnings is null");
        this.server = requireNonNull(server, "server is null");
        this.closeTimeoutMillis = closeTimeoutMillis;
    }

    static boolean isSweep(Map<String, String> tags)
    {
        return SweepTags.SWEEP_ROLE.equals(tags.get(SweepTags.ROLE));
    }

    /** The work of a started sweep parent, for its children; empty before {@link #runStarted} or for a run. */
    Optional<SweepStream> sweep()
    {
        return work instanceof SweepStream stream ? Optional.of(stream) : Optional.empty();
    }

    @Override
    public void runStarted(RunInfo run, Map<String, String> params, Map<String, String> tags)
    {
        requireNonNull(run, "run is null");
        if (work != null) {
            throw new IllegalStateException("run " + run.id() + " has already started");
        }
        work = workForTags.apply(tags);
        sender = new Thread(this::send, "minimax-mlflow-" + run.id().substring(0, Math.min(8, run.id().length())));
        sender.setDaemon(true);
        queue.add(new Started(run, Map.copyOf(params), Map.copyOf(tags)));
        sender.start();
    }

    @Override
    public void runResumed(RunInfo run, Map<String, String> params, Map<String, String> tags, List<MetricPoint> journaled)
    {
        requireNonNull(run, "run is null");
        if (work != null) {
            throw new IllegalStateException("run " + run.id() + " has already started");
        }
        work = workForTags.apply(tags);
        finals.add(journaled);
        sender = new Thread(this::send, "minimax-mlflow-" + run.id().substring(0, Math.min(8, run.id().length())));
        sender.setDaemon(true);
        queue.add(new Resumed(run, Map.copyOf(params), Map.copyOf(tags), List.copyOf(journaled)));
        sender.start();
    }

    @Override
    public void logMetrics(List<MetricPoint> points)
    {
        if (work == null || points.isEmpty()) {
            return;
        }
        finals.add(points);
        enqueue(new Logged(List.copyOf(points)));
    }

    @Override
    public void logArtifact(Path file, String artifactPath)
    {
        if (work != null) {
            enqueue(new Artifact(file, artifactPath));
        }
    }

    /**
     * With {@code all}, each checkpoint's files go to {@code checkpoints/<folder>/} as it is written (a checkpoint
     * deleted for newer ones before its turn comes is missing there, with a warning); with {@code final}, the last
     * one written goes when the run ends.
     */
    @Override
    public void checkpointWritten(Path folder, long step)
    {
        if (work == null) {
            return;
        }
        if (logCheckpoints.equals(MlflowTrackerSpec.ALL)) {
            logCheckpoint(folder);
        }
        else if (logCheckpoints.equals(MlflowTrackerSpec.FINAL)) {
            finalCheckpoint = Optional.of(folder);
        }
    }

    private void logCheckpoint(Path folder)
    {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                enqueue(new Artifact(file, "checkpoints/" + folder.getFileName()));
            }
        }
        catch (IOException e) {
            work.markIncomplete();
            warnings.once("checkpoint " + folder, "cannot log checkpoint " + folder + " to MLflow: " + e);
        }
    }

    @Override
    public void logImage(Path file, String key, long step)
    {
        if (work != null) {
            enqueue(new Image(file, key, step, System.currentTimeMillis()));
        }
    }

    @Override
    public void runEnded(RunStatus status, Optional<String> error)
    {
        if (work == null) {
            return;
        }
        finalCheckpoint.ifPresent(this::logCheckpoint);
        try {
            // after training: waiting here for room costs nothing but keeps the end from being lost
            if (!queue.offer(new Ended(status, error), closeTimeoutMillis, TimeUnit.MILLISECONDS)) {
                work.markIncomplete();
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            work.markIncomplete();
        }
    }

    @Override
    public void close()
    {
        if (sender == null) {
            return;
        }
        try {
            sender.join(closeTimeoutMillis);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (sender.isAlive()) {
            warnings.once("slow " + server, "MLflow at " + server + " did not take a run's last requests within "
                    + closeTimeoutMillis / 1000
                    + " s; they are in the journal: " + MlflowWarnings.syncHint(server));
            work.markIncomplete();
            sender.interrupt();
        }
    }

    @Override
    public Optional<MirroredRun> mirroredRun()
    {
        return work == null ? Optional.empty() : work.mirror();
    }

    private void enqueue(Event event)
    {
        if (!queue.offer(event)) {
            work.markIncomplete();
            warnings.once("queue " + server, "MLflow at " + server + " is slower than training: some points are only in the journal;"
                    + " after the run: " + MlflowWarnings.syncHint(server));
        }
    }

    private void send()
    {
        try {
            while (true) {
                Event event = queue.poll(QUIET_FLUSH_MILLIS, TimeUnit.MILLISECONDS);
                if (event == null) {
                    work.flush();
                }
                else if (event instanceof Started started) {
                    work.start(started.run(), started.params(), started.tags());
                }
                else if (event instanceof Resumed resumed) {
                    work.resume(resumed.run(), resumed.params(), resumed.tags(), resumed.journaled());
                }
                else if (event instanceof Logged logged) {
                    work.metrics(logged.points());
                }
                else if (event instanceof Artifact artifact) {
                    work.artifact(artifact.file(), artifact.artifactPath());
                }
                else if (event instanceof Image image) {
                    work.image(image.file(), image.key(), image.step(), image.timestampMillis());
                }
                else if (event instanceof Ended ended) {
                    work.end(ended.status(), ended.error(), finals.compute());
                    return;
                }
            }
        }
        catch (InterruptedException e) {
            work.markIncomplete();
        }
        catch (RuntimeException e) {
            // a bug here must not end training; the journal is whole, so say so and stop mirroring
            work.markIncomplete();
            warnings.once("bug " + e, "the MLflow tracker stopped: " + e + "; the journal is complete: " + MlflowWarnings.syncHint(server));
        }
    }
}
