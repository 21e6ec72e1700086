package io.minimax.core.engine;

import io.minimax.core.descriptor.TrainSpec;
import io.minimax.spi.tracking.RunStatus;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

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
 * lanes of one loop: their networks' parameters are slices of one vector per player ({@link ParameterVectors#handOut}),
 * so each update is one pass of one element-wise optimizer over all lanes. Between updates each lane computes its gradients with the very
 * steps it uses alone, one lane after another, so that a lane's working set stays in the core's cache (running each layer for all
 * lanes at once measured 15-27 % slower per run-step at 16 lanes). Every lane computes exactly what its run computes
 * alone.
 *
 * <p>Each lane logs to its own recorder and evaluates with its own evaluation. A lane whose numbers stop being finite
 * ends FAILED at that step while the others go on; a stop request ends all of them KILLED. {@code stepMillis} is the
 * step's time divided by the number of lanes: the cost of one run-step on the thread that trains them. The listener
 * hears the values of the first lane that logged.
 */
public final class TrainingLoop
{
    private final TrainSpec train;
    private final UpdateSchedule schedule;
    private final List<LaneState> lanes;
    private final ParameterVectors parameters;
    private final TrainingListener listener;
    private final StopSignal stopSignal;
    private final UpdateSchedule.Updates updates = new LaneUpdates();

    private TrainingLoop(TrainSpec train, List<Lane> lanes, ParameterVectors parameters, TrainingListener listener, StopSignal stopSignal,
            DataType dataType)
    {
        this.train = requireNonNull(train, "train is null");
        this.schedule = UpdateSchedule.of(train.updates());
        this.lanes = lanes.stream().map(lane -> new LaneState(lane, train, dataType)).toList();
        this.parameters = parameters;
        this.listener = requireNonNull(listener, "listener is null");
        this.stopSignal = requireNonNull(stopSignal, "stopSignal is null");
    }

    /** A run trained alone: its own optimizers step over its own networks; it saves checkpoints as its lane says. */
    public static TrainingLoop alone(TrainSpec train, Lane lane, TrainingListener listener, StopSignal stopSignal, DataType dataType)
    {
        return new TrainingLoop(train, List.of(lane), ParameterVectors.of(lane.players()), listener, stopSignal,
                requireNonNull(dataType, "dataType is null"));
    }

    /**
     * Runs trained in lockstep, wired with {@link ParameterOwner#LOCKSTEP}: their networks get their vectors here,
     * and keep working alone afterwards. {@link ParallelLockstep} checks that the lanes can share optimizer passes.
     * Each lane saves its own checkpoints, which hold what its run alone would save; all lanes resume from the same step.
     */
    static TrainingLoop lockstep(TrainSpec train, List<Lane> lanes, TrainingListener listener, StopSignal stopSignal, DataType dataType)
    {
        List<Lane> laneList = List.copyOf(lanes);
        ParameterVectors vectors = ParameterVectors.handOut(laneList.stream().map(Lane::players).toList(),
                requireNonNull(dataType, "dataType is null"));
        return new TrainingLoop(train, laneList, vectors, listener, stopSignal, dataType);
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
            schedule.iterate(updates, train.discriminatorSteps());
            step++;
            for (LaneState lane : lanes) {
                lane.checkLosses(step);
            }
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

    /** Every lane's checkpoint, which must all be of one step; the optimizers that step the lanes get their state back. */
    private long restore()
    {
        List<Checkpointing.Restored> restored = lanes.stream().map(lane -> lane.lane().checkpointing().restore()).toList();
        long step = restored.get(0).step();
        if (restored.stream().anyMatch(each -> each.step() != step)) {
            throw new IllegalStateException("the lanes of a lockstep resume from one step, not from steps "
                    + restored.stream().map(Checkpointing.Restored::step).toList());
        }
        if (step > 0) {
            parameters.restoreOptimizers(restored);
        }
        return step;
    }

    /** A checkpoint of every lane still running, each with its share of the optimizers' state. */
    private void save(long step)
    {
        List<List<INDArray>> generator = parameters.generatorStates();
        List<List<INDArray>> discriminator = parameters.discriminatorStates();
        for (int lane = 0; lane < lanes.size(); lane++) {
            if (lanes.get(lane).isRunning()) {
                lanes.get(lane).lane().checkpointing().save(step, generator.get(lane), discriminator.get(lane));
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

    /** Each lane computes its own gradients; each optimizer steps once over the vectors of all lanes. */
    private final class LaneUpdates
            implements UpdateSchedule.Updates
    {
        @Override
        public void computeDiscriminatorGradients()
        {
            lanes.forEach(LaneState::computeDiscriminatorGradients);
        }

        @Override
        public void applyDiscriminatorGradients()
        {
            parameters.stepDiscriminator();
            lanes.forEach(LaneState::constrainDiscriminator);
        }

        @Override
        public void computeGeneratorGradients()
        {
            lanes.forEach(LaneState::computeGeneratorGradients);
        }

        @Override
        public void applyGeneratorGradients()
        {
            parameters.stepGenerator();
        }
    }
}
