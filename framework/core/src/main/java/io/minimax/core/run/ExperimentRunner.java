package io.minimax.core.run;

import com.google.inject.CreationException;
import com.google.inject.Injector;
import com.google.inject.ProvisionException;
import io.minimax.core.descriptor.ExperimentPlan;
import io.minimax.core.descriptor.RunPlan;
import io.minimax.core.engine.Evaluation;
import io.minimax.core.engine.LockstepTrainer;
import io.minimax.core.engine.MetricsRecorder;
import io.minimax.core.engine.ParallelLockstep;
import io.minimax.core.engine.Players;
import io.minimax.core.engine.StopSignal;
import io.minimax.core.engine.Trainer;
import io.minimax.core.engine.TrainingListener;
import io.minimax.core.engine.TrainingResult;
import io.minimax.core.journal.RunJournal;
import io.minimax.core.journal.RunMirrors;
import io.minimax.core.plugin.PluginRegistry;
import io.minimax.core.wiring.RunInjector;
import io.minimax.core.wiring.RunModule;
import io.minimax.core.wiring.RunServicesModule;
import io.minimax.spi.tracking.MirroredRun;
import io.minimax.spi.tracking.MirroringTracker;
import io.minimax.spi.tracking.NestingTrackerFactory;
import io.minimax.spi.tracking.RunInfo;
import io.minimax.spi.tracking.RunStatus;
import io.minimax.spi.tracking.Tracker;
import org.nd4j.linalg.api.buffer.DataType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.IntStream;

import static java.util.Objects.requireNonNull;

/**
 * Runs the runs of an experiment plan one after another, each with its own journal and its own injector. The
 * journal is opened before anything else can fail, so every run that started is on disk with its final status.
 */
public final class ExperimentRunner
{
    private static final Logger log = LoggerFactory.getLogger(ExperimentRunner.class);

    /** Creates the listener that watches one run's progress (a progress bar in the CLI). */
    public interface ProgressListeners
    {
        ProgressListeners NONE = (plan, index, total) -> TrainingListener.NONE;

        TrainingListener forRun(RunPlan plan, int index, int total);

        /** The listener of runs trained together in lockstep ({@code train.vectorizeSweep}), at plan positions {@code indices}. */
        default TrainingListener forLockstep(List<RunPlan> plans, List<Integer> indices, int total)
        {
            return forRun(plans.get(0), indices.get(0), total);
        }
    }

    private final PluginRegistry registry;
    private final Path runsDirectory;
    private final RunTags tags;
    private final ProgressListeners listeners;
    private final StopSignal stopSignal;
    private final Clock clock;
    private final RunTrackers trackerFactories;

