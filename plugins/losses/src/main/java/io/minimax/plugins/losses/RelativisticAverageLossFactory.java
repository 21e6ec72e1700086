package io.minimax.plugins.losses;

import io.minimax.spi.PluginContext;
import io.minimax.spi.loss.LossVariant;
import io.minimax.spi.loss.LossVariantFactory;

import static java.util.Objects.requireNonNull;

public final class RelativisticAverageLossFactory
        implements LossVariantFactory<RelativisticAverageLossSpec>
{
    @Override
    public String name()
    {
        return "relativistic";
    }

    @Override
    public Class<RelativisticAverageLossSpec> specClass()
    {
        return RelativisticAverageLossSpec.class;
    }

    @Override
    public String description()
    {
        return "relativistic average GAN (RaSGAN): each set's logits are judged against the other set's mean";
    }

    @Override
    public LossVariant create(RelativisticAverageLossSpec spec, PluginContext context)
    {
        requireNonNull(spec, "spec is null");
        requireNonNull(context, "context is null");
        return new RelativisticAverageLoss();
    }
}
