package io.minimax.plugins.losses;

import io.minimax.spi.PluginContext;
import io.minimax.spi.loss.LossVariant;
import io.minimax.spi.loss.LossVariantFactory;

import static java.util.Objects.requireNonNull;

public final class WassersteinLossFactory
        implements LossVariantFactory<WassersteinLossSpec>
{
    @Override
    public String name()
    {
        return "wasserstein";
    }

    @Override
    public Class<WassersteinLossSpec> specClass()
    {
        return WassersteinLossSpec.class;
    }

    @Override
    public String description()
    {
        return "Wasserstein GAN: a critic estimates W1(p_data, p_g); weight clipping keeps it Lipschitz";
    }

    @Override
    public LossVariant create(WassersteinLossSpec spec, PluginContext context)
    {
        requireNonNull(spec, "spec is null");
        requireNonNull(context, "context is null");
        return new WassersteinLoss(spec.clip());
    }
}
