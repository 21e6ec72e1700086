package io.minimax.plugins.losses;

import io.minimax.spi.PluginContext;
import io.minimax.spi.loss.LossVariant;
import io.minimax.spi.loss.LossVariantFactory;

import static java.util.Objects.requireNonNull;

public final class MinimaxLossFactory
        implements LossVariantFactory<MinimaxLossSpec>
{
    @Override
    public String name()
    {
        return "minimax";
    }

    @Override
    public Class<MinimaxLossSpec> specClass()
    {
        return MinimaxLossSpec.class;
    }

    @Override
    public String description()
    {
        return "original minimax objective: G minimises log(1 - D(G(z))), which saturates when D wins";
    }

    @Override
    public LossVariant create(MinimaxLossSpec spec, PluginContext context)
    {
        requireNonNull(spec, "spec is null");
        requireNonNull(context, "context is null");
        return new MinimaxLoss();
    }
}
