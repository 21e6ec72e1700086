package io.minimax.core.engine;

import io.minimax.core.descriptor.TrainSpec;
import io.minimax.spi.tracking.RunStatus;
import org.nd4j.linalg.api.buffer.DataType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Goodfellow et al.'s Algorithm 1: for each of {@code steps} training iterations, k discriminator updates, each on a
 * fresh minibatch of m noise samples and m data samples, then one generator update on a fresh minibatch of m noise
 * samples, in the order the {@link UpdateSchedule} gives.
 *
 * <p>A run trained alone is one lane. The runs of a sweep trained in lockstep ({@code train.vectorizeSweep}) are the
 * lanes of one loop: their networks' parameters are slices of one vector per player ({@link ParameterVectors#handOut}).
 * The lanes take their steps a block at a time: lane after lane, each runs the block's steps, up to
 * {@value #BLOCK_STEPS} of them (fewer when a lane's steps are slow: a stop request waits for the block to end) and
 * never past the next step that logs, evaluates or saves, with its own optimizers
 * over its own slices, so that its parameters, moments and activations stay in the core's cache for the whole block.
 * Stepping every lane once before the next (one optimizer pass over all lanes' vectors) reloaded every lane's working
 * set from memory at every step once 16 lanes of the toy GAN outgrew the L2 cache: 1.5x the time per run-step of a run
 * alone, where blocks of steps cost about what a run alone does. Every lane computes exactly what its run computes
 * alone, and all lanes are at the same step at every log, evaluation, checkpoint and stop.
 *
 * <p>Each lane logs to its own recorder and evaluates with its own evaluation. A lane whose numbers stop being finite
 * ends FAILED at that step while the others go on; a stop request ends all of them KILLED. {@code stepMillis} is the
 * step's time divided by the number of lanes: the cost of one run-step on the thread that trains them. The listener
 * hears the values of the first lane that logged.
 */
public final class TrainingLoop
{
    // at most this many steps of a lane before the next lane's turn: enough that reloading its working set is a few per
    // cent of the block (16 lanes of the toy GAN, one thread: 0.44 ms per run-step in blocks of 64, 0.46 in blocks of 16,
    // 0.48-0.50 in blocks of 4, 0.68 one step at a time)
    static final int BLOCK_STEPS = 64;
    // and so many nanoseconds of one lane's steps, so that a stop request waits at most about this long per lane
    private static final long BLOCK_NANOS = 20_000_000;

    private final TrainSpec train;
    private final UpdateSchedule schedule;
    private final List<LaneState> lanes;
    // per lane: its networks' vectors (slices, in a lockstep) and its own optimizers
    private final List<ParameterVectors> parameters;
    private final List<UpdateSchedule.Updates> updates;
    private final TrainingListener listener;
    private final StopSignal stopSignal;
    // the steps of the next block; one until a block has measured how long a step takes
    private long blockSteps = 1;

    private TrainingLoop(TrainSpec train, List<Lane> lanes, TrainingListener listener, StopSignal stopSignal, DataType dataType)
    {
        this.train = requireNonNull(train, "train is null");
        this.schedule = UpdateSchedule.of(train.updates());
        this.lanes = lanes.stream().map(lane -> new LaneState(lane, train, dataType)).toList();
        this.parameters = lanes.stream().map(lane -> ParameterVectors.of(lane.players())).toList();
        List<UpdateSchedule.Updates> laneUpdates = new ArrayList<>();
        for (int lane = 0; lane < lanes.size(); lane++) {
            laneUpdates.add(new LaneUpdates(this.lanes.get(lane), parameters.get(lane)));
        }
        this.updates = List.copyOf(laneUpdates);
        this.listener = requireNonNull(listener, "listener is null");
        this.stopSignal = requireNonNull(stopSignal, "stopSignal is null");
    }

    /** A run trained alone: its own optimizers step over its own networks; it saves checkpoints as its lane says. */
    public static TrainingLoop alone(TrainSpec train, Lane lane, TrainingListener listener, StopSignal stopSignal, DataType dataType)
    {
        return new TrainingLoop(train, List.of(lane), listener, stopSignal, requireNonNull(dataType, "dataType is null"));
    }

    /**
     * Runs trained in lockstep, wired with {@link ParameterOwner#LOCKSTEP}: their networks get their vectors here,
     * and keep working alone afterwards. Each lane saves its own checkpoints, which hold what its run alone would save;
     * all lanes resume from the same step.
     */
    static TrainingLoop lockstep(TrainSpec train, List<Lane> lanes, TrainingListener listener, StopSignal stopSignal, DataType dataType)
    {
        List<Lane> laneList = List.copyOf(lanes);
        ParameterVectors.handOut(laneList.stream().map(Lane::players).toList(), requireNonNull(dataType, "dataType is null"));
        return new TrainingLoop(train, laneList, listener, stopSignal, dataType);
    }

    /** Trains every lane; returns their results in lane order. */
    public List<TrainingResult> train()
    {
        StepBookkeeping bookkeeping = new StepBookkeeping(train, lanes.size());
        long step = restore();
        long saved = step;
        if (step == 0) {
            lanes.forEach(LaneState::recordInitialScalars);
            lanes.forEach(LaneState::evaluateBeforeTraining);
        }
        bookkeeping.startWindow();
        while (step < train.steps() && anyRunning()) {
            if (stopSignal.isRequested()) {
                if (step > saved) {
                    // cheap next to the run, and the interrupted run can resume where it stopped
                    save(step);
                }
                endRunning(RunStatus.KILLED, step, Optional.of("interrupted at step " + step));
                break;
            }
            long blockEnd = blockEnd(step, bookkeeping);
            long blockStart = System.nanoTime();
            for (int lane = 0; lane < lanes.size(); lane++) {
                LaneState state = lanes.get(lane);
                for (long laneStep = step + 1; laneStep <= blockEnd && state.isRunning(); laneStep++) {
                    schedule.iterate(updates.get(lane), train.discriminatorSteps());
                    state.checkLosses(laneStep);
                }
            }
            long nanosPerLaneStep = Math.max(1, (System.nanoTime() - blockStart) / ((blockEnd - step) * lanes.size()));
            blockSteps = Math.max(1, Math.min(BLOCK_STEPS, BLOCK_NANOS / nanosPerLaneStep));
            step = blockEnd;
            if (bookkeeping.isLogStep(step)) {
                log(step, bookkeeping.millisPerRunStep());
                bookkeeping.startWindow();
            }
            if (bookkeeping.isEvalStep(step)) {
                for (LaneState lane : lanes) {
                    lane.evaluate(step, bookkeeping.isLastStep(step));
                }
                bookkeeping.startWindow();
            }
            if (bookkeeping.isCheckpointStep(step) && anyRunning()) {
                save(step);
                saved = step;
                bookkeeping.startWindow();
            }
        }
        endRunning(RunStatus.FINISHED, step, Optional.empty());
        return lanes.stream().map(LaneState::result).toList();
    }

    /** The block's last step: at most {@link #blockSteps} after {@code step}, no later than the next that logs, evaluates or saves. */
    private long blockEnd(long step, StepBookkeeping bookkeeping)
    {
        long end = step + 1;
        while (end < train.steps() && end - step < blockSteps && !bookkeeping.isLogStep(end) && !bookkeeping.isEvalStep(end)
                && !bookkeeping.isCheckpointStep(end)) {
            end++;
        }
        return end;
    }

    /** Every lane's checkpoint, which must all be of one step; each lane's optimizers get their state back. */
    private long restore()
    {
        List<Checkpointing.Restored> restored = lanes.stream().map(lane -> lane.lane().checkpointing().restore()).toList();
        long step = restored.get(0).step();
        if (restored.stream().anyMatch(each -> each.step() != step)) {
            throw new IllegalStateException("the lanes of a lockstep resume from one step, not from steps "
                    + restored.stream().map(Checkpointing.Restored::step).toList());
        }
        if (step > 0) {
            for (int lane = 0; lane < lanes.size(); lane++) {
                parameters.get(lane).restoreOptimizers(restored.get(lane));
            }
        }
        return step;
    }

    /** A checkpoint of every lane still running, each with its optimizers' state. */
    private void save(long step)
    {
        for (int lane = 0; lane < lanes.size(); lane++) {
            if (lanes.get(lane).isRunning()) {
                ParameterVectors vectors = parameters.get(lane);
                lanes.get(lane).lane().checkpointing().save(step, vectors.generatorState(), vectors.discriminatorState());
            }
        }
    }

    private void log(long step, double millisPerRunStep)
    {
        Optional<Map<String, Double>> firstLogged = Optional.empty();
        for (LaneState lane : lanes) {
            Optional<Map<String, Double>> logged = lane.log(step, millisPerRunStep);
            if (firstLogged.isEmpty()) {
                firstLogged = logged;
            }
        }
        firstLogged.ifPresent(values -> listener.logged(step, values));
    }

    private boolean anyRunning()
    {
        return lanes.stream().anyMatch(LaneState::isRunning);
    }

    private void endRunning(RunStatus status, long step, Optional<String> error)
    {
        lanes.forEach(lane -> lane.end(status, step, error));
    }

    /** One lane's updates: its gradients, its optimizers over its vectors. */
    private record LaneUpdates(LaneState lane, ParameterVectors vectors)
            implements UpdateSchedule.Updates
    {
        @Override
        public void computeDiscriminatorGradients()
        {
            lane.computeDiscriminatorGradients();
        }

        @Override
        public void applyDiscriminatorGradients()
        {
            vectors.stepDiscriminator();
            lane.constrainDiscriminator();
        }

        @Override
        public void computeGeneratorGradients()
        {
            lane.computeGeneratorGradients();
        }

        @Override
        public void applyGeneratorGradients()
        {
            vectors.stepGenerator();
        }
    }
}
