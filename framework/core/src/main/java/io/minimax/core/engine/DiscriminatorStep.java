package io.minimax.core.engine;

import io.minimax.plugin.support.NativeArrays;
import io.minimax.spi.loss.GradientPenalty;
import io.minimax.spi.network.Network;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The gradient of one discriminator update of Algorithm 1: sample m noise vectors and m data points, and compute the
 * gradient of D's loss (for the minimax and non-saturating objectives, binary cross-entropy with labels 1 for real,
 * 0 for generated: descending it ascends V(D,G)) plus that of each gradient penalty, by double backpropagation. The
 * loop's optimizer then moves D along it.
 */
final class DiscriminatorStep
{
    private final Players players;
    private final Minibatch batch;
    private double penalty;
    private INDArray logits;
    private INDArray realLogits;
    private INDArray fakeLogits;

    DiscriminatorStep(Players players, Minibatch batch)
    {
        this.players = players;
        this.batch = batch;
    }

    /**
     * Computes D's gradient at the current parameters into {@code discriminator.gradients()}; returns the loss,
     * without the penalties (see {@link #lastPenalty()}).
     */
    double computeGradients()
    {
        players.prior().sample(batch.noise);
        NativeArrays.copy(players.generator().forward(batch.noise), batch.fakeSamples);
        players.data().sample(batch.realSamples);

        Network discriminator = players.discriminator();
        INDArray output = discriminator.forward(batch.samples);
        if (output != logits) {
            // a network returns the same buffer every step: its halves' views are made once
            logits = output;
            realLogits = Minibatch.firstRows(logits, batch.size);
            fakeLogits = Minibatch.lastRows(logits, batch.size);
        }
        double loss = players.loss().discriminatorLoss(realLogits, fakeLogits, batch.realLogitGradient, batch.fakeLogitGradient);
        // the samples' gradient is never read: D is the player trained here
        discriminator.backwardToParameters(batch.discriminatorLogitGradient);
        penalty = addPenaltyGradients(discriminator);
        return loss;
    }

    /**
     * For each penalty R(∇ₓD) at its points: ∇ₓD by a first-order backward pass of ones, then dR/d(∇ₓD) pulled back
     * to D's parameters and added to its gradient. The m-row passes leave the 2m-row logits intact.
     */
    private double addPenaltyGradients(Network discriminator)
    {
        double total = 0;
        for (GradientPenalty gradientPenalty : players.penalties()) {
            gradientPenalty.points(batch.realSamples, batch.fakeSamples, batch.penaltyPoints);
            discriminator.forward(batch.penaltyPoints);
            total += gradientPenalty.value(discriminator.backward(batch.ones, false), batch.penaltyGradient);
            discriminator.backwardInputGradient(batch.penaltyGradient);
        }
        return total;
    }

    /** D's logits on the last minibatch's m real samples. Valid until the next step. */
    INDArray lastRealLogits()
    {
        return realLogits;
    }

    /** D's logits on the last minibatch's m generated samples. Valid until the next step. */
    INDArray lastFakeLogits()
    {
        return fakeLogits;
    }

    /** The sum of the penalties' values at the last {@link #computeGradients}; 0 without penalties. */
    double lastPenalty()
    {
        return penalty;
    }
}
