package io.minimax.core.run;

import io.minimax.core.descriptor.ExperimentPlan;
import io.minimax.core.plugin.PluginRegistry;
import io.minimax.spi.tracking.RunInfo;
import io.minimax.spi.tracking.Tracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A sweep's parent run, with a nesting tracker (MLflow): it starts before the first run and ends after the last, and
 * the runs are its children. Without one, or when it cannot start (the warning says why), the runs are tracked alone.
 */
final class SweepParentRun
{
    private static final Logger log = LoggerFactory.getLogger(SweepParentRun.class);

    private final Optional<Tracker> tracker;

    private SweepParentRun(Optional<Tracker> tracker)
    {
        this.tracker = tracker;
    }

    static SweepParentRun none()
    {
        return new SweepParentRun(Optional.empty());
    }

    static SweepParentRun start(ExperimentPlan plan, String sweepId, PluginRegistry registry, Path runsDirectory, RunTags tags, Clock clock)
    {
        return start(plan, sweepId, registry, runsDirectory, tags, clock, false);
    }

    /**
     * @param planned the sweep was planned ahead ({@value SweepTags#PLANNED}): the tracker finds the parent made at
     *         planning and leaves its end alone, since each task of the sweep is a process of its own
     */
    static SweepParentRun start(ExperimentPlan plan, String sweepId, PluginRegistry registry, Path runsDirectory, RunTags tags, Clock clock,
            boolean planned)
    {
        requireNonNull(plan, "plan is null");
        try {
            Optional<Tracker> parent = new RunTrackers(registry).parent(plan);
            RunInfo info = new RunInfo(sweepId, plan.name(), plan.name(), runsDirectory.resolve(plan.name()), clock.millis());
            Map<String, String> sweepTags = new LinkedHashMap<>(tags.forSweep(plan, sweepId, registry));
            if (planned) {
                sweepTags.put(SweepTags.PLANNED, "true");
            }
            parent.ifPresent(tracker -> tracker.runStarted(info, Map.of(), sweepTags));
            return new SweepParentRun(parent);
        }
        catch (RuntimeException e) {
            log.warn("the sweep's runs are tracked without a parent run: {}", TrainingAttempt.rootMessage(e));
            return none();
        }
    }

    /** The tracker the runs nest under, if any. */
    Optional<Tracker> tracker()
    {
        return tracker;
    }

    /** Ends the parent run as {@link RunEnding#ofSweep} says the sweep ended. */
    void end(List<RunOutcome> outcomes, int plannedRuns, boolean stopped)
    {
        tracker.ifPresent(parent -> RunEnding.ofSweep(outcomes, plannedRuns, stopped).endQuietly(parent));
    }
}
