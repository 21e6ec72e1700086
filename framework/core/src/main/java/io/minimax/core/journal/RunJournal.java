package io.minimax.core.journal;

import io.minimax.spi.tracking.MetricPoint;
import io.minimax.spi.tracking.RunInfo;
import io.minimax.spi.tracking.RunStatus;
import io.minimax.spi.tracking.Tracker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.function.Supplier;

import static java.nio.file.StandardOpenOption.APPEND;
import static java.nio.file.StandardOpenOption.CREATE;
import static java.nio.file.StandardOpenOption.TRUNCATE_EXISTING;
import static java.nio.file.StandardOpenOption.WRITE;
import static java.util.Objects.requireNonNull;

/**
 * The local, append-only journal of one run (see {@link JournalLayout}): the tracker that is always present and the
 * source of truth that other trackers and {@code minimax sync} replay. {@link #create} allocates the run's folder.
 * <p>
 * Safe against Ctrl-C: a shutdown hook may call {@link #runEnded} from another thread while training still logs.
 * Every method that writes is synchronized, each {@link #logMetrics} batch goes out as whole lines in one write and is
 * flushed to the operating system (not forced to disk: that would cost milliseconds per call), and the first
 * {@link #runEnded} wins: later calls, and metrics logged after it, are ignored.
 * <p>
 * Safe against a full disk: a batch that cannot be written whole is cut back off the file, and the heartbeat file holds
 * {@value #RESERVED_BYTES} bytes while the run goes, given back before the final {@code run.json} is written. Safe
 * against a kill: {@code run.json} names the process, and the heartbeat file's time is refreshed at most every
 * {@link RunLiveness#HEARTBEAT_INTERVAL} as metrics are logged, so {@link RunLiveness} can tell a crashed run.
 */
