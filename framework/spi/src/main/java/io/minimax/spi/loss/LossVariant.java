package io.minimax.spi.loss;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A GAN objective, written on the discriminator's logits f (D(x) = σ(f) when
 * {@link #discriminatorOutputsProbability()}). Both losses are minimised. Each returns the loss value and writes
 * its gradient with respect to every logit into the gradient array the caller provides: the engine never
 * differentiates the loss itself. Implementations use numerically stable forms (softplus), never
 * {@code log(sigmoid(f))}.
 *
 * <p>Shapes: logits and gradients are {@code [m, 1]} views owned by the caller; implementations must not keep them.
 * Losses are means over the batch, so gradients carry the 1/m factors.
 */
public interface LossVariant
{
    /**
     * The discriminator's loss on m real and m generated samples.
     *
     * @param realLogits logits of D on samples of p_data
     * @param fakeLogits logits of D on samples of p_g
     * @param realGradient receives dLoss/d(realLogits)
     * @param fakeGradient receives dLoss/d(fakeLogits)
     */
    double discriminatorLoss(INDArray realLogits, INDArray fakeLogits, INDArray realGradient, INDArray fakeGradient);

    /**
     * The generator's loss on m generated samples.
     *
     * @param fakeLogits logits of D on samples of p_g
     * @param fakeGradient receives dLoss/d(fakeLogits)
     */
    double generatorLoss(INDArray fakeLogits, INDArray fakeGradient);

    /**
     * Whether the generator's loss also depends on D's logits on real samples, as relativistic losses do; the engine
     * then computes D on m fresh real samples and calls {@link #generatorLoss(INDArray, INDArray, INDArray)}.
     */
    default boolean generatorNeedsRealLogits()
    {
        return false;
    }

    /**
     * The generator's loss on m generated samples, given D's logits on m real samples as well (read only: they do
     * not depend on G). The default ignores them.
     *
     * @param fakeGradient receives dLoss/d(fakeLogits)
     */
    default double generatorLoss(INDArray realLogits, INDArray fakeLogits, INDArray fakeGradient)
    {
        return generatorLoss(fakeLogits, fakeGradient);
    }

    /**
     * Called after every discriminator update with D's flat parameter vector, to project it back onto the set the
     * objective assumes (WGAN's weight clipping keeps the critic Lipschitz). Does nothing by default.
     */
    default void constrainDiscriminator(INDArray parameters)
    {
    }

    /**
     * Whether σ(logit) is D's probability that a sample is real. When true the engine reports the value function
     * V(D,G) and D's mean outputs; critics (e.g. Wasserstein) return false.
     */
    default boolean discriminatorOutputsProbability()
    {
        return true;
    }
}
