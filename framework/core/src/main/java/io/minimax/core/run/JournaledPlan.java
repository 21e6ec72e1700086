package io.minimax.core.run;

import io.minimax.core.checkpoint.Checkpoint;
import io.minimax.core.checkpoint.CheckpointFiles;
import io.minimax.core.checkpoint.RunCheckpoints;
import io.minimax.core.descriptor.ExperimentPlan;
import io.minimax.core.descriptor.RunPlan;
import io.minimax.core.journal.JournalReader;
import io.minimax.core.journal.JournaledRun;
import io.minimax.core.journal.RunListing;
import io.minimax.core.journal.RunLiveness;
import io.minimax.spi.tracking.RunStatus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import static java.util.Objects.requireNonNull;

/**
 * What a runs folder holds of an experiment plan's runs, for {@code minimax run --resume} and for a cluster task
 * that may be a retry: the latest attempt of the same plan (its runs' {@code descriptor.yaml} are the plan's
 * resolved descriptors, byte for byte; for a sweep, the latest sweep id that has such runs), and for each run of
 * the plan whether it is done, still running, to be taken up again, or not started.
 */
public final class JournaledPlan
{
    /** Where one run of the plan stands. */
    public enum Progress
    {
        /** No run of this attempt has its descriptor: it trains from the start. */
        NOT_STARTED,
        /** Ended FINISHED: nothing to do. */
        FINISHED,
        /** RUNNING, and its process is alive (on this host, or heartbeating elsewhere): left alone. */
        ALIVE,
        /** Crashed, KILLED or FAILED: resumes from its latest valid checkpoint, or from step 0 in its own journal. */
        RESUMABLE,
    }

    /**
     * One run of the plan as the runs folder has it.
     *
     * @param run its journal, unless {@link Progress#NOT_STARTED}
     * @param checkpoint its latest valid checkpoint, for {@link Progress#RESUMABLE}
     */
    public record PlannedRun(int index, Progress progress, Optional<JournaledRun> run, Optional<Checkpoint> checkpoint)
    {
        public PlannedRun
        {
            requireNonNull(progress, "progress is null");
            requireNonNull(run, "run is null");
            requireNonNull(checkpoint, "checkpoint is null");
        }
    }

    private final Optional<String> sweepId;
    private final List<PlannedRun> runs;

    private JournaledPlan(Optional<String> sweepId, List<PlannedRun> runs)
    {
        this.sweepId = sweepId;
        this.runs = List.copyOf(runs);
    }

    /**
     * Reads {@code <runsDirectory>/<plan name>/}; a checkpoint that does not read back whole is skipped for the one before
     * it, and a run folder that cannot be read is passed over, each with a warning.
     */
    public static JournaledPlan read(Path runsDirectory, ExperimentPlan plan, RunLiveness liveness, Consumer<String> warnings)
    {
        return read(runsDirectory, plan, Optional.empty(), liveness, warnings);
    }

    /**
     * As {@link #read(Path, ExperimentPlan, RunLiveness, Consumer)}, for the attempt of a sweep whose id the caller
     * chose (the tasks of one cluster array share the id their submission made, and must not guess the latest
     * attempt while their siblings start): only that sweep's runs count, and runs started now join it.
     */
    public static JournaledPlan read(Path runsDirectory, ExperimentPlan plan, Optional<String> sweepId, RunLiveness liveness,
            Consumer<String> warnings)
    {
        List<JournaledRun> journaled = journaledRuns(runsDirectory, plan, warnings);
        Map<String, Integer> indexByDescriptor = new LinkedHashMap<>();
        for (int index = 0; index < plan.runs().size(); index++) {
            indexByDescriptor.put(sha256(plan.runs().get(index)), index);
        }
        // the latest attempt: the sweep (or single run) whose latest matching run started last
        Map<Optional<String>, List<JournaledRun>> attempts = new LinkedHashMap<>();
        for (JournaledRun run : journaled) {
            if (indexByDescriptor.containsKey(descriptorSha256(run))) {
                Optional<String> id = Optional.ofNullable(run.tags().get(SweepTags.SWEEP_ID));
                attempts.computeIfAbsent(plan.isSweep() ? id : Optional.of(run.id()), key -> new ArrayList<>()).add(run);
            }
        }
        Optional<List<JournaledRun>> latest = plan.isSweep() && sweepId.isPresent()
                ? Optional.ofNullable(attempts.get(sweepId))
                : attempts.values().stream()
                        .max(Comparator.comparingLong(attempt -> attempt.stream().mapToLong(JournaledRun::startTime).max().orElseThrow()));
        Map<Integer, JournaledRun> byIndex = new LinkedHashMap<>();
        latest.orElse(List.of()).stream().sorted(Comparator.comparingLong(JournaledRun::startTime))
                .forEach(run -> byIndex.put(indexByDescriptor.get(descriptorSha256(run)), run));
        List<PlannedRun> planned = new ArrayList<>();
        for (int index = 0; index < plan.runs().size(); index++) {
            planned.add(planned(index, Optional.ofNullable(byIndex.get(index)), liveness, warnings));
        }
        Optional<String> attempt = plan.isSweep()
                ? sweepId.or(() -> latest.flatMap(runs -> Optional.ofNullable(runs.get(0).tags().get(SweepTags.SWEEP_ID))))
                : Optional.empty();
        return new JournaledPlan(attempt, planned);
    }

