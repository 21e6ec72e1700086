package io.minimax.core.journal;

import io.minimax.spi.tracking.MetricPoint;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * Reads journals back (for {@code minimax runs} and {@code minimax sync}). Damage is reported, never thrown: a run
 * whose {@code run.json} cannot be read, or a line of {@code metrics.jsonl} that cannot be parsed (typically the last
 * one, cut by a kill), is skipped with a warning naming the file and the problem.
 */
public final class JournalReader
{
    private final Path runsDirectory;

    public JournalReader(Path runsDirectory)
    {
        this.runsDirectory = requireNonNull(runsDirectory, "runsDirectory is null");
    }

    /** Experiment folder names, sorted; empty when the runs folder does not exist. */
    public List<String> experiments()
    {
        List<String> warnings = new ArrayList<>();
        List<String> names = subfolders(runsDirectory, warnings).stream()
                .map(folder -> folder.getFileName().toString())
                .toList();
        if (!warnings.isEmpty()) {
            throw new IllegalStateException(String.join("; ", warnings));
        }
        return names;
    }

    /** Every run of every experiment. */
    public RunListing runs()
    {
        List<JournaledRun> runs = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (Path experiment : subfolders(runsDirectory, warnings)) {
            readRuns(experiment, runs, warnings);
        }
        return sorted(runs, warnings);
    }

    public RunListing runs(String experiment)
    {
        List<JournaledRun> runs = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        readRuns(runsDirectory.resolve(JournalLayout.checkFolderName(experiment, "experiment name")), runs, warnings);
        return sorted(runs, warnings);
    }

    /**
     * The one run {@code runId} of the experiment, without listing the others (a cluster task's own runs among
     * thousands on a shared filesystem): none, without a warning, when its folder does not exist.
     */
    public RunListing run(String experiment, String runId)
    {
        List<JournaledRun> runs = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Path runDirectory = JournalLayout.runDirectory(runsDirectory, experiment, runId);
        if (Files.isDirectory(runDirectory)) {
            readRun(runDirectory, runs, warnings);
        }
        return new RunListing(runs, warnings);
    }

    public JournaledMetrics metrics(JournaledRun run)
    {
        return metrics(run.directory());
    }

    /** Empty, without warnings, for a run that has not logged anything yet. */
    public JournaledMetrics metrics(Path runDirectory)
    {
        Path file = JournalLayout.metricsFile(runDirectory);
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        }
        catch (NoSuchFileException e) {
            return new JournaledMetrics(List.of(), List.of());
        }
        catch (IOException e) {
            return new JournaledMetrics(List.of(), List.of(file + ": cannot be read (" + e + ")"));
        }
        // decoding replaces a multi-byte character cut by a kill instead of failing the whole file
        String text = new String(content, StandardCharsets.UTF_8);
        boolean endsWithNewline = text.endsWith("\n");
        List<String> lines = text.lines().toList();
        List<MetricPoint> points = new ArrayList<>(lines.size());
        List<String> warnings = new ArrayList<>();
        for (int index = 0; index < lines.size(); index++) {
            String line = lines.get(index);
            if (line.isBlank()) {
                continue;
            }
            try {
                points.add(MetricLines.parse(line));
            }
            catch (CorruptJournalException e) {
                boolean truncated = index == lines.size() - 1 && !endsWithNewline;
                warnings.add(file + " line " + (index + 1) + ": "
                        + (truncated ? "truncated (the run was probably killed while writing it)" : e.getMessage())
                        + "; line skipped");
            }
        }
        return new JournaledMetrics(points, warnings);
    }

    /**
     * The pictures a run logged, the last of each key and step (a resumed run logs the steps it trains again anew), in
     * logged order; lines that cannot be read are skipped with a warning. Empty for a run that logged none.
     */
    public JournaledImages images(Path runDirectory)
    {
        Path file = JournalLayout.imagesFile(runDirectory);
        List<String> lines;
        try {
            lines = Files.readString(file, StandardCharsets.UTF_8).lines().toList();
        }
        catch (NoSuchFileException e) {
            return new JournaledImages(List.of(), List.of());
        }
        catch (IOException e) {
            return new JournaledImages(List.of(), List.of(file + ": cannot be read (" + e + ")"));
        }
        Map<List<Object>, JournaledImage> latest = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        for (int index = 0; index < lines.size(); index++) {
            if (lines.get(index).isBlank()) {
                continue;
            }
            try {
                JournaledImage image = ImageLines.parse(lines.get(index), runDirectory);
                List<Object> identity = List.of(image.key(), image.step());
                latest.remove(identity);
                latest.put(identity, image);
            }
            catch (CorruptJournalException e) {
                warnings.add(file + " line " + (index + 1) + ": " + e.getMessage() + "; line skipped");
            }
        }
        return new JournaledImages(List.copyOf(latest.values()), warnings);
    }

    private static void readRuns(Path experiment, List<JournaledRun> runs, List<String> warnings)
    {
        if (!Files.isDirectory(experiment)) {
            warnings.add(experiment + ": no such experiment folder");
            return;
        }
        for (Path runDirectory : subfolders(experiment, warnings)) {
            readRun(runDirectory, runs, warnings);
        }
    }

    private static void readRun(Path runDirectory, List<JournaledRun> runs, List<String> warnings)
    {
        Path runFile = JournalLayout.runFile(runDirectory);
        try {
            runs.add(RunJson.read(Files.readAllBytes(runFile), runDirectory));
        }
        catch (NoSuchFileException e) {
            warnings.add(runFile + ": missing (the run was interrupted before it started?); run skipped");
        }
        catch (IOException e) {
            warnings.add(runFile + ": cannot be read (" + e + "); run skipped");
        }
        catch (CorruptJournalException e) {
            warnings.add(runFile + ": " + e.getMessage() + "; run skipped");
        }
    }

    private static List<Path> subfolders(Path folder, List<String> warnings)
    {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(folder)) {
            // hidden folders are not runs or experiments: a checkpoint being written, the sweep plans (.sweeps)
            return entries.filter(Files::isDirectory).filter(entry -> !entry.getFileName().toString().startsWith(".")).sorted().toList();
        }
        catch (IOException e) {
            warnings.add(folder + ": cannot be listed (" + e + ")");
            return List.of();
        }
    }

    private static RunListing sorted(List<JournaledRun> runs, List<String> warnings)
    {
        runs.sort(Comparator.comparingLong(JournaledRun::startTime).thenComparing(JournaledRun::id));
        return new RunListing(runs, warnings);
    }
}
