package io.minimax.plugins.priors;

import io.minimax.spi.PluginContext;
import io.minimax.spi.prior.NoisePrior;
import io.minimax.spi.prior.NoisePriorFactory;

import static java.util.Objects.requireNonNull;

public final class GaussianPriorFactory
        implements NoisePriorFactory<GaussianPriorSpec>
{
    @Override
    public String name()
    {
        return "gaussian";
    }

    @Override
    public Class<GaussianPriorSpec> specClass()
    {
        return GaussianPriorSpec.class;
    }

    @Override
    public String description()
    {
        return "standard normal noise N(0, I)";
    }

    @Override
    public NoisePrior create(GaussianPriorSpec spec, PluginContext context)
    {
        requireNonNull(spec, "spec is null");
        requireNonNull(context, "context is null");
        return new GaussianPrior(spec.dim(), context.random());
    }
}