public final class RunJournal
        implements Tracker
{
    // room for the last run.json (params, error) on a disk that filled up during the run
    private static final int RESERVED_BYTES = 1 << 16;

    private final RunInfo run;
    private final Clock clock;
    private final Path metricsFile;
    private final Path heartbeatFile;
    private final StringBuilder lines = new StringBuilder(1024);
    private JournaledRun record;
    private FileChannel metrics;
    private long metricsSize;
    private long lastHeartbeat;
    private boolean ended;
    private List<MetricPoint> retrained = List.of();

    private RunJournal(RunInfo run, Clock clock)
    {
        this.run = requireNonNull(run, "run is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.metricsFile = JournalLayout.metricsFile(run.directory());
        this.heartbeatFile = JournalLayout.heartbeatFile(run.directory());
    }

    /**
     * Allocates a fresh run: a new run id (32 lowercase hex digits, like MLflow's) and the folder
     * {@code <runsDirectory>/<experiment>/<run id>/} with an empty {@code artifacts/}. The start time is now.
     *
     * @param experiment the descriptor's name, used as a folder name as written (see {@link JournalLayout#checkFolderName})
     * @param runName the display name, e.g. {@code loss=minimax seed=2}
     */
    public static RunJournal create(Path runsDirectory, String experiment, String runName, Clock clock)
    {
        return create(runsDirectory, experiment, runName, clock, RunFolders.randomRunIds(new SecureRandom()));
    }

    /**
     * Allocates the run {@code runId} planned ahead ({@code minimax submit}): as {@link #create(Path, String, String, Clock)},
     * with that id.
     *
     * @throws UncheckedIOException when its folder exists already: another process has that run
     */
    public static RunJournal create(Path runsDirectory, String experiment, String runId, String runName, Clock clock)
    {
        requireNonNull(runId, "runId is null");
        Path directory = runsDirectory.resolve(experiment).resolve(runId);
        if (Files.exists(directory)) {
            throw new UncheckedIOException("cannot create run folder " + directory, new FileAlreadyExistsException(directory.toString()));
        }
        return create(runsDirectory, experiment, runName, clock, () -> runId);
    }

    static RunJournal create(Path runsDirectory, String experiment, String runName, Clock clock, Supplier<String> runIds)
    {
        requireNonNull(runsDirectory, "runsDirectory is null");
        requireNonNull(runName, "runName is null");
        requireNonNull(clock, "clock is null");
        Path directory;
        try {
            directory = RunFolders.allocate(runsDirectory, experiment, runIds);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot create a run folder for experiment '" + experiment + "' in " + runsDirectory, e);
        }
        return new RunJournal(new RunInfo(directory.getFileName().toString(), runName, experiment, directory, clock.millis()), clock);
    }

    /**
     * Continues a run already on disk ({@code minimax resume}): the metrics after {@code step} are dropped (one atomic
     * rewrite of {@value JournalLayout#METRICS_FILE}, a torn last line with them), the run is RUNNING again with no end,
     * and new metrics are appended. Its trackers are not told it started again: it had. The points dropped are
     * {@link #retrained()}: the run logs them again as it trains their steps again.
     */
    public static RunJournal reopen(Path directory, long step, Clock clock)
    {
        Path runFile = JournalLayout.runFile(directory);
        try {
            JournaledRun recorded = RunJson.read(Files.readAllBytes(runFile), directory);
            RunJournal journal = new RunJournal(new RunInfo(recorded.id(), recorded.name(), recorded.experiment(), directory,
                    recorded.startTime()), clock);
            journal.retrained = JournalRewind.dropAfter(journal.metricsFile, JournalLayout.retrainedFile(directory), step);
            // this process now owns the run: a later look must see it alive, not the resumed process's crash
            journal.record = new JournaledRun(recorded.id(), recorded.name(), recorded.experiment(), RunStatus.RUNNING,
                    recorded.startTime(), OptionalLong.empty(), recorded.params(), recorded.tags(), Optional.empty(), directory,
                    Optional.of(RunProcess.current()));
            Files.write(journal.heartbeatFile, new byte[RESERVED_BYTES], CREATE, WRITE, TRUNCATE_EXISTING);
            journal.lastHeartbeat = clock.millis();
            journal.writeRecord();
            journal.openMetrics();
            return journal;
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot reopen the journal in " + directory, e);
        }
        catch (CorruptJournalException e) {
            throw new IllegalArgumentException(runFile + ": " + e.getMessage(), e);
        }
    }

    /**
     * For a reopened run, the first point it logged of each key and step after the step it resumes from, in this
     * attempt or an earlier one that was interrupted too; empty for a new run.
     */
    public List<MetricPoint> retrained()
    {
        return retrained;
    }

    /** The params and tags the run started with: for a reopened run, those of its {@code run.json}. */
    public synchronized Map<String, String> params()
    {
        return record == null ? Map.of() : Map.copyOf(record.params());
    }

    public synchronized Map<String, String> tags()
    {
        return record == null ? Map.of() : Map.copyOf(record.tags());
    }

    /** The run this journal records; pass it to every tracker's {@link #runStarted}. */
    public RunInfo info()
    {
        return run;
    }

    /** Stores the resolved descriptor (see {@code RunPlan.resolvedYaml}) as {@value JournalLayout#DESCRIPTOR_FILE}. */
    public void writeDescriptor(String resolvedYaml)
    {
        requireNonNull(resolvedYaml, "resolvedYaml is null");
        Path file = JournalLayout.descriptorFile(run.directory());
        try {
            AtomicFiles.write(file, resolvedYaml.getBytes(StandardCharsets.UTF_8));
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    @Override
    public synchronized void runStarted(RunInfo startedRun, Map<String, String> params, Map<String, String> tags)
    {
        requireNonNull(startedRun, "startedRun is null");
        requireNonNull(params, "params is null");
        requireNonNull(tags, "tags is null");
        if (!startedRun.id().equals(run.id()) || !startedRun.directory().equals(run.directory())) {
            throw new IllegalArgumentException("this journal records run " + run.id() + " in " + run.directory() + ", not run "
                    + startedRun.id());
        }
        if (ended) {
            // killed between allocation and start: keep the KILLED record
            return;
        }
        if (record != null) {
            throw new IllegalStateException("run " + run.id() + " has already started");
        }
        record = new JournaledRun(run.id(), run.name(), run.experiment(), RunStatus.RUNNING, run.startTime(), OptionalLong.empty(),
                new TreeMap<>(params), new TreeMap<>(tags), Optional.empty(), run.directory(), Optional.of(RunProcess.current()));
        try {
            Files.write(heartbeatFile, new byte[RESERVED_BYTES], CREATE, WRITE, TRUNCATE_EXISTING);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot write " + heartbeatFile, e);
        }
        lastHeartbeat = clock.millis();
        writeRecord();
        openMetrics();
    }

    private void openMetrics()
    {
        try {
            metrics = FileChannel.open(metricsFile, CREATE, WRITE, APPEND);
            metricsSize = metrics.size();
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot open " + metricsFile, e);
        }
    }

    /** Appends one line per point and flushes. Ignored once the run has ended (a late batch racing a Ctrl-C). */
    @Override
    public synchronized void logMetrics(List<MetricPoint> points)
    {
        requireNonNull(points, "points is null");
        if (ended || points.isEmpty()) {
            return;
        }
        if (metrics == null) {
            throw new IllegalStateException("logMetrics before runStarted or after close, run " + run.id());
        }
        lines.setLength(0);
        for (MetricPoint point : points) {
            MetricLines.append(point, lines);
        }
        ByteBuffer bytes = ByteBuffer.wrap(lines.toString().getBytes(StandardCharsets.UTF_8));
        try {
            while (bytes.hasRemaining()) {
                metrics.write(bytes);
            }
            metricsSize += bytes.limit();
        }
        catch (IOException e) {
            cutBack(e);
            throw new UncheckedIOException("cannot append metrics to " + metricsFile, e);
        }
        heartbeat();
    }

    /** Removes the part of a batch that did reach the file (a full disk), so that no cut-off line is left behind. */
    private void cutBack(IOException failure)
    {
        try {
            metrics.truncate(metricsSize);
        }
        catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    /** Refreshes the heartbeat file's time, at most every {@link RunLiveness#HEARTBEAT_INTERVAL}: one system call. */
    private void heartbeat()
    {
        long now = clock.millis();
        if (now - lastHeartbeat < RunLiveness.HEARTBEAT_INTERVAL.toMillis()) {
            return;
        }
        lastHeartbeat = now;
        try {
            Files.setLastModifiedTime(heartbeatFile, FileTime.fromMillis(now));
        }
        catch (IOException e) {
            // a missed heartbeat only matters to a reader on another host, after the timeout
        }
    }

    /** Copies {@code file} into {@code artifacts/<artifactPath>/}, unless that is where it already is. */
    @Override
    public void logArtifact(Path file, String artifactPath)
    {
        requireNonNull(file, "file is null");
        requireNonNull(artifactPath, "artifactPath is null");
        Path artifacts = JournalLayout.artifactsDirectory(run.directory()).toAbsolutePath().normalize();
        Path folder = artifacts.resolve(artifactPath).normalize();
        if (!folder.startsWith(artifacts) || Path.of(artifactPath).isAbsolute()) {
            throw new IllegalArgumentException("artifact path '" + artifactPath + "' leaves the run's artifacts folder");
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("artifact " + file + " is not a file");
        }
        Path target = folder.resolve(file.getFileName());
        try {
            if (Files.exists(target) && Files.isSameFile(file, target)) {
                return;
            }
            Files.createDirectories(folder);
            AtomicFiles.copy(file, target);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot copy artifact " + file + " to " + target, e);
        }
    }

    /**
     * Appends the picture to {@value JournalLayout#IMAGES_FILE} (its file relative to the run's folder, where it must
     * be), for {@code minimax sync}. Ignored once the run has ended.
     */
    @Override
    public synchronized void logImage(Path file, String key, long step)
    {
        requireNonNull(file, "file is null");
        requireNonNull(key, "key is null");
        if (ended) {
            return;
        }
        Path directory = run.directory().toAbsolutePath().normalize();
        Path absolute = file.toAbsolutePath().normalize();
        if (!absolute.startsWith(directory)) {
            throw new IllegalArgumentException("image " + file + " is not inside the run's folder " + run.directory());
        }
        String relative = directory.relativize(absolute).toString().replace('\\', '/');
        Path images = JournalLayout.imagesFile(run.directory());
        try {
            Files.writeString(images, ImageLines.line(key, step, clock.millis(), relative), CREATE, WRITE, APPEND);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot append an image to " + images, e);
        }
    }

    /**
     * Records the end once; later calls are ignored, so a shutdown hook's KILLED cannot overwrite FINISHED.
     *
     * @param error kept for {@link RunStatus#FAILED} only
     */
    @Override
    public synchronized void runEnded(RunStatus status, Optional<String> error)
    {
        requireNonNull(status, "status is null");
        requireNonNull(error, "error is null");
        if (status == RunStatus.RUNNING) {
            throw new IllegalArgumentException("a run cannot end as RUNNING");
        }
        if (ended) {
            return;
        }
        ended = true;
        if (record == null) {
            // ended before it started (Ctrl-C during setup): still leave a readable run.json
            record = new JournaledRun(run.id(), run.name(), run.experiment(), RunStatus.RUNNING, run.startTime(), OptionalLong.empty(),
                    new TreeMap<>(), new TreeMap<>(), Optional.empty(), run.directory());
        }
        record = record.ended(status, clock.millis(), status == RunStatus.FAILED ? error : Optional.empty());
        try {
            closeMetrics();
        }
        finally {
            releaseReserve();
            writeRecord();
        }
    }

    /** Releases the metrics file; does not end the run. */
    @Override
    public synchronized void close()
    {
        closeMetrics();
    }

    private void closeMetrics()
    {
        if (metrics == null) {
            return;
        }
        try {
            metrics.close();
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot close " + metricsFile, e);
        }
        finally {
            metrics = null;
        }
    }

    private void releaseReserve()
    {
        try {
            if (Files.exists(heartbeatFile)) {
                try (FileChannel channel = FileChannel.open(heartbeatFile, WRITE)) {
                    channel.truncate(0);
                }
            }
        }
        catch (IOException e) {
            // the final run.json may still fit
        }
    }

    private void writeRecord()
    {
        Path runFile = JournalLayout.runFile(run.directory());
        try {
            AtomicFiles.write(runFile, RunJson.write(record));
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot write " + runFile, e);
        }
    }
}
