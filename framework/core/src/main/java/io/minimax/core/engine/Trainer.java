package io.minimax.core.engine;

import io.minimax.core.descriptor.TrainSpec;
import io.minimax.core.descriptor.UpdateRule;
import io.minimax.spi.tracking.RunStatus;
import jakarta.inject.Inject;
import org.nd4j.linalg.api.buffer.DataType;

import java.util.Map;
import java.util.Optional;

import static io.minimax.core.engine.TrainingFailure.checkFinite;
import static io.minimax.core.engine.TrainingMetrics.DISCRIMINATOR_LOSS;
import static io.minimax.core.engine.TrainingMetrics.GENERATOR_LOSS;
import static io.minimax.core.engine.TrainingMetrics.PENALTY;
import static java.util.Objects.requireNonNull;

/**
 * Goodfellow et al.'s Algorithm 1: for each of {@code steps} training iterations, k discriminator updates, each on a
 * fresh minibatch of m noise samples and m data samples, then one generator update on a fresh minibatch of m noise
 * samples. With {@link UpdateRule#SIMULTANEOUS} the last discriminator update and the generator update are both
 * computed at the same parameters and applied together.
 *
 * <p>Networks that expose a few named scalars ({@link io.minimax.spi.network.Network#loggedScalars()}, e.g.
 * Dirac-GAN's θ and ψ) have them logged with the step metrics, and once at step 0 before any update, so their
 * trajectory starts where training did.
 */
public final class Trainer
{
    private final TrainSpec train;
    private final Players players;
    private final MetricsRecorder recorder;
    private final Evaluation evaluation;
    private final TrainingListener listener;
    private final StopSignal stopSignal;
    private final DataType dataType;

    @Inject
    public Trainer(TrainSpec train, Players players, MetricsRecorder recorder, Evaluation evaluation,
            TrainingListener listener, StopSignal stopSignal, DataType dataType)
    {
        this.train = requireNonNull(train, "train is null");
        this.players = requireNonNull(players, "players is null");
        this.recorder = requireNonNull(recorder, "recorder is null");
        this.evaluation = requireNonNull(evaluation, "evaluation is null");
        this.listener = requireNonNull(listener, "listener is null");
        this.stopSignal = requireNonNull(stopSignal, "stopSignal is null");
        this.dataType = requireNonNull(dataType, "dataType is null");
    }

    public TrainingResult train()
    {
        Minibatch batch = new Minibatch(train.batchSize(), players.prior().dimension(), players.data().sampleShape(), dataType);
        DiscriminatorStep discriminatorStep = new DiscriminatorStep(players, batch);
        GeneratorStep generatorStep = new GeneratorStep(players, batch);
        int k = train.discriminatorSteps();
        long windowStart = System.nanoTime();

        long step = 0;
        Map<String, Double> initialScalars = StepMetrics.networkScalars(players);
        if (!initialScalars.isEmpty()) {
            recorder.record(0, initialScalars);
        }
        try {
            while (step < train.steps()) {
                if (stopSignal.isRequested()) {
                    return new TrainingResult(RunStatus.KILLED, step, recorder.lastValues(), Optional.of("interrupted at step " + step));
                }
                double discriminatorLoss = 0;
                double generatorLoss;
                if (train.updates() == UpdateRule.ALTERNATING) {
                    for (int i = 0; i < k; i++) {
                        discriminatorLoss = discriminatorStep.run();
                    }
                    generatorLoss = generatorStep.run();
                }
                else {
                    for (int i = 1; i < k; i++) {
                        discriminatorStep.run();
                    }
                    discriminatorLoss = discriminatorStep.computeGradients();
                    generatorLoss = generatorStep.computeGradients();
                    discriminatorStep.applyGradients();
                    generatorStep.applyGradients();
                }
                step++;
                checkFinite(DISCRIMINATOR_LOSS, discriminatorLoss, step);
                checkFinite(GENERATOR_LOSS, generatorLoss, step);
                checkFinite(PENALTY, discriminatorStep.lastPenalty(), step);

                if (step % train.logEvery() == 0) {
                    double millisPerStep = (System.nanoTime() - windowStart) / 1e6 / train.logEvery();
                    Map<String, Double> values = stepValues(discriminatorStep, discriminatorLoss, generatorLoss, millisPerStep, batch.size);
                    for (Map.Entry<String, Double> entry : values.entrySet()) {
                        checkFinite(entry.getKey(), entry.getValue(), step);
                    }
                    recorder.record(step, values);
                    listener.logged(step, values);
                    windowStart = System.nanoTime();
                }
                if (step % train.evalEvery() == 0 || step == train.steps()) {
                    evaluation.evaluate(step, step == train.steps());
                    windowStart = System.nanoTime();
                }
            }
            return new TrainingResult(RunStatus.FINISHED, step, recorder.lastValues(), Optional.empty());
        }
        catch (TrainingFailure failure) {
            return new TrainingResult(RunStatus.FAILED, step, recorder.lastValues(), Optional.of(failure.getMessage()));
        }
    }

    private Map<String, Double> stepValues(DiscriminatorStep discriminatorStep, double discriminatorLoss, double generatorLoss,
            double millisPerStep, int m)
    {
        return StepMetrics.of(players, discriminatorLoss, generatorLoss, discriminatorStep.lastPenalty(),
                discriminatorStep.lastRealLogits(), discriminatorStep.lastFakeLogits(), millisPerStep);
    }
}
