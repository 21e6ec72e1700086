package io.minimax.core.run;

import com.google.inject.CreationException;
import com.google.inject.Injector;
import com.google.inject.ProvisionException;
import io.minimax.core.descriptor.ExperimentPlan;
import io.minimax.core.descriptor.RunPlan;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

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
        Optional<Tracker> parent = sweepId.flatMap(id -> startParent(plan, id));
        List<RunOutcome> outcomes = new ArrayList<>();
        try {
            for (int index = 0; index < plan.runs().size() && !stopSignal.isRequested(); index++) {
                RunPlan runPlan = plan.runs().get(index);
                outcomes.add(runOne(plan, runPlan, listeners.forRun(runPlan, index, plan.runs().size()), sweepId, parent));
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

    private RunOutcome runOne(ExperimentPlan plan, RunPlan runPlan, TrainingListener listener, Optional<String> sweepId, Optional<Tracker> parent)
    {
        RunJournal journal = RunJournal.create(runsDirectory, runPlan.spec().name(), runPlan.runName(), clock);
        journal.writeDescriptor(runPlan.resolvedYaml());
        List<Tracker> trackers = new ArrayList<>();
        trackers.add(journal);
        TrainingResult result;
        try {
            trackerFactories.forRun(runPlan, parent).ifPresent(trackers::add);
            Map<String, String> runTags = tags.forRun(plan, runPlan, registry, sweepId);
            for (Tracker tracker : trackers) {
                tracker.runStarted(journal.info(), experimentParams(runPlan), runTags);
            }
            listener.started(runPlan.runName(), runPlan.spec().train().steps());
            Injector injector = RunInjector.create(
                    new RunModule(runPlan.spec(), registry, DataType.FLOAT),
                    new RunServicesModule(journal.info(), trackers, listener, stopSignal, clock));
            result = injector.getInstance(Trainer.class).train();
        }
        catch (CreationException | ProvisionException e) {
            result = failed(rootMessage(e));
        }
        catch (RuntimeException e) {
            log.debug("run {} failed", runPlan.runName(), e);
            result = failed(rootMessage(e));
        }
        finally {
            listener.finished();
        }
        List<MirroredRun> mirrors = new ArrayList<>();
        for (Tracker tracker : trackers) {
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
        return new RunOutcome(runPlan, journal.info(), result, mirrors);
    }

    /**
     * The resolved descriptor's parameters without the {@code tracking} section: where a run is mirrored to says
     * nothing about the experiment, and two runs that differ only in it must compare as equal.
     */
    private static Map<String, String> experimentParams(RunPlan runPlan)
    {
        Map<String, String> params = new TreeMap<>(runPlan.params());
        params.keySet().removeIf(key -> key.equals("tracking") || key.startsWith("tracking."));
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
}
