package io.minimax.plugins.losses;

import io.minimax.spi.PluginContext;
import io.minimax.spi.loss.LossVariant;
import io.minimax.spi.loss.LossVariantFactory;

import static java.util.Objects.requireNonNull;

public final class HingeLossFactory
        implements LossVariantFactory<HingeLossSpec>
{
    @Override
    public String name()
    {
        return "hinge";
    }

    @Override
    public Class<HingeLossSpec> specClass()
    {
        return HingeLossSpec.class;
    }

    @Override
    public String description()
    {
        return "hinge loss (geometric GAN, SAGAN): D keeps a margin of 1, G maximises D's score";
    }

    @Override
    public LossVariant create(HingeLossSpec spec, PluginContext context)
    {
        requireNonNull(spec, "spec is null");
        requireNonNull(context, "context is null");
        return new HingeLoss();
    }
}
