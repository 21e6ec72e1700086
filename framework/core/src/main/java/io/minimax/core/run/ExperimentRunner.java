package io.minimax.core.run;

import com.google.inject.CreationException;
import com.google.inject.Injector;
import com.google.inject.ProvisionException;
import io.minimax.core.descriptor.ExperimentPlan;
import io.minimax.core.descriptor.PluginSelection;
import io.minimax.core.descriptor.RunPlan;
import io.minimax.core.engine.StopSignal;
import io.minimax.core.engine.Trainer;
import io.minimax.core.engine.TrainingListener;
import io.minimax.core.engine.TrainingResult;
import io.minimax.core.journal.RunJournal;
import io.minimax.core.plugin.PluginRegistry;
import io.minimax.core.wiring.PluginInstances;
import io.minimax.core.wiring.RunInjector;
import io.minimax.core.wiring.RunModule;
import io.minimax.core.wiring.RunServicesModule;
import io.minimax.spi.PluginContext;
import io.minimax.spi.RandomSource;
import io.minimax.spi.tracking.RunStatus;
import io.minimax.spi.tracking.Tracker;
import org.nd4j.linalg.api.buffer.DataType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

    public ExperimentRunner(PluginRegistry registry, Path runsDirectory, RunTags tags, ProgressListeners listeners, StopSignal stopSignal, Clock clock)
    {
        this.registry = requireNonNull(registry, "registry is null");
        this.runsDirectory = requireNonNull(runsDirectory, "runsDirectory is null");
        this.tags = requireNonNull(tags, "tags is null");
        this.listeners = requireNonNull(listeners, "listeners is null");
        this.stopSignal = requireNonNull(stopSignal, "stopSignal is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** Runs every run of the plan in order; after a Ctrl-C the remaining runs are not started. */
    public List<RunOutcome> run(ExperimentPlan plan)
    {
        List<RunOutcome> outcomes = new ArrayList<>();
        for (int index = 0; index < plan.runs().size() && !stopSignal.isRequested(); index++) {
            RunPlan runPlan = plan.runs().get(index);
            outcomes.add(runOne(plan, runPlan, listeners.forRun(runPlan, index, plan.runs().size())));
        }
        return outcomes;
    }

    private RunOutcome runOne(ExperimentPlan plan, RunPlan runPlan, TrainingListener listener)
    {
        RunJournal journal = RunJournal.create(runsDirectory, runPlan.spec().name(), runPlan.runName(), clock);
        journal.writeDescriptor(runPlan.resolvedYaml());
        List<Tracker> trackers = new ArrayList<>();
        trackers.add(journal);
        TrainingResult result;
        try {
            runPlan.spec().tracking().map(this::tracker).ifPresent(trackers::add);
            for (Tracker tracker : trackers) {
                tracker.runStarted(journal.info(), runPlan.params(), tags.forRun(plan, runPlan, registry));
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
        for (Tracker tracker : trackers) {
            endQuietly(tracker, result);
        }
        return new RunOutcome(runPlan, journal.info(), result);
    }

    private Tracker tracker(PluginSelection selection)
    {
        var factory = registry.trackers().find(selection.type())
                .orElseThrow(() -> new IllegalStateException("no tracker named '" + selection.type() + "'"));
        PluginContext context = new TrackerContext(RandomSource.seeded(0));
        return PluginInstances.tracker(factory, selection.spec(), context);
    }

    private static void endQuietly(Tracker tracker, TrainingResult result)
    {
        try {
            tracker.runEnded(result.status(), result.error());
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

    private record TrackerContext(RandomSource random)
            implements PluginContext
    {
        @Override
        public DataType dataType()
        {
            return DataType.FLOAT;
        }
    }
}
