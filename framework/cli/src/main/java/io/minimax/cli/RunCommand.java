package io.minimax.cli;

import io.minimax.core.descriptor.DescriptorLoader;
import io.minimax.core.descriptor.ExperimentPlan;
import io.minimax.core.engine.StopSignal;
import io.minimax.core.platform.BlasPlatform;
import io.minimax.core.platform.MemoryLimits;
import io.minimax.core.platform.Reproducibility;
import io.minimax.core.plugin.PluginRegistry;
import io.minimax.core.run.ExperimentRunner;
import io.minimax.core.run.RunOutcome;
import io.minimax.core.run.RunTags;
import io.minimax.core.wiring.RunMemory;
import io.minimax.spi.tracking.RunStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

@Command(name = "run", description = "Run an experiment descriptor: one run, or one per combination of its sweep.")
final class RunCommand
        implements Callable<Integer>
{
    @Parameters(index = "0", paramLabel = "FILE", description = "The experiment descriptor (.yaml, .yml or .json).")
    Path file;

    @Option(names = "--set", paramLabel = "PATH=VALUE",
            description = "Override a descriptor field, e.g. --set train.steps=200 (repeatable).")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--runs-dir", paramLabel = "DIR", defaultValue = "runs",
            description = "Where run journals are written (default: ${DEFAULT-VALUE}).")
    Path runsDirectory;

    @Option(names = "--resume",
            description = "Take up the latest earlier attempt of this descriptor in --runs-dir: skip its FINISHED runs, resume the others "
                    + "from their latest checkpoints, start those never started.")
    boolean resume;

    @Option(names = "--sweep", paramLabel = "SWEEP_ID",
            description = "Run one task of a sweep that minimax submit planned in --runs-dir (with --task).")
    String sweep;

    @Option(names = "--task", paramLabel = "INDEX", description = "The task of --sweep to run, e.g. $SLURM_ARRAY_TASK_ID.")
    Integer task;

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
        if (sweep != null || task != null) {
            return SweepTaskRun.fromRunCommand(file, overrides, tracking, sweep, task, runsDirectory, out, spec.commandLine().getErr());
        }
        PluginRegistry registry = pluginOptions.registry();
        ExperimentPlan plan = load(new DescriptorLoader(registry));
        RunsDirectory.checkWritable(runsDirectory, plan.name());
        BlasPlatform.Loaded blas = blas(plan);
        // after the kernel is chosen: building the data source to learn its sample shape may make the first array
        new RunMemory(registry, MemoryLimits.current()).check(plan);
        out.println(blas.description());

        StopSignal stopSignal = new StopSignal();
        return StopOnInterrupt.around(stopSignal, () -> {
            ExperimentRunner runner = new ExperimentRunner(registry, runsDirectory,
                    new RunTags(MinimaxVersion.get(), GitCommit.of(file), System.getProperty("user.name", "unknown"), blas.tags()),
                    new ProgressBars(out, System.console() != null), stopSignal, Clock.systemUTC());
            List<RunOutcome> outcomes = resume ? SweepResume.resume(plan, runner, runsDirectory, registry, out) : runner.run(plan);
            RunSummary.print(plan, outcomes, out);
            out.println("Journals: " + runsDirectory.resolve(plan.name()).toAbsolutePath());
            TrackingSummary.print(outcomes, runsDirectory, out);
            out.flush();
            boolean allFinished = outcomes.stream().allMatch(outcome -> outcome.result().status() == RunStatus.FINISHED);
            return allFinished && outcomes.size() == plan.runs().size() ? Main.SUCCESS : Main.RUN_FAILED;
        });
    }

    /**
     * The descriptor with {@code --tracking-uri} applied, or {@code MLFLOW_TRACKING_URI} when it has no {@code tracking:},
     * and {@code MINIMAX_LOCKSTEP_THREADS} when it has no {@code train.threads}.
     */
    private ExperimentPlan load(DescriptorLoader loader)
    {
        List<String> withEnvironment = new ArrayList<>(overrides);
        if (tracking.given()) {
            withEnvironment.add(TrackingOption.override(tracking.trackingUri));
        }
        ExperimentPlan plan = loader.load(file, withEnvironment);
        Map<String, String> environment = System.getenv();
        List<String> fromEnvironment = new ArrayList<>();
        if (!tracking.given() && plan.runs().get(0).spec().tracking().isEmpty()) {
            tracking.uri(environment).map(TrackingOption::override).ifPresent(fromEnvironment::add);
        }
        LockstepThreadsVariable.override(plan, environment).ifPresent(fromEnvironment::add);
        if (fromEnvironment.isEmpty()) {
            return plan;
        }
        withEnvironment.addAll(fromEnvironment);
        return loader.load(file, withEnvironment);
    }

    /** The BLAS kernel the plan's runs ask for, chosen before the first array is made. */
    static BlasPlatform.Loaded blas(ExperimentPlan plan)
    {
        Set<Reproducibility> asked = plan.runs().stream().map(run -> run.spec().reproducibility()).collect(Collectors.toSet());
        if (asked.size() > 1) {
            throw new InvalidInputException("reproducibility: the runs of one minimax run share it, since one process loads one BLAS "
                    + "kernel;"
                    + " run each value as its own sweep");
        }
        try {
            return BlasPlatform.install(asked.iterator().next());
        }
        catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage());
        }
    }

}
