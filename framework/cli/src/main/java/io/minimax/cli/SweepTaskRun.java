package io.minimax.cli;

import io.minimax.core.descriptor.DescriptorLoader;
import io.minimax.core.descriptor.ExperimentPlan;
import io.minimax.core.descriptor.RunPlan;
import io.minimax.core.engine.StopSignal;
import io.minimax.core.journal.JournalLayout;
import io.minimax.core.journal.JournaledRun;
import io.minimax.core.journal.RunLiveness;
import io.minimax.core.journal.RunProcess;
import io.minimax.core.platform.BlasPlatform;
import io.minimax.core.platform.MemoryLimits;
import io.minimax.core.plugin.PluginLoader;
import io.minimax.core.plugin.PluginRegistry;
import io.minimax.core.run.ExperimentRunner;
import io.minimax.core.run.JournaledPlan;
import io.minimax.core.run.RunOutcome;
import io.minimax.core.run.RunTags;
import io.minimax.core.sweep.SweepFolder;
import io.minimax.core.sweep.SweepPlan;
import io.minimax.core.sweep.TaskLock;
import io.minimax.core.wiring.RunMemory;
import io.minimax.spi.tracking.RunStatus;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * Runs tasks of a planned sweep ({@code minimax run FILE --sweep ID --task I}, and {@code minimax submit --launcher
 * local}): the descriptor is loaded again with the plan's overrides and must still expand to the planned runs. A task
 * holds its lock file while it runs, so two processes never run one task. Its runs are found in the folders the plan
 * named ({@link JournaledPlan#readPlanned}) and taken up as {@code minimax run --resume} takes up a sweep: a FINISHED
 * run is left alone, one with a valid checkpoint resumes from it (the lanes of a lockstep group that stopped at the
 * same step together), one without trains again from step 0 in its own journal, and one never started starts in its
 * planned folder.
 */
final class SweepTaskRun
{
    private final Path runsDirectory;
    private final SweepFolder folder;
    private final SweepPlan sweep;
    private final ExperimentPlan plan;
    private final PluginRegistry registry;
    private final RunTags tags;
    private final PrintWriter out;
    private final PrintWriter err;

    private SweepTaskRun(Path runsDirectory, SweepFolder folder, SweepPlan sweep, ExperimentPlan plan, PluginRegistry registry,
            RunTags tags, PrintWriter out, PrintWriter err)
    {
        this.runsDirectory = runsDirectory;
        this.folder = folder;
        this.sweep = sweep;
        this.plan = plan;
        this.registry = registry;
        this.tags = tags;
        this.out = out;
        this.err = err;
    }

    /** {@code minimax run FILE --sweep ID --task I}: the plan fixes the overrides and the tracking server. */
    static int fromRunCommand(Path file, List<String> overrides, TrackingOption tracking, String sweepId, Integer task, Path runsDirectory,
            PrintWriter out, PrintWriter err)
    {
        if (sweepId == null || task == null) {
            throw new InvalidInputException("run: --sweep and --task go together (a task of a sweep planned by minimax submit)");
        }
        if (!overrides.isEmpty() || tracking.given()) {
            throw new InvalidInputException("run --sweep: --set and --tracking-uri were fixed when the sweep was planned; "
                    + "submit a new sweep to change them");
        }
        SweepTaskRun run = prepare(runsDirectory, sweepId, out, err);
        Path planned = Path.of(run.sweep.descriptor());
        if (!file.toAbsolutePath().normalize().equals(planned.toAbsolutePath().normalize())) {
            throw new InvalidInputException("run --sweep " + sweepId + ": the sweep was planned from " + planned + ", not " + file);
        }
        StopSignal stopSignal = new StopSignal();
        return StopOnInterrupt.around(stopSignal, () -> run.run(task, stopSignal));
    }

    /** Loads the sweep's plan and descriptor, and picks the BLAS kernel its runs ask for. */
    static SweepTaskRun prepare(Path runsDirectory, String sweepId, PrintWriter out, PrintWriter err)
    {
        SweepFolder folder;
        SweepPlan sweep;
        try {
            folder = SweepFolder.of(runsDirectory, sweepId);
            sweep = folder.read();
        }
        catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage());
        }
        PluginRegistry registry = PluginLoader.load(sweep.plugins().map(Path::of));
        Path descriptor = Path.of(sweep.descriptor());
        ExperimentPlan plan = new DescriptorLoader(registry).load(descriptor, sweep.overrides());
        try {
            sweep.check(plan);
        }
        catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage());
        }
        RunsDirectory.checkWritable(runsDirectory, plan.name());
        BlasPlatform.Loaded blas = RunCommand.blas(plan);
        new RunMemory(registry, MemoryLimits.current()).check(plan);
        out.println(blas.description());
        RunTags tags = new RunTags(MinimaxVersion.get(), GitCommit.of(descriptor), System.getProperty("user.name", "unknown"), blas.tags());
        return new SweepTaskRun(runsDirectory, folder, sweep, plan, registry, tags, out, err);
    }

    SweepPlan sweep()
    {
        return sweep;
    }

    /** Runs task {@code index}; {@link Main#SUCCESS} when all its runs are FINISHED at the end. */
    // the lock is held for the block, not used in it
    @SuppressWarnings("try")
    int run(int index, StopSignal stopSignal)
    {
        requireNonNull(stopSignal, "stopSignal is null");
        SweepPlan.Task task;
        try {
            task = sweep.task(index);
        }
        catch (IllegalArgumentException e) {
            throw new InvalidInputException("run --task: " + e.getMessage());
        }
        boolean finished;
        Path lockFile = folder.taskLock(index);
        try (TaskLock lock = TaskLock.tryAcquire(lockFile).orElseThrow(() -> new InvalidInputException("task " + index + " of sweep "
                + sweep.sweepId() + " is being run by " + TaskLock.holder(lockFile) + "; not running it twice"))) {
            finished = runLocked(task, stopSignal);
        }
        SweepCompletion.afterTask(runsDirectory, folder, sweep, plan, out, err);
        out.flush();
        return finished ? Main.SUCCESS : Main.RUN_FAILED;
    }

    private boolean runLocked(SweepPlan.Task task, StopSignal stopSignal)
    {
        Map<Integer, String> runIds = new LinkedHashMap<>();
        task.runs().forEach(run -> runIds.put(run.position(), run.runId()));
        JournaledPlan journaled;
        try {
            journaled = JournaledPlan.readPlanned(runsDirectory, plan, sweep.sweepId(), runIds, RunLiveness.here(),
                    warning -> err.println("warning: " + warning));
        }
        catch (IllegalArgumentException e) {
            throw new InvalidInputException("task " + task.index() + " of sweep " + sweep.sweepId() + ": " + e.getMessage());
        }
        List<JournaledPlan.PlannedRun> runs = task.positions().stream().map(journaled.runs()::get).toList();
        long finished = runs.stream().filter(run -> run.progress() == JournaledPlan.Progress.FINISHED).count();
        out.println("Sweep " + sweep.sweepId() + ", task " + task.index() + " of " + sweep.tasks().size() + " on " + hostAndPid() + ": "
                + runs.size() + " run" + (runs.size() == 1 ? "" : "s") + ", " + finished + " FINISHED already");
        if (finished == runs.size()) {
            return true;
        }
        for (JournaledPlan.PlannedRun run : runs) {
            announce(run, runIds.get(run.index()));
        }
        out.flush();
        ExperimentRunner runner = new ExperimentRunner(registry, runsDirectory, tags, new ProgressBars(out, System.console() != null),
                stopSignal, Clock.systemUTC());
        List<RunOutcome> outcomes = runner.runPlanned(plan, journaled, task.positions(), task.runIds());
        RunSummary.print(plan, outcomes, out);
        out.println("Journals: " + runsDirectory.resolve(plan.name()).toAbsolutePath());
        return outcomes.size() == runs.size()
                && outcomes.stream().allMatch(outcome -> outcome.result().status() == RunStatus.FINISHED);
    }

    /** Says what becomes of one of the task's runs, after the checks that a run to take up must pass. */
    private void announce(JournaledPlan.PlannedRun planned, String runId)
    {
        RunPlan runPlan = plan.runs().get(planned.index());
        switch (planned.progress()) {
            case NOT_STARTED -> clearTornStart(runId);
            case ALIVE -> out.println("Run " + runId + " (" + runPlan.runName() + ") is still running in process "
                    + planned.run().flatMap(JournaledRun::process).map(process -> process.pid() + " on " + process.host()).orElse("?")
                    + ": left alone");
            case RESUMABLE -> {
                ResumeCommand.checkVersions(planned.run().orElseThrow().directory(), plan, runPlan, registry);
                String run = runId + " (" + runPlan.runName() + ")";
                out.println(planned.checkpoint().map(checkpoint -> "Resuming run " + run + " after step " + checkpoint.step())
                        .orElse("Run " + run + " has no checkpoint to resume from: it trains again from step 0"));
            }
            case FINISHED -> {
                // left as it is
            }
        }
    }

    /**
     * A folder without a readable {@code run.json} is a run killed as it was being created: nothing in it to keep, and
     * the run starts there afresh.
     */
    private void clearTornStart(String runId)
    {
        Path directory = JournalLayout.runDirectory(runsDirectory, plan.name(), runId);
        if (!Files.exists(directory)) {
            return;
        }
        out.println("Run " + runId + " has no readable journal: it starts over");
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot clear run folder " + directory + " to start the run over", e);
        }
    }

    private static String hostAndPid()
    {
        return RunProcess.hostName() + " (pid " + ProcessHandle.current().pid() + ")";
    }
}
