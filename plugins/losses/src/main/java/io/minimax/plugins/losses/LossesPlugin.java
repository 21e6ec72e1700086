package io.minimax.plugins.losses;

import io.minimax.spi.Plugin;
import io.minimax.spi.loss.GradientPenaltyFactory;
import io.minimax.spi.loss.LossVariantFactory;

import java.util.List;

/**
 * GAN objectives on discriminator logits: the two of Goodfellow et al. (2014), the least-squares, Wasserstein, hinge
 * and relativistic ones, and the gradient penalties R1, R2 and WGAN-GP.
 */
public final class LossesPlugin
        implements Plugin
{
    @Override
    public List<LossVariantFactory<?>> lossVariants()
    {
        return List.of(
                new MinimaxLossFactory(),
                new NonSaturatingLossFactory(),
                new LeastSquaresLossFactory(),
                new WassersteinLossFactory(),
                new HingeLossFactory(),
                new RelativisticAverageLossFactory());
    }

    @Override
    public List<GradientPenaltyFactory<?>> gradientPenalties()
    {
        return List.of(new R1PenaltyFactory(), new R2PenaltyFactory(), new WassersteinGradientPenaltyFactory());
    }
}
