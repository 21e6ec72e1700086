package io.minimax.plugins.losses;

import io.minimax.spi.Plugin;
import io.minimax.spi.loss.LossVariantFactory;

import java.util.List;

/** The GAN objectives of Goodfellow et al. (2014) on discriminator logits. */
public final class LossesPlugin
        implements Plugin
{
    @Override
    public List<LossVariantFactory<?>> lossVariants()
    {
        return List.of(new MinimaxLossFactory(), new NonSaturatingLossFactory());
    }
}
