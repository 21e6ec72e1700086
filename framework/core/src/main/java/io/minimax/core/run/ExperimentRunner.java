package io.minimax.core.run;

import io.minimax.core.descriptor.ExperimentPlan;
import io.minimax.core.descriptor.RunPlan;
import io.minimax.core.engine.StopSignal;
import io.minimax.core.engine.TrainingListener;
import io.minimax.core.plugin.PluginRegistry;
import io.minimax.spi.tracking.Tracker;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Runs the runs of an experiment plan in the order {@link SweepPlanner} gives, each with its own journal and its own
 * injector ({@link RunSession}), alone or in lockstep ({@link LockstepRuns}).
 */
public final class ExperimentRunner
{
    /** Creates the listener that watches one run's progress (a progress bar in the CLI). */
    public interface ProgressListeners
    {
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
    private final RunSessions sessions;
    private final LockstepRuns lockstep;

    public ExperimentRunner(PluginRegistry registry, Path runsDirectory, RunTags tags, ProgressListeners listeners, StopSignal stopSignal,
            Clock clock)
    {
        this.registry = requireNonNull(registry, "registry is null");
        this.runsDirectory = requireNonNull(runsDirectory, "runsDirectory is null");
        this.tags = requireNonNull(tags, "tags is null");
        this.listeners = requireNonNull(listeners, "listeners is null");
        this.stopSignal = requireNonNull(stopSignal, "stopSignal is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.sessions = new RunSessions(registry, runsDirectory, tags, stopSignal, clock);
        this.lockstep = new LockstepRuns(sessions, listeners, stopSignal);
    }

    /**
     * Runs every run of the plan; after a Ctrl-C the remaining runs are not started. A sweep's runs share a sweep id
     * (tag {@value SweepTags#SWEEP_ID}), so that they can be grouped again from the journal, and with a
     * nesting tracker (MLflow) a parent run that starts before the first run and ends after the last.
     */
    public List<RunOutcome> run(ExperimentPlan plan)
    {
        Optional<String> sweepId = plan.isSweep() ? Optional.of(RunIds.next()) : Optional.empty();
        List<List<Integer>> groups = SweepPlanner.groups(plan);
        SweepParentRun parent = sweepId.map(id -> SweepParentRun.start(plan, id, registry, runsDirectory, tags, clock))
                .orElseGet(SweepParentRun::none);
        List<RunOutcome> outcomes = new ArrayList<>();
        try {
            for (List<Integer> group : groups) {
                if (stopSignal.isRequested()) {
                    break;
                }
                if (group.size() == 1) {
                    outcomes.add(runAlone(plan, group.get(0), sweepId, parent.tracker()));
                }
                else {
                    outcomes.addAll(lockstep.train(plan, group, sweepId, parent.tracker()));
                }
            }
        }
        finally {
            parent.end(outcomes, plan.runs().size(), stopSignal.isRequested());
        }
        return outcomes;
    }

    private RunOutcome runAlone(ExperimentPlan plan, int index, Optional<String> sweepId, Optional<Tracker> parent)
    {
        TrainingListener listener = listeners.forRun(plan.runs().get(index), index, plan.runs().size());
        RunSession session = sessions.open(plan, index, sweepId, parent);
        return session.close(session.trainAlone(listener));
    }
}
