package io.minimax.plugins.losses;

import io.minimax.spi.loss.LossVariant;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Wasserstein GAN (Arjovsky et al., 2017): D is a critic whose raw output f estimates the Kantorovich potential,
 * <pre>
 *   L_D = mean_fake f − mean_real f       L_G = −mean_fake f
 * </pre>
 * so −L_D estimates the Wasserstein-1 distance when the critic is 1-Lipschitz. The paper enforces that by clipping
 * every critic parameter to [−clip, clip] after each update ({@link #constrainDiscriminator}); with a
 * {@code wgan-gp} penalty instead, set {@code clip: 0}. Linear in f: finite for every finite f.
 */
final class WassersteinLoss
        implements LossVariant
{
    private final double clip;

    WassersteinLoss(double clip)
    {
        this.clip = clip;
    }

    @Override
    public double discriminatorLoss(INDArray realLogits, INDArray fakeLogits, INDArray realGradient, INDArray fakeGradient)
    {
        realGradient.assign(-1.0 / realLogits.length());
        fakeGradient.assign(1.0 / fakeLogits.length());
        return fakeLogits.meanNumber().doubleValue() - realLogits.meanNumber().doubleValue();
    }

    @Override
    public double generatorLoss(INDArray fakeLogits, INDArray fakeGradient)
    {
        fakeGradient.assign(-1.0 / fakeLogits.length());
        return -fakeLogits.meanNumber().doubleValue();
    }

    @Override
    public boolean discriminatorOutputsProbability()
    {
        return false;
    }

    @Override
    public void constrainDiscriminator(INDArray parameters)
    {
        if (clip > 0) {
            Transforms.max(parameters, -clip, false);
            Transforms.min(parameters, clip, false);
        }
    }
}
