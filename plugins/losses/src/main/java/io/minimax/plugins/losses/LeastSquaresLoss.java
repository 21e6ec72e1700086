package io.minimax.plugins.losses;

import io.minimax.spi.loss.LossVariant;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Least-squares GAN (Mao et al., 2017) on D's raw output f:
 * <pre>
 *   L_D = ½ mean_real (f − b)² + ½ mean_fake (f − a)²      L_G = ½ mean_fake (f − c)²
 * </pre>
 * with a the target for generated samples, b for real ones and c the value G wants D to give its samples. With
 * b − c = 1 and b − a = 2 (e.g. a = −1, b = 1, c = 0) minimising it minimises the Pearson χ² divergence between
 * p_data + p_g and 2p_g. Quadratic, so finite for every finite f with no special care.
 */
final class LeastSquaresLoss
        implements LossVariant
{
    private final double fakeTarget;
    private final double realTarget;
    private final double generatorTarget;

    LeastSquaresLoss(double fakeTarget, double realTarget, double generatorTarget)
    {
        this.fakeTarget = fakeTarget;
        this.realTarget = realTarget;
        this.generatorTarget = generatorTarget;
    }

    @Override
    public double discriminatorLoss(INDArray realLogits, INDArray fakeLogits, INDArray realGradient, INDArray fakeGradient)
    {
        return halfMeanSquare(realLogits, realTarget, realGradient) + halfMeanSquare(fakeLogits, fakeTarget, fakeGradient);
    }

    @Override
    public double generatorLoss(INDArray fakeLogits, INDArray fakeGradient)
    {
        return halfMeanSquare(fakeLogits, generatorTarget, fakeGradient);
    }

    @Override
    public boolean discriminatorOutputsProbability()
    {
        return false;
    }

    /** ½ mean (f − target)², writing its gradient (f − target)/m into {@code gradient}. */
    private static double halfMeanSquare(INDArray logits, double target, INDArray gradient)
    {
        double count = logits.length();
        gradient.assign(logits).subi(target);
        double norm = gradient.norm2Number().doubleValue();
        gradient.divi(count);
        return 0.5 * norm * norm / count;
    }
}
