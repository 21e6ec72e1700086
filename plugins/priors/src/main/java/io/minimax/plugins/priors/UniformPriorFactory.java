package io.minimax.plugins.priors;

import io.minimax.spi.PluginContext;
import io.minimax.spi.prior.NoisePrior;
import io.minimax.spi.prior.NoisePriorFactory;

import static java.util.Objects.requireNonNull;

public final class UniformPriorFactory
        implements NoisePriorFactory<UniformPriorSpec>
{
    @Override
    public String name()
    {
        return "uniform";
    }

    @Override
    public Class<UniformPriorSpec> specClass()
    {
        return UniformPriorSpec.class;
    }

    @Override
    public String description()
    {
        return "uniform noise on [low, high)^dim";
    }

    @Override
    public NoisePrior create(UniformPriorSpec spec, PluginContext context)
    {
        requireNonNull(spec, "spec is null");
        requireNonNull(context, "context is null");
        return new UniformPrior(spec.dim(), spec.low(), spec.high(), context.random());
    }
}
