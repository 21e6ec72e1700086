package io.minimax.core.engine;

import io.minimax.spi.loss.LossVariant;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The gradient of the generator update of Algorithm 1: sample m noise vectors and back-propagate G's loss through
 * the (fixed) discriminator; the loop's optimizer then moves G along it. A loss that compares with real samples
 * (relativistic) also gets D's logits on m fresh ones.
 */
final class GeneratorStep
{
    private final Players players;
    private final Minibatch batch;

    GeneratorStep(Players players, Minibatch batch)
    {
        this.players = players;
        this.batch = batch;
    }

    /** Computes G's gradient at the current parameters of both players; returns the generator loss. */
    double computeGradients()
    {
        LossVariant objective = players.loss();
        if (objective.generatorNeedsRealLogits()) {
            // before G(z)'s pass: D's backward below needs the state of its last forward of m rows
            players.data().sample(batch.generatorRealSamples);
            batch.generatorRealLogits.assign(players.discriminator().forward(batch.generatorRealSamples));
        }
        players.prior().sample(batch.noise);
        INDArray generated = players.generator().forward(batch.noise);
        INDArray logits = players.discriminator().forward(generated);
        double loss = objective.generatorNeedsRealLogits()
                ? objective.generatorLoss(batch.generatorRealLogits, logits, batch.generatorLogitGradient)
                : objective.generatorLoss(logits, batch.generatorLogitGradient);
        // D's parameters are not trained here: only dLoss/dG(z) is needed, and D's own gradients must survive
        // for the simultaneous update rule.
        INDArray sampleGradient = players.discriminator().backward(batch.generatorLogitGradient, false);
        players.generator().backwardToParameters(sampleGradient);
        return loss;
    }
}
