package io.minimax.core.engine;

import io.minimax.core.descriptor.TrainSpec;
import io.minimax.spi.tracking.RunStatus;
import org.nd4j.linalg.api.buffer.DataType;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static io.minimax.core.engine.StepBookkeeping.checkFinite;
import static io.minimax.core.engine.TrainingMetrics.DISCRIMINATOR_LOSS;
import static io.minimax.core.engine.TrainingMetrics.GENERATOR_LOSS;
import static io.minimax.core.engine.TrainingMetrics.PENALTY;

/**
 * One lane in the training loop: its discriminator and generator steps (its own noise, data and loss), its last
 * losses, and its result once it has ended. A {@link TrainingFailure} while checking, logging or evaluating ends
 * the lane FAILED at that step; the other lanes go on, since lanes share no numbers.
 */
final class LaneState
{
    private final Lane lane;
    private final DiscriminatorStep discriminatorStep;
    private final GeneratorStep generatorStep;
    private double discriminatorLoss;
    private double generatorLoss;
    private TrainingResult result;

    LaneState(Lane lane, TrainSpec train, DataType dataType)
    {
        this.lane = lane;
        Players players = lane.players();
        Minibatch batch = new Minibatch(train.batchSize(), players.prior().dimension(), players.data().sampleShape(), dataType);
        this.discriminatorStep = new DiscriminatorStep(players, batch);
        this.generatorStep = new GeneratorStep(players, batch);
    }

    Lane lane()
    {
        return lane;
    }

    boolean isRunning()
    {
        return result == null;
    }

    /** Network scalars (Dirac-GAN's θ and ψ) at step 0, before any update, so that their trajectory starts where training did. */
    void recordInitialScalars()
    {
        Map<String, Double> scalars = StepMetrics.networkScalars(lane.players());
        if (!scalars.isEmpty()) {
            lane.recorder().record(0, scalars);
        }
    }

    void computeDiscriminatorGradients()
    {
        if (isRunning()) {
            discriminatorLoss = discriminatorStep.computeGradients();
        }
    }

    void computeGeneratorGradients()
    {
        if (isRunning()) {
            generatorLoss = generatorStep.computeGradients();
        }
    }

    void constrainDiscriminator()
    {
        lane.players().loss().constrainDiscriminator(lane.players().discriminator().parameters());
    }

    void checkLosses(long step)
    {
        if (!isRunning()) {
            return;
        }
        try {
            checkFinite(DISCRIMINATOR_LOSS, discriminatorLoss, step);
            checkFinite(GENERATOR_LOSS, generatorLoss, step);
            checkFinite(PENALTY, discriminatorStep.lastPenalty(), step);
        }
        catch (TrainingFailure failure) {
            // between log steps too, the journal keeps the step that failed and the quantity that went non-finite
            Map<String, Double> losses = new LinkedHashMap<>();
            losses.put(DISCRIMINATOR_LOSS, discriminatorLoss);
            losses.put(GENERATOR_LOSS, generatorLoss);
            if (!lane.players().penalties().isEmpty()) {
                losses.put(PENALTY, discriminatorStep.lastPenalty());
            }
            lane.recorder().record(step, losses);
            end(RunStatus.FAILED, step, Optional.of(failure.getMessage()));
        }
    }

    /** Records the step metrics; returns them, or nothing when the lane has ended (now or before). */
    Optional<Map<String, Double>> log(long step, double millisPerRunStep)
    {
        if (!isRunning()) {
            return Optional.empty();
        }
        Map<String, Double> values = StepMetrics.of(lane.players(), discriminatorLoss, generatorLoss, discriminatorStep.lastPenalty(),
                discriminatorStep.lastRealLogits(), discriminatorStep.lastFakeLogits(), millisPerRunStep);
        // recorded even when a value is not finite: the journal shows what went wrong, at the step it did
        lane.recorder().record(step, values);
        try {
            checkFinite(values, step);
            return Optional.of(values);
        }
        catch (TrainingFailure failure) {
            end(RunStatus.FAILED, step, Optional.of(failure.getMessage()));
            return Optional.empty();
        }
    }

    void evaluateBeforeTraining()
    {
        ifRunning(0, () -> lane.evaluation().beforeTraining());
    }

    void evaluate(long step, boolean isFinal)
    {
        ifRunning(step, () -> lane.evaluation().evaluate(step, isFinal));
    }

    /** Ends the lane, unless it has ended already. */
    void end(RunStatus status, long step, Optional<String> error)
    {
        if (isRunning()) {
            result = new TrainingResult(status, step, lane.recorder().lastValues(), error);
        }
    }

    TrainingResult result()
    {
        if (result == null) {
            throw new IllegalStateException("the lane has not ended");
        }
        return result;
    }

    private void ifRunning(long step, Runnable action)
    {
        if (!isRunning()) {
            return;
        }
        try {
            action.run();
        }
        catch (TrainingFailure failure) {
            end(RunStatus.FAILED, step, Optional.of(failure.getMessage()));
        }
    }
}
