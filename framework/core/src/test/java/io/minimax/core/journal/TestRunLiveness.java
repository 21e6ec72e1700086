package io.minimax.core.journal;

import io.minimax.spi.tracking.MetricPoint;
import io.minimax.spi.tracking.RunStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class TestRunLiveness
{
    private static final long START = 1_700_000_000_000L;

    @TempDir
    Path runs;

    @Test
    void aRunOfThisLiveProcessIsNotCrashed()
    {
        TestingClock clock = new TestingClock(START);
        RunJournal journal = RunJournal.create(runs, "ring-8", "ring-8", clock);
        journal.runStarted(journal.info(), Map.of(), Map.of());

        JournaledRun run = new JournalReader(runs).runs().runs().get(0);

        assertThat(run.process()).hasValue(RunProcess.current());
        assertThat(new RunLiveness(RunProcess.hostName(), clock, Duration.ofMinutes(10)).crashed(run)).isEmpty();
    }

    @Test
    void aRunWhoseProcessIsGoneOnThisHostIsCrashed()
            throws Exception
    {
        Process child = new ProcessBuilder("true").start();
        child.waitFor();
        JournaledRun run = running(new RunProcess(child.pid(), RunProcess.hostName(), OptionalLong.empty()));

        assertThat(new RunLiveness(RunProcess.hostName(), new TestingClock(START), Duration.ofMinutes(10)).crashed(run))
                .hasValue("process " + child.pid() + " on " + RunProcess.hostName() + " is gone");
    }

    @Test
    void aReusedPidIsNotTheRunsProcess()
    {
        RunProcess self = RunProcess.current();
        JournaledRun run = running(new RunProcess(self.pid(), self.host(), OptionalLong.of(self.startTime().orElse(0) - 60_000)));

        assertThat(new RunLiveness(self.host(), new TestingClock(START), Duration.ofMinutes(10)).crashed(run)).isPresent();
    }

    @Test
    void onAnotherHostTheHeartbeatDecides()
            throws Exception
    {
        JournaledRun run = running(new RunProcess(4242, "gpu-3", OptionalLong.empty()));
        Files.write(JournalLayout.heartbeatFile(run.directory()), new byte[0]);
        Files.setLastModifiedTime(JournalLayout.heartbeatFile(run.directory()), FileTime.fromMillis(START + 60_000));
        TestingClock clock = new TestingClock(START + 60_000 + Duration.ofMinutes(10).toMillis());
        RunLiveness liveness = new RunLiveness("laptop", clock, Duration.ofMinutes(10));

        assertThat(liveness.crashed(run)).isEmpty();
        clock.set(clock.millis() + 1);
        assertThat(liveness.crashed(run)).hasValueSatisfying(reason -> assertThat(reason)
                .startsWith("no heartbeat from process 4242 on gpu-3 since 2023-11-14T22:14:20Z"));
    }

    @Test
    void endedRunsAndOldJournalsAreNeverCrashed()
    {
        RunLiveness liveness = new RunLiveness("laptop", new TestingClock(START + Duration.ofDays(9).toMillis()), Duration.ofMinutes(10));
        JournaledRun old = new JournaledRun("a", "a", "ring-8", RunStatus.RUNNING, START, OptionalLong.empty(), new TreeMap<>(),
                new TreeMap<>(), Optional.empty(), runs);
        JournaledRun gone = running(new RunProcess(4242, "gpu-3", OptionalLong.empty()));

        assertThat(liveness.crashed(old)).isEmpty();
        assertThat(liveness.crashed(gone.ended(RunStatus.FINISHED, START + 1, Optional.empty()))).isEmpty();
    }

    @Test
    void theHeartbeatIsRefreshedAsMetricsAreLoggedAndItsReserveIsGivenBackAtTheEnd()
            throws Exception
    {
        TestingClock clock = new TestingClock(START);
        RunJournal journal = RunJournal.create(runs, "ring-8", "ring-8", clock);
        journal.runStarted(journal.info(), Map.of(), Map.of());
        Path heartbeat = JournalLayout.heartbeatFile(journal.info().directory());
        assertThat(Files.size(heartbeat)).as("space reserved for the end").isPositive();
        Files.setLastModifiedTime(heartbeat, FileTime.fromMillis(START));

        clock.set(START + 1_000);
        journal.logMetrics(List.of(new MetricPoint("loss/generator", 0.5, 1, START + 1_000)));
        assertThat(Files.getLastModifiedTime(heartbeat).toMillis()).as("at most every 5 s").isEqualTo(START);
        clock.set(START + 6_000);
        journal.logMetrics(List.of(new MetricPoint("loss/generator", 0.4, 2, START + 6_000)));
        assertThat(Files.getLastModifiedTime(heartbeat).toMillis()).isEqualTo(START + 6_000);

        journal.runEnded(RunStatus.FINISHED, Optional.empty());
        assertThat(Files.size(heartbeat)).isZero();
    }

    private JournaledRun running(RunProcess process)
    {
        Path directory = runs.resolve("ring-8").resolve(Long.toString(process.pid()));
        try {
            Files.createDirectories(directory);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new JournaledRun("r" + process.pid(), "ring-8", "ring-8", RunStatus.RUNNING, START, OptionalLong.empty(),
                new TreeMap<>(), new TreeMap<>(), Optional.empty(), directory, Optional.of(process));
    }
}
