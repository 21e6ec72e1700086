package io.minimax.core.run;

import io.minimax.core.checkpoint.Checkpoint;
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
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.IntFunction;

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

    /**
     * Takes up an earlier attempt of the plan ({@code minimax run --resume}): of the runs at plan positions
     * {@code indices}, a FINISHED one is not trained again (its outcome is read from its journal), one still alive
     * elsewhere is left alone (no outcome), one with a checkpoint resumes from it in its own journal and mirror, one
     * without trains again from step 0 in its own journal, and one never started starts in the attempt's sweep. A
     * lockstep group trains together the runs that resume from the same step. The sweep's parent run in a nesting
     * tracker is not continued: {@code minimax sync} brings it up to date.
     */
    public List<RunOutcome> resume(ExperimentPlan plan, JournaledPlan journaled, List<Integer> indices)
    {
        Optional<String> sweepId = plan.isSweep() ? Optional.of(journaled.sweepId().orElseGet(RunIds::next)) : Optional.empty();
        return takeUp(plan, journaled, indices, index -> sessions.open(plan, index, sweepId, Optional.empty()));
    }

    /**
     * Makes the parent run of a sweep planned ahead ({@code minimax submit}), with a nesting tracker, before any of
     * its tasks starts: each task is a process of its own, and all of them nest their runs under this one.
     */
    public void startPlannedSweep(ExperimentPlan plan, String sweepId)
    {
        SweepParentRun parent = SweepParentRun.start(plan, sweepId, registry, runsDirectory, tags, clock, true);
        // a planned parent's tracker only waits here for the parent to exist: the sweep's end is not this process's to say
        parent.end(List.of(), plan.runs().size(), false);
    }

    /**
     * Runs one task of a sweep planned ahead, or takes it up again when the task is retried: the runs at plan positions
     * {@code group} (one run, or one lockstep group), as {@link JournaledPlan#readPlanned} found them, are taken up as
     * {@link #resume} says; one never started starts in the folder {@code runIds} names, tagged with the sweep's id and
     * nested under its parent run.
     */
    public List<RunOutcome> runPlanned(ExperimentPlan plan, JournaledPlan journaled, List<Integer> group, List<String> runIds)
    {
        if (group.isEmpty() || group.size() != runIds.size()) {
            throw new IllegalArgumentException("a task has runs, one folder each: " + group + ", " + runIds);
        }
        Optional<String> sweepId = plan.isSweep() ? Optional.of(journaled.sweepId().orElseThrow()) : Optional.empty();
        boolean starts = group.stream().anyMatch(index -> journaled.runs().get(index).progress() == JournaledPlan.Progress.NOT_STARTED);
        // runs taken up are nested already; only a run that starts needs the parent
        SweepParentRun parent = sweepId.filter(id -> starts)
                .map(id -> SweepParentRun.start(plan, id, registry, runsDirectory, tags, clock, true))
                .orElseGet(SweepParentRun::none);
        List<RunOutcome> outcomes = new ArrayList<>();
        try {
            outcomes.addAll(takeUp(plan, journaled, group,
                    index -> sessions.open(plan, index, sweepId, parent.tracker(), Optional.of(runIds.get(group.indexOf(index))))));
        }
        finally {
            parent.end(outcomes, plan.runs().size(), stopSignal.isRequested());
        }
        return outcomes;
    }

    /** {@link #resume}'s walk over the plan's groups; {@code start} opens a run never started. */
    private List<RunOutcome> takeUp(ExperimentPlan plan, JournaledPlan journaled, List<Integer> indices, IntFunction<RunSession> start)
    {
        List<RunOutcome> outcomes = new ArrayList<>();
        // a lockstep's run resumed alone computes what it computed as a lane: no warning that it is not a sweep
        for (List<Integer> group : plan.isSweep() ? SweepPlanner.groups(plan) : List.of(List.of(0))) {
            Map<Long, List<Integer>> byStep = new TreeMap<>();
            for (int index : group) {
                JournaledPlan.PlannedRun planned = journaled.runs().get(index);
                if (!indices.contains(index) || planned.progress() == JournaledPlan.Progress.ALIVE) {
                    continue;
                }
                if (planned.progress() == JournaledPlan.Progress.FINISHED) {
                    outcomes.add(FinishedRuns.outcome(plan.runs().get(index), planned.run().orElseThrow()));
                    continue;
                }
                byStep.computeIfAbsent(planned.checkpoint().map(Checkpoint::step).orElse(0L), step -> new ArrayList<>()).add(index);
            }
            for (List<Integer> together : byStep.values()) {
                if (stopSignal.isRequested()) {
                    return outcomes;
                }
                IntFunction<RunSession> open = index -> {
                    JournaledPlan.PlannedRun planned = journaled.runs().get(index);
                    return planned.run().isPresent()
                            ? sessions.reopen(plan, index, planned.run().get().directory(), planned.checkpoint())
                            : start.apply(index);
                };
                if (together.size() == 1) {
                    int index = together.get(0);
                    RunSession session = open.apply(index);
                    outcomes.add(session.close(session.trainAlone(listeners.forRun(plan.runs().get(index), index, plan.runs().size()))));
                }
                else {
                    outcomes.addAll(lockstep.train(plan, together, open));
                }
            }
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
