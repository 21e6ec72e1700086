package io.minimax.core.run;

import io.minimax.core.checkpoint.Checkpoint;
import io.minimax.core.checkpoint.ResumePoint;
import io.minimax.core.descriptor.ExperimentPlan;
import io.minimax.core.descriptor.RunPlan;
import io.minimax.core.engine.StopSignal;
import io.minimax.core.engine.RetrainedSteps;
import io.minimax.core.journal.JournalReader;
import io.minimax.core.journal.JournaledMetrics;
import io.minimax.core.journal.RunJournal;
import io.minimax.core.plugin.PluginRegistry;
import io.minimax.spi.tracking.Tracker;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * Opens runs: the journal first, before anything else can fail, so that every run that started is on disk with its
 * final status; then the trackers, told the run started.
 */
final class RunSessions
{
    private final PluginRegistry registry;
    private final Path runsDirectory;
    private final RunTags tags;
    private final RunTrackers trackerFactories;
    private final StopSignal stopSignal;
    private final Clock clock;

    RunSessions(PluginRegistry registry, Path runsDirectory, RunTags tags, StopSignal stopSignal, Clock clock)
    {
        this.registry = requireNonNull(registry, "registry is null");
        this.runsDirectory = requireNonNull(runsDirectory, "runsDirectory is null");
        this.tags = requireNonNull(tags, "tags is null");
        this.trackerFactories = new RunTrackers(registry);
        this.stopSignal = requireNonNull(stopSignal, "stopSignal is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** The run at plan position {@code index}; a tracker that cannot start makes the run fail when it trains. */
    RunSession open(ExperimentPlan plan, int index, Optional<String> sweepId, Optional<Tracker> parent)
    {
        return open(plan, index, sweepId, parent, Optional.empty());
    }

    /** As {@link #open(ExperimentPlan, int, Optional, Optional)}, in the folder of {@code runId} when a sweep plan named it. */
    RunSession open(ExperimentPlan plan, int index, Optional<String> sweepId, Optional<Tracker> parent, Optional<String> runId)
    {
        RunPlan runPlan = plan.runs().get(index);
        RunJournal journal = runId.isPresent()
                ? RunJournal.create(runsDirectory, runPlan.spec().name(), runId.get(), runPlan.runName(), clock)
                : RunJournal.create(runsDirectory, runPlan.spec().name(), runPlan.runName(), clock);
        journal.writeDescriptor(runPlan.resolvedYaml());
        List<Tracker> trackers = new ArrayList<>();
        trackers.add(journal);
        Optional<RuntimeException> startFailure = Optional.empty();
        try {
            trackerFactories.forRun(runPlan, parent).ifPresent(trackers::add);
            Map<String, String> runTags = tags.forRun(plan, runPlan, registry, sweepId);
            for (Tracker tracker : trackers) {
                tracker.runStarted(journal.info(), experimentParams(runPlan), runTags);
            }
        }
        catch (RuntimeException e) {
            // trackers that did start are ended when the session closes
            startFailure = Optional.of(e);
        }
        return new RunSession(runPlan, index, journal, trackers, startFailure, registry, stopSignal, clock, ResumePoint.NONE);
    }

    /**
     * The run at plan position {@code index}, journaled in {@code directory}, taken up again after the step of
     * {@code checkpoint} (at step 0 without one): its journal goes back to that step and to RUNNING, and its
     * trackers are told it resumes ({@link Tracker#runResumed}) with what the journal holds.
     */
    RunSession reopen(ExperimentPlan plan, int index, Path directory, Optional<Checkpoint> checkpoint)
    {
        RunPlan runPlan = plan.runs().get(index);
        RunJournal journal = RunJournal.reopen(directory, checkpoint.map(Checkpoint::step).orElse(0L), clock);
        List<Tracker> trackers = new ArrayList<>();
        trackers.add(journal);
        Optional<RuntimeException> startFailure = Optional.empty();
        try {
            Optional<Tracker> tracker = trackerFactories.forRun(runPlan, Optional.empty());
            if (tracker.isPresent()) {
                trackers.add(tracker.get());
                JournaledMetrics journaled = new JournalReader(runsDirectory).metrics(directory);
                tracker.get().runResumed(journal.info(), journal.params(), journal.tags(), journaled.points());
            }
        }
        catch (RuntimeException e) {
            startFailure = Optional.of(e);
        }
        return new RunSession(runPlan, index, journal, trackers, startFailure, registry, stopSignal, clock,
                new ResumePoint(checkpoint, new RetrainedSteps(journal.retrained())));
    }

    /**
     * The resolved descriptor's parameters without the {@code tracking} section, {@code train.vectorizeSweep},
     * {@code train.threads} and the checkpoint cadence: where a run is mirrored to, whether it trained in lockstep, on how
     * many threads and how often it was saved say
     * nothing about the experiment, and two runs that differ only in them must compare as equal.
     */
    static Map<String, String> experimentParams(RunPlan runPlan)
    {
        Map<String, String> params = new TreeMap<>(runPlan.params());
        params.keySet().removeIf(key -> key.equals("tracking") || key.startsWith("tracking.")
                || key.equals("train.vectorizeSweep") || key.equals("train.threads")
                || key.equals("train.checkpointEvery") || key.equals("train.keepCheckpoints"));
        return params;
    }
}
