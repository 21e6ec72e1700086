package io.minimax.cli;

import io.minimax.core.journal.JournalReader;
import io.minimax.core.journal.JournaledImages;
import io.minimax.core.journal.JournaledMetrics;
import io.minimax.core.journal.JournaledRun;
import io.minimax.core.journal.RunListing;
import io.minimax.core.journal.RunLiveness;
import io.minimax.core.journal.RunMirrors;
import io.minimax.plugins.mlflow.JournalRun;
import io.minimax.spi.tracking.RunInfo;
import io.minimax.spi.tracking.RunStatus;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads the journal for {@code minimax sync}: every run with its metrics, its pictures and what it remembers about the server. A
 * crashed run (RUNNING in its journal, its process gone: see {@link RunLiveness}) is sent as FAILED, ended at its last
 * heartbeat, with the reason; the journal itself is left as it is, for {@code minimax resume}.
 */
final class JournalRuns
{
    static final String CRASH_ERROR = "the process ended without closing the run";

    record Read(List<JournalRun> runs, List<String> warnings) {}

    private JournalRuns() {}

    static Read read(Path runsDirectory, Optional<String> experiment, String store)
    {
        JournalReader reader = new JournalReader(runsDirectory);
        RunListing listing = experiment.map(reader::runs).orElseGet(reader::runs);
        List<String> warnings = new ArrayList<>(listing.warnings());
        List<JournalRun> runs = new ArrayList<>();
        RunLiveness liveness = RunLiveness.here();
        for (JournaledRun run : listing.runs()) {
            JournaledMetrics metrics = reader.metrics(run);
            warnings.addAll(metrics.warnings());
            JournaledImages images = reader.images(run.directory());
            warnings.addAll(images.warnings());
            Optional<String> crash = liveness.crashed(run);
            RunStatus status = crash.isPresent() ? RunStatus.FAILED : run.status();
            OptionalLong endTime = crash.isPresent() ? OptionalLong.of(RunLiveness.lastHeartbeat(run)) : run.endTime();
            Optional<String> error = crash.map(reason -> CRASH_ERROR + " (" + reason + ")").or(run::error);
            runs.add(new JournalRun(
                    new RunInfo(run.id(), run.name(), run.experiment(), run.directory(), run.startTime()),
                    status, endTime, error, run.params(), run.tags(), metrics.points(),
                    images.images().stream().map(image -> new JournalRun.Image(image.key(), image.step(), image.timestamp(), image.file()))
                            .toList(),
                    RunMirrors.read(run.directory(), store)));
        }
        return new Read(runs, warnings);
    }
}