    public ExperimentRunner(PluginRegistry registry, Path runsDirectory, RunTags tags, ProgressListeners listeners, StopSignal stopSignal, Clock clock)
    {
        this.registry = requireNonNull(registry, "registry is null");
        this.runsDirectory = requireNonNull(runsDirectory, "runsDirectory is null");
        this.tags = requireNonNull(tags, "tags is null");
        this.listeners = requireNonNull(listeners, "listeners is null");
        this.stopSignal = requireNonNull(stopSignal, "stopSignal is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.trackerFactories = new RunTrackers(registry);
    }

    /**
     * Runs every run of the plan in order; after a Ctrl-C the remaining runs are not started. A sweep's runs share a
     * sweep id (tag {@value NestingTrackerFactory#SWEEP_ID_TAG}), so that they can be grouped again from the journal,
     * and with a nesting tracker (MLflow) a parent run that starts before the first run and ends after the last.
     */
    public List<RunOutcome> run(ExperimentPlan plan)
    {
        Optional<String> sweepId = plan.isSweep() ? Optional.of(RunIds.next()) : Optional.empty();
        if (!plan.isSweep() && plan.runs().get(0).spec().train().vectorizeSweep()) {
            log.warn("train.vectorizeSweep has no effect on a single run: it trains the runs of a sweep together");
        }
        Optional<Tracker> parent = sweepId.flatMap(id -> startParent(plan, id));
        List<RunOutcome> outcomes = new ArrayList<>();
        try {
            List<List<Integer>> groups = plan.isSweep() && plan.runs().get(0).spec().train().vectorizeSweep()
                    ? LockstepGroups.of(plan.runs())
                    : IntStream.range(0, plan.runs().size()).mapToObj(List::of).toList();
            for (List<Integer> group : groups) {
                if (stopSignal.isRequested()) {
                    break;
                }
                if (group.size() == 1) {
                    int index = group.get(0);
                    RunPlan runPlan = plan.runs().get(index);
                    outcomes.add(runOne(plan, index, listeners.forRun(runPlan, index, plan.runs().size()), sweepId, parent));
                }
                else {
                    outcomes.addAll(runLockstep(plan, group, sweepId, parent));
                }
            }
        }
        finally {
            parent.ifPresent(tracker -> endQuietly(tracker, RunEnding.ofSweep(outcomes, plan.runs().size(), stopSignal.isRequested())));
        }
        return outcomes;
    }

    private Optional<Tracker> startParent(ExperimentPlan plan, String sweepId)
    {
        try {
            Optional<Tracker> parent = trackerFactories.parent(plan);
            RunInfo info = new RunInfo(sweepId, plan.name(), plan.name(), runsDirectory.resolve(plan.name()), clock.millis());
            parent.ifPresent(tracker -> tracker.runStarted(info, Map.of(), tags.forSweep(plan, sweepId, registry)));
            return parent;
        }
        catch (RuntimeException e) {
            log.warn("the sweep's runs are tracked without a parent run: {}", rootMessage(e));
            return Optional.empty();
        }
    }

    private RunOutcome runOne(ExperimentPlan plan, int index, TrainingListener listener, Optional<String> sweepId, Optional<Tracker> parent)
    {
        RunPlan runPlan = plan.runs().get(index);
        OpenRun run = open(plan, index, sweepId, parent);
        TrainingResult result;
        try {
            listener.started(runPlan.runName(), runPlan.spec().train().steps());
            result = run.injector(listener).getInstance(Trainer.class).train();
        }
        catch (RuntimeException e) {
            result = failed(runPlan, e);
        }
        finally {
            listener.finished();
        }
        return close(run, result);
    }

    /**
     * A lockstep group: every run is journaled and wired as usual, then all train as lanes of one computation
     * ({@link LockstepTrainer}). Runs that cannot be wired end FAILED alone; when the lanes cannot share a
     * computation (the warning says why), they are trained one by one with the injectors already made.
     */
    private List<RunOutcome> runLockstep(ExperimentPlan plan, List<Integer> group, Optional<String> sweepId, Optional<Tracker> parent)
    {
        List<RunPlan> runPlans = group.stream().map(index -> plan.runs().get(index)).toList();
        TrainingListener listener = listeners.forLockstep(runPlans, group, plan.runs().size());
        List<OpenRun> runs = new ArrayList<>();
        Map<OpenRun, TrainingResult> results = new HashMap<>();
        List<OpenRun> wired = new ArrayList<>();
        List<LockstepTrainer.Lane> lanes = new ArrayList<>();
        for (int index : group) {
            OpenRun run = open(plan, index, sweepId, parent);
            runs.add(run);
            try {
                Injector injector = run.injector(run.listener.watchedBy(listener));
                lanes.add(new LockstepTrainer.Lane(injector.getInstance(Players.class), injector.getInstance(MetricsRecorder.class),
                        injector.getInstance(Evaluation.class)));
                wired.add(run);
            }
            catch (RuntimeException e) {
                results.put(run, failed(run.plan(), e));
            }
        }
        RunPlan first = runPlans.get(0);
        try {
            ParallelLockstep trainer = ParallelLockstep.create(first.spec().train(), lanes, lockstepThreads(), listener, stopSignal, DataType.FLOAT);
            listener.started(wired.size() + " runs in lockstep", first.spec().train().steps());
            try {
                List<TrainingResult> laneResults = trainer.train();
                for (int lane = 0; lane < wired.size(); lane++) {
                    results.put(wired.get(lane), laneResults.get(lane));
                }
            }
            catch (RuntimeException e) {
                wired.forEach(run -> results.put(run, failed(run.plan(), e)));
            }
            finally {
                listener.finished();
            }
        }
        catch (LockstepTrainer.NotStackableException e) {
            log.warn("train.vectorizeSweep: these {} runs are trained one by one: {}", wired.size(), e.getMessage());
            for (OpenRun run : wired) {
                if (stopSignal.isRequested()) {
                    results.put(run, new TrainingResult(RunStatus.KILLED, 0, Map.of(), Optional.of("interrupted before it started")));
                    continue;
                }
                TrainingListener own = run.listener.watchedBy(listeners.forRun(run.plan(), run.index, plan.runs().size()));
                try {
                    own.started(run.plan().runName(), run.plan().spec().train().steps());
                    results.put(run, run.injector(own).getInstance(Trainer.class).train());
                }
                catch (RuntimeException failure) {
                    results.put(run, failed(run.plan(), failure));
                }
                finally {
                    own.finished();
                }
            }
        }
        return runs.stream().map(run -> close(run, results.get(run))).toList();
    }

    /**
     * Threads for a lockstep: one per core, or {@code MINIMAX_LOCKSTEP_THREADS} (the benchmarks compare 1 and 2).
     * Each thread trains a contiguous part of the lanes on one native thread.
     */
    private static int lockstepThreads()
    {
        String configured = System.getenv("MINIMAX_LOCKSTEP_THREADS");
        if (configured != null && configured.matches("[1-9][0-9]{0,3}")) {
            return Integer.parseInt(configured);
        }
        return Runtime.getRuntime().availableProcessors();
    }

    /** A run whose journal is open and whose trackers have been told it started. */
    private final class OpenRun
    {
        private final RunPlan plan;
        // its position in the plan
        private final int index;
        private final RunJournal journal;
        private final List<Tracker> trackers;
        // what the run's injector hands its trainer: the lockstep's listener, or the run's own when trained alone
        private final ForwardingListener listener = new ForwardingListener();
        private Injector injector;
        private RuntimeException startFailure;

        OpenRun(RunPlan plan, int index, RunJournal journal, List<Tracker> trackers)
        {
            this.plan = plan;
            this.index = index;
            this.journal = journal;
            this.trackers = trackers;
        }

        RunPlan plan()
        {
            return plan;
        }

        /** The run's injector, made on first use with {@code listener} watching it. */
        Injector injector(TrainingListener listener)
        {
            if (startFailure != null) {
                throw startFailure;
            }
            if (injector == null) {
                injector = RunInjector.create(
                        new RunModule(plan.spec(), registry, DataType.FLOAT),
                        new RunServicesModule(journal.info(), trackers, listener, stopSignal, clock));
            }
            return injector;
        }
    }

    private OpenRun open(ExperimentPlan plan, int index, Optional<String> sweepId, Optional<Tracker> parent)
    {
        RunPlan runPlan = plan.runs().get(index);
        RunJournal journal = RunJournal.create(runsDirectory, runPlan.spec().name(), runPlan.runName(), clock);
        journal.writeDescriptor(runPlan.resolvedYaml());
        List<Tracker> trackers = new ArrayList<>();
        trackers.add(journal);
        OpenRun run = new OpenRun(runPlan, index, journal, trackers);
        try {
            trackerFactories.forRun(runPlan, parent).ifPresent(trackers::add);
            Map<String, String> runTags = tags.forRun(plan, runPlan, registry, sweepId);
            for (Tracker tracker : trackers) {
                tracker.runStarted(journal.info(), experimentParams(runPlan), runTags);
            }
        }
        catch (RuntimeException e) {
            // trackers that did start are ended by close(); the run fails when it tries to train without them
            run.startFailure = e;
        }
        return run;
    }

    private RunOutcome close(OpenRun run, TrainingResult result)
    {
        RunJournal journal = run.journal;
        List<MirroredRun> mirrors = new ArrayList<>();
        for (Tracker tracker : run.trackers) {
            endQuietly(tracker, new RunEnding(result.status(), result.error()));
            if (tracker instanceof MirroringTracker mirroring) {
                mirroring.mirroredRun().ifPresent(mirror -> {
                    mirrors.add(mirror);
                    try {
                        RunMirrors.remember(journal.info().directory(), mirror);
                    }
                    catch (UncheckedIOException e) {
                        // only costs a search by run id at the next sync
                        log.warn("{} ({})", e.getMessage(), e.getCause().getMessage());
                    }
                });
            }
        }
        return new RunOutcome(run.plan, journal.info(), result, mirrors);
    }

    private static TrainingResult failed(RunPlan runPlan, RuntimeException e)
    {
        if (!(e instanceof CreationException) && !(e instanceof ProvisionException)) {
            log.debug("run {} failed", runPlan.runName(), e);
        }
        return failed(rootMessage(e));
    }

    /**
     * The resolved descriptor's parameters without the {@code tracking} section and {@code train.vectorizeSweep}:
     * where a run is mirrored to, and whether it trained in lockstep, say nothing about the experiment, and two runs
     * that differ only in them must compare as equal.
     */
    private static Map<String, String> experimentParams(RunPlan runPlan)
    {
        Map<String, String> params = new TreeMap<>(runPlan.params());
        params.keySet().removeIf(key -> key.equals("tracking") || key.startsWith("tracking.") || key.equals("train.vectorizeSweep"));
        return params;
    }

    private static void endQuietly(Tracker tracker, RunEnding outcome)
    {
        try {
            tracker.runEnded(outcome.status(), outcome.error());
            tracker.close();
        }
        catch (RuntimeException e) {
            log.warn("tracker {} could not end the run: {}", tracker.getClass().getSimpleName(), e.getMessage());
        }
    }

    private static TrainingResult failed(String message)
    {
        return new TrainingResult(RunStatus.FAILED, 0, Map.of(), Optional.of(message));
    }

    /** The innermost message: Guice wraps a plugin's own exception twice, and the user needs the plugin's words. */
    static String rootMessage(Throwable throwable)
    {
        Throwable cause = throwable;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    /** A listener that passes everything on to the listener set last. */
    private static final class ForwardingListener
            implements TrainingListener
    {
        private TrainingListener delegate = TrainingListener.NONE;

        ForwardingListener watchedBy(TrainingListener listener)
        {
            this.delegate = requireNonNull(listener, "listener is null");
            return this;
        }

        @Override
        public void started(String runName, long totalSteps)
        {
            delegate.started(runName, totalSteps);
        }

        @Override
        public void logged(long step, Map<String, Double> values)
        {
            delegate.logged(step, values);
        }

        @Override
        public void finished()
        {
            delegate.finished();
        }
    }
}
