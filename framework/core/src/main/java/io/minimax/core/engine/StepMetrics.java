package io.minimax.core.engine;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.LinkedHashMap;
import java.util.Map;

import static io.minimax.core.engine.TrainingMetrics.DISCRIMINATOR_FAKE;
import static io.minimax.core.engine.TrainingMetrics.DISCRIMINATOR_GRADIENT_NORM;
import static io.minimax.core.engine.TrainingMetrics.DISCRIMINATOR_LOSS;
import static io.minimax.core.engine.TrainingMetrics.DISCRIMINATOR_REAL;
import static io.minimax.core.engine.TrainingMetrics.GENERATOR_GRADIENT_NORM;
import static io.minimax.core.engine.TrainingMetrics.GENERATOR_LOSS;
import static io.minimax.core.engine.TrainingMetrics.PENALTY;
import static io.minimax.core.engine.TrainingMetrics.STEP_MILLIS;
import static io.minimax.core.engine.TrainingMetrics.VALUE_ESTIMATE;

/** The values logged every {@code logEvery} steps, from one run's last discriminator and generator updates. */
final class StepMetrics
{
    private StepMetrics() {}

    /**
     * @param realLogits D's logits on the last discriminator minibatch's m real samples
     * @param fakeLogits and on its m generated ones
     */
    static Map<String, Double> of(Players players, double discriminatorLoss, double generatorLoss, double penalty,
            INDArray realLogits, INDArray fakeLogits, double millisPerStep)
    {
        Map<String, Double> values = new LinkedHashMap<>();
        values.put(DISCRIMINATOR_LOSS, discriminatorLoss);
        values.put(GENERATOR_LOSS, generatorLoss);
        if (!players.penalties().isEmpty()) {
            values.put(PENALTY, penalty);
        }
        if (players.loss().discriminatorOutputsProbability()) {
            ValueFunctionEstimate estimate = ValueFunctionEstimate.fromLogits(realLogits, fakeLogits);
            values.put(VALUE_ESTIMATE, estimate.value());
            values.put(DISCRIMINATOR_REAL, estimate.meanRealOutput());
            values.put(DISCRIMINATOR_FAKE, estimate.meanFakeOutput());
        }
        values.put(GENERATOR_GRADIENT_NORM, players.generator().gradients().norm2Number().doubleValue());
        values.put(DISCRIMINATOR_GRADIENT_NORM, players.discriminator().gradients().norm2Number().doubleValue());
        values.put(STEP_MILLIS, millisPerStep);
        values.putAll(networkScalars(players));
        return values;
    }

    /** Named scalars of the networks (Dirac-GAN's θ and ψ), logged with the step metrics. */
    static Map<String, Double> networkScalars(Players players)
    {
        Map<String, Double> scalars = new LinkedHashMap<>(players.generator().loggedScalars());
        scalars.putAll(players.discriminator().loggedScalars());
        return scalars;
    }
}
