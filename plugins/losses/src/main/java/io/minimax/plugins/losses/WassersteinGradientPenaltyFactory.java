package io.minimax.plugins.losses;

import io.minimax.spi.PluginContext;
import io.minimax.spi.loss.GradientPenalty;
import io.minimax.spi.loss.GradientPenaltyFactory;

import static java.util.Objects.requireNonNull;

public final class WassersteinGradientPenaltyFactory
        implements GradientPenaltyFactory<WassersteinGradientPenaltySpec>
{
    @Override
    public String name()
    {
        return "wgan-gp";
    }

    @Override
    public Class<WassersteinGradientPenaltySpec> specClass()
    {
        return WassersteinGradientPenaltySpec.class;
    }

    @Override
    public String description()
    {
        return "WGAN-GP: lambda·E(‖∇ₓD(x̂)‖ − 1)² on random interpolates of real and generated samples";
    }

    @Override
    public GradientPenalty create(WassersteinGradientPenaltySpec spec, PluginContext context)
    {
        requireNonNull(spec, "spec is null");
        requireNonNull(context, "context is null");
        return new WassersteinGradientPenalty(spec.lambda(), context.random());
    }
}
