package io.minimax.plugins.losses;

import io.minimax.spi.PluginContext;
import io.minimax.spi.loss.LossVariant;
import io.minimax.spi.loss.LossVariantFactory;

import static java.util.Objects.requireNonNull;

public final class NonSaturatingLossFactory
        implements LossVariantFactory<NonSaturatingLossSpec>
{
    @Override
    public String name()
    {
        return "non-saturating";
    }

    @Override
    public Class<NonSaturatingLossSpec> specClass()
    {
        return NonSaturatingLossSpec.class;
    }

    @Override
    public String description()
    {
        return "non-saturating heuristic: G maximises log D(G(z)), strong gradients early in training";
    }

    @Override
    public LossVariant create(NonSaturatingLossSpec spec, PluginContext context)
    {
        requireNonNull(spec, "spec is null");
        requireNonNull(context, "context is null");
        return new NonSaturatingLoss();
    }
}
