package io.minimax.cli;

import io.minimax.core.journal.JournalReader;
import io.minimax.core.journal.JournaledMetrics;
import io.minimax.core.journal.JournaledRun;
import io.minimax.core.journal.RunListing;
import io.minimax.core.journal.RunMirrors;
import io.minimax.plugins.mlflow.JournalRun;
import io.minimax.spi.tracking.RunInfo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads the journal for {@code minimax sync}: every run with its metrics and what it remembers about the server. */
final class JournalRuns
{
    record Read(List<JournalRun> runs, List<String> warnings) {}

    private JournalRuns() {}

    static Read read(Path runsDirectory, Optional<String> experiment, String store)
    {
        JournalReader reader = new JournalReader(runsDirectory);
        RunListing listing = experiment.map(reader::runs).orElseGet(reader::runs);
        List<String> warnings = new ArrayList<>(listing.warnings());
        List<JournalRun> runs = new ArrayList<>();
        for (JournaledRun run : listing.runs()) {
            JournaledMetrics metrics = reader.metrics(run);
            warnings.addAll(metrics.warnings());
            runs.add(new JournalRun(
                    new RunInfo(run.id(), run.name(), run.experiment(), run.directory(), run.startTime()),
                    run.status(), run.endTime(), run.error(), run.params(), run.tags(), metrics.points(),
                    RunMirrors.read(run.directory(), store)));
        }
        return new Read(runs, warnings);
    }
}
