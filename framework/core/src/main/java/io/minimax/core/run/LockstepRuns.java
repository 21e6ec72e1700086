package io.minimax.core.run;

import io.minimax.core.descriptor.ExperimentPlan;
import io.minimax.core.descriptor.RunPlan;
import io.minimax.core.descriptor.TrainSpec;
import io.minimax.core.engine.Lane;
import io.minimax.core.engine.LockstepRefusedException;
import io.minimax.core.engine.ParallelLockstep;
import io.minimax.core.engine.StopSignal;
import io.minimax.core.engine.TrainingListener;
import io.minimax.core.engine.TrainingResult;
import io.minimax.spi.tracking.RunStatus;
import io.minimax.spi.tracking.Tracker;
import org.nd4j.linalg.api.buffer.DataType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;

import static java.util.Objects.requireNonNull;

/**
 * A lockstep group: every run is journaled and wired as usual, then all train as lanes of one computation
 * ({@link ParallelLockstep}, on {@code train.threads} threads). Runs that cannot be wired end FAILED alone; when the
 * lanes cannot share a computation (the warning says why), they are trained one by one with the trainers already made.
 */
final class LockstepRuns
{
    private static final Logger log = LoggerFactory.getLogger(LockstepRuns.class);

    private final RunSessions sessions;
    private final ExperimentRunner.ProgressListeners listeners;
    private final StopSignal stopSignal;

    LockstepRuns(RunSessions sessions, ExperimentRunner.ProgressListeners listeners, StopSignal stopSignal)
    {
        this.sessions = requireNonNull(sessions, "sessions is null");
        this.listeners = requireNonNull(listeners, "listeners is null");
        this.stopSignal = requireNonNull(stopSignal, "stopSignal is null");
    }

    /** Trains the runs at plan positions {@code group}, in fresh folders; returns their outcomes in group order. */
    List<RunOutcome> train(ExperimentPlan plan, List<Integer> group, Optional<String> sweepId, Optional<Tracker> parent)
    {
        return train(plan, group, index -> sessions.open(plan, index, sweepId, parent));
    }

    /**
     * Trains the runs at plan positions {@code group}, each opened by {@code open} (new, or reopened from checkpoints
     * of one step); returns their outcomes in group order.
     */
    List<RunOutcome> train(ExperimentPlan plan, List<Integer> group, IntFunction<RunSession> open)
    {
        List<RunPlan> runPlans = group.stream().map(index -> plan.runs().get(index)).toList();
        TrainingListener listener = listeners.forLockstep(runPlans, group, plan.runs().size());
        List<RunSession> opened = new ArrayList<>();
        Map<RunSession, TrainingResult> results = new HashMap<>();
        List<RunSession> wired = new ArrayList<>();
        List<Lane> lanes = new ArrayList<>();
        for (int index : group) {
            RunSession session = open.apply(index);
            opened.add(session);
            try {
                lanes.add(session.lane(listener));
                wired.add(session);
            }
            catch (RuntimeException e) {
                results.put(session, TrainingAttempt.failed(session.plan().runName(), e));
            }
        }
        TrainSpec train = runPlans.get(0).spec().train();
        try {
            ParallelLockstep lockstep = ParallelLockstep.create(train, lanes, train.threads(), listener, stopSignal, DataType.FLOAT);
            List<TrainingResult> laneResults = TrainingAttempt.train(listener, wired.size() + " runs in lockstep", train.steps(),
                    wired.size(), lockstep::train);
            for (int lane = 0; lane < wired.size(); lane++) {
                results.put(wired.get(lane), laneResults.get(lane));
            }
        }
        catch (LockstepRefusedException e) {
            log.warn("train.vectorizeSweep: these {} runs are trained one by one: {}", wired.size(), e.getMessage());
            for (RunSession session : wired) {
                results.put(session, stopSignal.isRequested()
                        ? new TrainingResult(RunStatus.KILLED, 0, Map.of(), Optional.of("interrupted before it started"))
                        : session.trainAlone(listeners.forRun(session.plan(), session.index(), plan.runs().size())));
            }
        }
        return opened.stream().map(session -> session.close(results.get(session))).toList();
    }
}