    /**
     * The runs of one task of a sweep planned ahead ({@code minimax submit}), found in the folders its plan named:
     * {@code runIds} maps a plan position to its run id, and the positions it leaves out are {@link Progress#NOT_STARTED}.
     * A planned run is known by its id, not by guessing the attempt from descriptors and start times, so a single run
     * submitted as a task never takes an earlier {@code minimax run} of the same descriptor for its own; and only the
     * task's own folders are read, not every run of a sweep of thousands on a shared filesystem.
     *
     * @throws IllegalArgumentException when a planned run's {@code descriptor.yaml} is not the one its position plans
     */
    public static JournaledPlan readPlanned(Path runsDirectory, ExperimentPlan plan, String sweepId, Map<Integer, String> runIds,
            RunLiveness liveness, Consumer<String> warnings)
    {
        requireNonNull(sweepId, "sweepId is null");
        JournalReader reader = new JournalReader(runsDirectory);
        List<PlannedRun> planned = new ArrayList<>();
        for (int index = 0; index < plan.runs().size(); index++) {
            Optional<JournaledRun> run = Optional.empty();
            if (runIds.containsKey(index)) {
                RunListing listing = reader.run(plan.name(), runIds.get(index));
                listing.warnings().forEach(warnings);
                run = listing.runs().stream().findFirst();
            }
            if (run.isPresent() && !descriptorSha256(run.get()).equals(sha256(plan.runs().get(index)))) {
                throw new IllegalArgumentException("run " + run.get().id() + " (" + run.get().name() + "): its descriptor.yaml is not "
                        + "the one its sweep planned; it cannot be taken up");
            }
            planned.add(planned(index, run, liveness, warnings));
        }
        return new JournaledPlan(plan.isSweep() ? Optional.of(sweepId) : Optional.empty(), planned);
    }

    /**
     * The one run of {@code plan} (a run's own resolved descriptor), journaled in {@code directory}, to resume from
     * {@code checkpoint} ({@code minimax resume RUN}).
     */
    public static JournaledPlan ofRun(ExperimentPlan plan, Path directory, Checkpoint checkpoint)
    {
        if (plan.runs().size() != 1) {
            throw new IllegalArgumentException("a run's descriptor plans one run, not " + plan.runs().size());
        }
        Path runsDirectory = directory.toAbsolutePath().getParent().getParent();
        JournaledRun run = new JournalReader(runsDirectory).runs(plan.name()).runs().stream()
                .filter(each -> each.directory().toAbsolutePath().equals(directory.toAbsolutePath()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(directory + " holds no readable run.json"));
        return new JournaledPlan(Optional.empty(), List.of(new PlannedRun(0, Progress.RESUMABLE, Optional.of(run),
                Optional.of(checkpoint))));
    }

    /**
     * The id of the sweep attempt found (or given), which runs started now join; empty for a single run or when none was
     * found.
     */
    public Optional<String> sweepId()
    {
        return sweepId;
    }

    /** One per run of the plan, in plan order. */
    public List<PlannedRun> runs()
    {
        return runs;
    }

    /** Whether any run of the plan was journaled before. */
    public boolean found()
    {
        return runs.stream().anyMatch(run -> run.progress() != Progress.NOT_STARTED);
    }

    private static PlannedRun planned(int index, Optional<JournaledRun> journaled, RunLiveness liveness, Consumer<String> warnings)
    {
        if (journaled.isEmpty()) {
            return new PlannedRun(index, Progress.NOT_STARTED, journaled, Optional.empty());
        }
        JournaledRun run = journaled.get();
        if (run.status() == RunStatus.FINISHED) {
            return new PlannedRun(index, Progress.FINISHED, journaled, Optional.empty());
        }
        if (run.status() == RunStatus.RUNNING && liveness.crashed(run).isEmpty()) {
            return new PlannedRun(index, Progress.ALIVE, journaled, Optional.empty());
        }
        Optional<Checkpoint> checkpoint = CheckpointFiles.latest(run.directory(), warning -> warnings.accept("run " + run.id() + ": "
                + warning));
        if (checkpoint.isPresent() && !checkpoint.get().descriptorSha256().equals(descriptorSha256(run))) {
            warnings.accept("run " + run.id() + ": its checkpoint of step " + checkpoint.get().step() + " was taken with another "
                    + "descriptor; it trains again from step 0");
            checkpoint = Optional.empty();
        }
        return new PlannedRun(index, Progress.RESUMABLE, journaled, checkpoint);
    }

    private static List<JournaledRun> journaledRuns(Path runsDirectory, ExperimentPlan plan, Consumer<String> warnings)
    {
        if (!Files.isDirectory(runsDirectory.resolve(plan.name()))) {
            return List.of();
        }
        RunListing listing = new JournalReader(runsDirectory).runs(plan.name());
        listing.warnings().forEach(warnings);
        return listing.runs();
    }

    private static String sha256(RunPlan run)
    {
        return CheckpointFiles.sha256(run.resolvedYaml().getBytes(StandardCharsets.UTF_8));
    }

    private static String descriptorSha256(JournaledRun run)
    {
        try {
            return RunCheckpoints.descriptorSha256(run.directory());
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read the descriptor of run " + run.id(), e);
        }
    }
}
