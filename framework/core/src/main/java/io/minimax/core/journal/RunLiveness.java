package io.minimax.core.journal;

import io.minimax.spi.tracking.RunStatus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

import static java.util.Objects.requireNonNull;

/**
 * Tells a run whose process is gone from one still in progress: {@code kill -9}, an out-of-memory kill or a power loss
 * leave a run RUNNING in its journal. On the host that wrote it, a run is crashed when its pid is not alive (or now
 * belongs to a process started at another time); on another host, when its heartbeat is older than the timeout.
 * A journal written before runs recorded their process cannot be told, and stays RUNNING.
 */
public final class RunLiveness
{
    /** How often a running journal refreshes its heartbeat (see {@link RunJournal}). */
    public static final Duration HEARTBEAT_INTERVAL = Duration.ofSeconds(5);
    /** How old a heartbeat from another host may be before its run counts as crashed. */
    public static final Duration HEARTBEAT_TIMEOUT = Duration.ofMinutes(10);

    private final String host;
    private final Clock clock;
    private final Duration timeout;

    public RunLiveness(String host, Clock clock, Duration timeout)
    {
        this.host = requireNonNull(host, "host is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.timeout = requireNonNull(timeout, "timeout is null");
    }

    /** On this host, with the wall clock and {@link #HEARTBEAT_TIMEOUT}. */
    public static RunLiveness here()
    {
        return new RunLiveness(RunProcess.hostName(), Clock.systemUTC(), HEARTBEAT_TIMEOUT);
    }

    /** Why the run is crashed, e.g. {@code process 4242 on gpu-3 is gone}; empty unless it is RUNNING and its process is gone. */
    public Optional<String> crashed(JournaledRun run)
    {
        if (run.status() != RunStatus.RUNNING || run.process().isEmpty()) {
            return Optional.empty();
        }
        RunProcess process = run.process().get();
        if (process.host().equals(host)) {
            return alive(process) ? Optional.empty() : Optional.of("process " + process.pid() + " on " + process.host() + " is gone");
        }
        long heartbeat = lastHeartbeat(run);
        long age = clock.millis() - heartbeat;
        if (age <= timeout.toMillis()) {
            return Optional.empty();
        }
        return Optional.of("no heartbeat from process " + process.pid() + " on " + process.host() + " since "
                + Instant.ofEpochMilli(heartbeat) + " (timeout " + timeout.toMinutes() + " min)");
    }

    /** When the run's process last showed it was alive: its heartbeat file's time, else its start. */
    public static long lastHeartbeat(JournaledRun run)
    {
        Path file = JournalLayout.heartbeatFile(run.directory());
        try {
            return Math.max(run.startTime(), Files.getLastModifiedTime(file).toMillis());
        }
        catch (IOException e) {
            return run.startTime();
        }
    }

    private static boolean alive(RunProcess process)
    {
        Optional<ProcessHandle> handle = ProcessHandle.of(process.pid()).filter(ProcessHandle::isAlive);
        if (handle.isEmpty()) {
            return false;
        }
        OptionalLong started = RunProcess.startTime(handle.get());
        // a pid reused by a later process: start times computed from the same boot agree to the tick
        return process.startTime().isEmpty() || started.isEmpty() || Math.abs(started.getAsLong() - process.startTime().getAsLong()) < 1000;
    }
}
