package io.minimax.spi.loss;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A penalty on the discriminator's input gradient, added to D's loss: R1 (Mescheder et al., 2018), R2, WGAN-GP
 * (Gulrajani et al., 2017). D here is what the loss sees, the network's raw output f (the logit; for a critic its
 * score), so the penalty regularises the same function the loss trains.
 *
 * <p>In each discriminator update the engine asks for m {@link #points}, computes g_i = ∇ₓ f(x_i) at each, asks
 * for the penalty's {@link #value} and its gradient with respect to g, and back-propagates that gradient through
 * ∇ₓ f into D's parameters (double backpropagation). Not called by the generator's update.
 *
 * <p>Shapes: every array is {@code [m, sampleShape...]} and owned by the caller; implementations must not keep them.
 */
public interface GradientPenalty
{
    /**
     * Writes the m points where the penalty is evaluated into {@code points}, from the discriminator step's real and
     * generated samples (read only): the real ones for R1, the generated ones for R2, interpolates for WGAN-GP.
     */
    void points(INDArray real, INDArray generated, INDArray points);

    /**
     * The penalty's value given D's input gradients at the points (read only); writes dValue/d(inputGradients) into
     * {@code valueGradient}.
     */
    double value(INDArray inputGradients, INDArray valueGradient);
}
