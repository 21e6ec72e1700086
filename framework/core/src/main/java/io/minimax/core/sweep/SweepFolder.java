package io.minimax.core.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.minimax.core.journal.AtomicFiles;
import io.minimax.core.journal.JournalLayout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * Where a planned sweep lives in the runs folder: {@code <runs dir>/.sweeps/<sweep id>/} with {@value #PLAN_FILE},
 * the scheduler's scripts and logs, and the lock files of its tasks. The folder is hidden, so readers of journals do
 * not take it for an experiment.
 */
public final class SweepFolder
{
    public static final String SWEEPS_DIRECTORY = ".sweeps";
    public static final String PLAN_FILE = "plan.json";
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path directory;

    private SweepFolder(Path directory)
    {
        this.directory = requireNonNull(directory, "directory is null");
    }

    public static SweepFolder of(Path runsDirectory, String sweepId)
    {
        return new SweepFolder(runsDirectory.resolve(SWEEPS_DIRECTORY).resolve(JournalLayout.checkFolderName(sweepId, "sweep id")));
    }

    /** Every planned sweep under the runs folder, oldest first. */
    public static List<SweepFolder> all(Path runsDirectory)
    {
        Path sweeps = runsDirectory.resolve(SWEEPS_DIRECTORY);
        if (!Files.isDirectory(sweeps)) {
            return List.of();
        }
        List<SweepFolder> folders = new ArrayList<>();
        try (Stream<Path> entries = Files.list(sweeps)) {
            entries.filter(entry -> Files.isRegularFile(entry.resolve(PLAN_FILE))).map(SweepFolder::new).forEach(folders::add);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot list " + sweeps, e);
        }
        folders.sort((first, second) -> Long.compare(first.modified(), second.modified()));
        return folders;
    }

    public Path directory()
    {
        return directory;
    }

    public String sweepId()
    {
        return directory.getFileName().toString();
    }

    public Path planFile()
    {
        return directory.resolve(PLAN_FILE);
    }

    public Path file(String name)
    {
        return directory.resolve(name);
    }

    /** The lock a process holds while it runs task {@code index}. */
    public Path taskLock(int index)
    {
        return directory.resolve("locks").resolve("task-" + index + ".lock");
    }

    /** The lock held while one process looks at, or changes, the sweep as a whole. */
    public Path sweepLock()
    {
        return directory.resolve("locks").resolve("sweep.lock");
    }

    /** Writes the plan, once: a second plan for the same sweep id is refused. */
    public void create(SweepPlan plan)
    {
        if (!plan.sweepId().equals(sweepId())) {
            throw new IllegalArgumentException("plan of sweep " + plan.sweepId() + " in the folder of sweep " + sweepId());
        }
        try {
            Files.createDirectories(directory.getParent());
            Files.createDirectory(directory);
            Files.createDirectory(directory.resolve("locks"));
            AtomicFiles.write(planFile(), JSON.writeValueAsBytes(plan));
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot write the plan of sweep " + plan.sweepId() + " in " + directory, e);
        }
    }

    /** @throws IllegalArgumentException when there is no such sweep, or its plan cannot be read */
    public SweepPlan read()
    {
        try {
            SweepPlan plan = JSON.readValue(Files.readAllBytes(planFile()), SweepPlan.class);
            if (plan.format() != SweepPlan.FORMAT) {
                throw new IllegalArgumentException(planFile() + ": format " + plan.format() + ", this Minimax reads " + SweepPlan.FORMAT);
            }
            return plan;
        }
        catch (NoSuchFileException e) {
            throw new IllegalArgumentException("no sweep " + sweepId() + " in " + directory.getParent() + " (minimax submit plans one)");
        }
        catch (JsonProcessingException e) {
            throw new IllegalArgumentException(planFile() + ": not a sweep plan (" + e.getOriginalMessage() + ")");
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read " + planFile(), e);
        }
    }

    private long modified()
    {
        try {
            return Files.getLastModifiedTime(planFile()).toMillis();
        }
        catch (IOException e) {
            return 0;
        }
    }
}
