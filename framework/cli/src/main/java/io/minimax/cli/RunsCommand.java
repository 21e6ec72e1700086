package io.minimax.cli;

import io.minimax.core.checkpoint.CheckpointFiles;
import io.minimax.core.journal.JournalReader;
import io.minimax.core.journal.JournaledMetrics;
import io.minimax.core.journal.JournaledRun;
import io.minimax.core.journal.RunListing;
import io.minimax.core.journal.RunLiveness;
import io.minimax.spi.tracking.MetricPoint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;

@Command(name = "runs", description = "List journaled runs with their status and final metrics.")
final class RunsCommand
        implements Callable<Integer>
{
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    @Option(names = "--runs-dir", paramLabel = "DIR", defaultValue = "runs",
            description = "Where run journals are (default: ${DEFAULT-VALUE}).")
    Path runsDirectory;

    @Option(names = "--experiment", paramLabel = "NAME", description = "Only this experiment's runs.")
    String experiment;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call()
    {
        PrintWriter out = spec.commandLine().getOut();
        if (!Files.isDirectory(runsDirectory)) {
            throw new InvalidInputException("no runs folder at " + runsDirectory.toAbsolutePath()
                    + " (run an experiment first, or pass --runs-dir)");
        }
        JournalReader reader = new JournalReader(runsDirectory);
        RunListing listing = experiment == null ? reader.runs() : reader.runs(experiment);

        List<String> header = new ArrayList<>(List.of("experiment", "run", "id", "status", "started (UTC)", "step", "checkpoint"));
        header.addAll(RunSummary.METRICS);
        TextTable table = new TextTable(header);
        List<String> warnings = new ArrayList<>(listing.warnings());
        RunLiveness liveness = RunLiveness.here();
        List<String> crashes = new ArrayList<>();
        for (JournaledRun run : listing.runs()) {
            Optional<String> crash = liveness.crashed(run);
            String id = run.id().substring(0, Math.min(8, run.id().length()));
            crash.ifPresent(reason -> crashes.add("run " + id + " (" + run.experiment() + " / " + run.name() + ") CRASHED: "
                    + reason + "; `minimax resume` can continue it"));
            JournaledMetrics metrics = reader.metrics(run);
            warnings.addAll(metrics.warnings());
            Map<String, MetricPoint> latest = metrics.latest();
            long step = latest.values().stream().mapToLong(MetricPoint::step).max().orElse(0);
            String status = crash.isPresent() ? "CRASHED" : run.status().name();
            List<String> row = new ArrayList<>(List.of(run.experiment(), run.name(), id, status,
                    TIME.format(Instant.ofEpochMilli(run.startTime())), Long.toString(step)));
            OptionalLong checkpoint = CheckpointFiles.latestStep(run.directory());
            row.add(checkpoint.isPresent() ? Long.toString(checkpoint.getAsLong()) : "-");
            for (String key : RunSummary.METRICS) {
                MetricPoint point = latest.get(key);
                row.add(TextTable.number(point == null ? null : point.value()));
            }
            table.row(row);
        }
        if (table.isEmpty()) {
            out.println("no runs under " + runsDirectory.toAbsolutePath());
        }
        else {
            table.print(out);
            crashes.forEach(out::println);
        }
        warnings.forEach(warning -> spec.commandLine().getErr().println("warning: " + warning));
        out.flush();
        return Main.SUCCESS;
    }
}
