package io.minimax.core.engine;

import io.minimax.spi.network.Network;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One discriminator update of Algorithm 1: sample m noise vectors and m data points, and move D along the gradient
 * of its loss (for the minimax and non-saturating objectives, binary cross-entropy with labels 1 for real, 0 for
 * generated: descending it ascends V(D,G)).
 */
final class DiscriminatorStep
{
    private final Players players;
    private final Minibatch batch;
    private double loss;
    private INDArray logits;

    DiscriminatorStep(Players players, Minibatch batch)
    {
        this.players = players;
        this.batch = batch;
    }

    /** Computes D's gradient at the current parameters into {@code discriminator.gradients()}; returns the loss. */
    double computeGradients()
    {
        players.prior().sample(batch.noise);
        batch.fakeSamples.assign(players.generator().forward(batch.noise));
        players.data().sample(batch.realSamples);

        Network discriminator = players.discriminator();
        logits = discriminator.forward(batch.samples);
        loss = players.loss().discriminatorLoss(
                Minibatch.firstRows(logits, batch.size),
                Minibatch.lastRows(logits, batch.size),
                batch.realLogitGradient,
                batch.fakeLogitGradient);
        discriminator.backward(batch.discriminatorLogitGradient, true);
        return loss;
    }

    void applyGradients()
    {
        players.discriminatorOptimizer().step(players.discriminator().parameters(), players.discriminator().gradients());
    }

    double run()
    {
        double value = computeGradients();
        applyGradients();
        return value;
    }

    /** D's logits on the last minibatch: rows 0..m real, m..2m generated. Valid until the next step. */
    INDArray lastLogits()
    {
        return logits;
    }
}
