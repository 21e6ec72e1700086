package io.minimax.cli;

import io.minimax.core.descriptor.DescriptorLoader;
import io.minimax.core.descriptor.ExperimentPlan;
import io.minimax.core.descriptor.TrainSpec;
import io.minimax.core.engine.StopSignal;
import io.minimax.core.engine.TrainingListener;
import io.minimax.core.journal.RunLiveness;
import io.minimax.core.plugin.PluginLoader;
import io.minimax.core.plugin.PluginRegistry;
import io.minimax.core.run.ExperimentRunner;
import io.minimax.core.run.RunTags;
import io.minimax.core.sweep.SweepFolder;
import io.minimax.core.sweep.SweepPlan;
import io.minimax.core.sweep.SweepProgress;
import io.minimax.core.sweep.TaskLock;
import io.minimax.core.sweep.TaskState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

@Command(name = "submit",
        description = "Plan a sweep as tasks in the runs folder and hand them to a scheduler (Slurm job array), or run them here.")
final class SubmitCommand
        implements Callable<Integer>
{
    enum Launcher
    {
        slurm, local, none
    }

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "The experiment descriptor (not with --resume).")
    Path file;

    @Option(names = "--launcher", paramLabel = "slurm|local|none", defaultValue = "slurm",
            description = "slurm: an sbatch job array, one element per task; local: the tasks one after another here; none: the plan "
                    + "only, for another scheduler to run `minimax run FILE --sweep ID --task I` (default: ${DEFAULT-VALUE}).")
    Launcher launcher;

    @Option(names = "--set", paramLabel = "PATH=VALUE", description = "Override a descriptor field for every task (repeatable).")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--runs-dir", paramLabel = "DIR", defaultValue = "runs",
            description = "The runs folder every task reads and writes: on a cluster, a shared filesystem (default: ${DEFAULT-VALUE}).")
    Path runsDirectory;

    @Option(names = "--parallel", paramLabel = "N",
            description = "At most N tasks at once (the array's %N; default: as the scheduler allows).")
    Integer parallel;

    @Option(names = "--sbatch-option", paramLabel = "KEY=VALUE",
            description = "An sbatch option for the script, e.g. partition=gpu or time=02:00:00 (repeatable).")
    List<String> sbatchOptions = new ArrayList<>();

    @Option(names = "--dry-run", description = "Print the script (or, local, the tasks) without writing or submitting anything.")
    boolean dryRun;

    @Option(names = "--resume", paramLabel = "SWEEP_ID", description = "Submit again the tasks of this sweep that are not FINISHED.")
    String resume;

    @Mixin
    PluginOptions pluginOptions;

    @Mixin
    TrackingOption tracking;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call()
    {
        PrintWriter out = spec.commandLine().getOut();
        Map<String, String> options = SbatchScript.options(sbatchOptions);
        if (parallel != null && parallel < 1) {
            throw new InvalidInputException("--parallel " + parallel + ": at least 1 task must run at once");
        }
        if (launcher == Launcher.slurm && !dryRun) {
            Slurm.sbatch();
        }
        if (resume != null) {
            if (file != null || !overrides.isEmpty() || tracking.given()) {
                throw new InvalidInputException("submit --resume " + resume + ": the sweep's descriptor, --set and --tracking-uri were "
                        + "fixed when it was planned; give only the sweep id");
            }
            return resubmit(out, options);
        }
        if (file == null) {
            throw new InvalidInputException("submit: give the experiment descriptor FILE, or --resume SWEEP_ID");
        }
        PluginRegistry registry = pluginOptions.registry();
        List<String> planOverrides = planOverrides(new DescriptorLoader(registry));
        ExperimentPlan plan = new DescriptorLoader(registry).load(file, planOverrides);
        RunsDirectory.checkWritable(runsDirectory, plan.name());
        SweepPlan sweep = SweepPlan.of(plan, file.toAbsolutePath().normalize().toString(), planOverrides,
                Optional.ofNullable(pluginOptions.pluginDirectory).map(path -> path.toAbsolutePath().normalize().toString()),
                System.currentTimeMillis());
        SweepFolder folder = SweepFolder.of(runsDirectory, sweep.sweepId());
        List<Integer> tasks = IntStream.range(0, sweep.tasks().size()).boxed().toList();
        int cpus = cpusPerTask(plan);
        if (dryRun) {
            if (launcher == Launcher.slurm) {
                out.print(SbatchScript.render(sweep, folder, runsDirectory, tasks, parallelLimit(), cpus, options));
            }
            else if (launcher == Launcher.none) {
                out.println("would plan " + sweep.tasks().size() + " tasks");
            }
            else {
                sweep.tasks().forEach(task -> out.println("task " + task.index() + ": "
                        + task.runs().stream().map(SweepPlan.PlannedRun::name).collect(Collectors.joining(", "))));
            }
            out.flush();
            return Main.SUCCESS;
        }
        folder.create(sweep);
        if (launcher == Launcher.slurm) {
            Path script = writeScript(folder, "sweep.sbatch",
                    SbatchScript.render(sweep, folder, runsDirectory, tasks, parallelLimit(), cpus, options));
            try {
                Slurm.check(script);
            }
            catch (InvalidInputException e) {
                delete(folder.directory());
                throw e;
            }
            startParent(registry, plan, sweep);
            return submit(out, folder, sweep, script, tasks, options);
        }
        startParent(registry, plan, sweep);
        out.println("Sweep " + sweep.sweepId() + ": " + sweep.runCount() + " runs of " + sweep.experiment() + " as " + sweep.tasks().size()
                + " tasks, planned in " + folder.planFile().toAbsolutePath().normalize());
        if (launcher == Launcher.none) {
            out.println("  run task I (0 to " + (sweep.tasks().size() - 1) + ") with: minimax run " + sweep.descriptor() + " --runs-dir "
                    + runsDirectory.toAbsolutePath().normalize() + " --sweep " + sweep.sweepId() + " --task I");
            out.flush();
            return Main.SUCCESS;
        }
        return runHere(folder.sweepId(), tasks, out);
    }

    private int resubmit(PrintWriter out, Map<String, String> givenOptions)
    {
        SweepFolder folder = SweepFolder.of(runsDirectory, resume);
        SweepPlan sweep;
        try {
            sweep = folder.read();
        }
        catch (IllegalArgumentException e) {
            throw new InvalidInputException("submit --resume: " + e.getMessage());
        }
        SweepProgress progress = SweepProgress.read(runsDirectory, sweep, RunLiveness.here());
        List<SlurmSubmissions.Submission> submissions = SlurmSubmissions.read(folder);
        Map<Integer, String> scheduled = SweepsCommand.schedulerStates(submissions);
        List<Integer> tasks = new ArrayList<>();
        for (int task = 0; task < sweep.tasks().size(); task++) {
            TaskState state = progress.states().get(task);
            String queued = scheduled.getOrDefault(task, "");
            boolean queuedOrRunning = queued.equals("PENDING") || queued.equals("RUNNING") || queued.equals("CONFIGURING");
            if (state != TaskState.FINISHED && state != TaskState.RUNNING && !queuedOrRunning) {
                tasks.add(task);
            }
        }
        if (tasks.isEmpty()) {
            out.println("Sweep " + sweep.sweepId() + ": nothing to submit again (" + progress.count(TaskState.FINISHED) + " of "
                    + sweep.tasks().size() + " tasks FINISHED, the others running or queued)");
            out.flush();
            return Main.SUCCESS;
        }
        if (launcher == Launcher.none) {
            out.println("Sweep " + sweep.sweepId() + ": tasks not FINISHED: " + SbatchScript.arraySpec(tasks));
            out.flush();
            return Main.SUCCESS;
        }
        if (launcher == Launcher.local) {
            if (dryRun) {
                out.println("would run tasks " + SbatchScript.arraySpec(tasks) + " here");
                out.flush();
                return Main.SUCCESS;
            }
            return runHere(sweep.sweepId(), tasks, out);
        }
        Optional<SlurmSubmissions.Submission> last = submissions.isEmpty() ? Optional.empty()
                : Optional.of(submissions.get(submissions.size() - 1));
        Map<String, String> options = sbatchOptions.isEmpty() && last.isPresent()
                ? SbatchScript.options(last.get().sbatchOptions())
                : givenOptions;
        OptionalInt limit = parallel != null ? OptionalInt.of(parallel)
                : last.filter(submission -> submission.parallel() > 0).map(submission -> OptionalInt.of(submission.parallel()))
                        .orElse(OptionalInt.empty());
        PluginRegistry registry = PluginLoader.load(sweep.plugins().map(Path::of));
        ExperimentPlan plan = new DescriptorLoader(registry).load(Path.of(sweep.descriptor()), sweep.overrides());
        String text = SbatchScript.render(sweep, folder, runsDirectory, tasks, limit, cpusPerTask(plan), options);
        if (dryRun) {
            out.print(text);
            out.flush();
            return Main.SUCCESS;
        }
        Path script = writeScript(folder, "resume-" + submissions.size() + ".sbatch", text);
        Slurm.check(script);
        parallel = limit.isPresent() ? limit.getAsInt() : null;
        return submit(out, folder, sweep, script, tasks, options);
    }

    // the lock is held for the block, not used in it
    @SuppressWarnings("try")
    private int submit(PrintWriter out, SweepFolder folder, SweepPlan sweep, Path script, List<Integer> tasks, Map<String, String> options)
    {
        String jobId;
        try (TaskLock lock = TaskLock.acquire(folder.sweepLock())) {
            jobId = Slurm.submit(script);
            SlurmSubmissions.append(folder, new SlurmSubmissions.Submission(jobId, tasks, parallel == null ? 0 : parallel,
                    SbatchScript.asGiven(options), script.getFileName().toString(), System.currentTimeMillis()));
        }
        Path runs = runsDirectory.toAbsolutePath().normalize();
        out.println("Sweep " + sweep.sweepId() + ": " + tasks.size() + " of " + sweep.tasks().size() + " tasks (" + sweep.experiment()
                + ") submitted as Slurm job " + jobId + " (array " + SbatchScript.arraySpec(tasks)
                + (parallel == null ? "" : ", at most " + parallel + " at once") + ")");
        out.println("  script:  " + script.toAbsolutePath().normalize());
        out.println("  follow:  minimax sweeps --runs-dir " + runs + "    (or: squeue -r -j " + jobId + ")");
        out.println("  logs:    " + folder.directory().toAbsolutePath().normalize() + "/slurm-" + jobId + "_<task>.out");
        out.println("  resume:  minimax submit --resume " + sweep.sweepId() + " --runs-dir " + runs + "    (tasks not FINISHED)");
        out.flush();
        return Main.SUCCESS;
    }

    private int runHere(String sweepId, List<Integer> tasks, PrintWriter out)
    {
        SweepTaskRun run = SweepTaskRun.prepare(runsDirectory, sweepId, out, spec.commandLine().getErr());
        StopSignal stopSignal = new StopSignal();
        return StopOnInterrupt.around(stopSignal, () -> {
            int exitCode = Main.SUCCESS;
            for (int task : tasks) {
                if (stopSignal.isRequested()) {
                    return Main.RUN_FAILED;
                }
                exitCode = Math.max(exitCode, run.run(task, stopSignal));
            }
            return exitCode;
        });
    }

    /** With a nesting tracker, the sweep's parent run exists before any task starts, so every task's runs nest under it. */
    private void startParent(PluginRegistry registry, ExperimentPlan plan, SweepPlan sweep)
    {
        if (plan.isSweep() && SweepCompletion.trackingUri(plan).isPresent()) {
            // the login node's BLAS is not the tasks': the parent carries no platform tags
            RunTags tags = new RunTags(MinimaxVersion.get(), GitCommit.of(file), System.getProperty("user.name", "unknown"));
            new ExperimentRunner(registry, runsDirectory, tags, (runPlan, index, total) -> TrainingListener.NONE,
                    new StopSignal(), Clock.systemUTC()).startPlannedSweep(plan, sweep.sweepId());
        }
    }

    /** The descriptor's overrides as every task will apply them: --set, the tracking server, the lockstep threads. */
    private List<String> planOverrides(DescriptorLoader loader)
    {
        List<String> planned = new ArrayList<>(overrides);
        if (tracking.given()) {
            planned.add(TrackingOption.override(tracking.trackingUri));
        }
        ExperimentPlan plan = loader.load(file, planned);
        if (!tracking.given() && plan.runs().get(0).spec().tracking().isEmpty()) {
            tracking.uri(System.getenv()).map(TrackingOption::override).ifPresent(planned::add);
        }
        LockstepThreadsVariable.override(plan, System.getenv()).ifPresent(planned::add);
        return planned;
    }

    /** One CPU per run trained alone; a lockstep group's threads. */
    private static int cpusPerTask(ExperimentPlan plan)
    {
        TrainSpec train = plan.runs().get(0).spec().train();
        return plan.isSweep() && train.vectorizeSweep() ? train.threads() : 1;
    }

    private OptionalInt parallelLimit()
    {
        return parallel == null ? OptionalInt.empty() : OptionalInt.of(parallel);
    }

    private static Path writeScript(SweepFolder folder, String name, String text)
    {
        Path script = folder.file(name);
        try {
            Files.writeString(script, text, StandardCharsets.UTF_8);
            script.toFile().setExecutable(true);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot write " + script, e);
        }
        return script;
    }

    private static void delete(Path folder)
    {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
        catch (IOException e) {
            // a refused plan left behind is only clutter in the hidden folder
        }
    }

    static Set<String> jobIds(List<SlurmSubmissions.Submission> submissions)
    {
        return submissions.stream().map(SlurmSubmissions.Submission::jobId).collect(Collectors.toSet());
    }
}
