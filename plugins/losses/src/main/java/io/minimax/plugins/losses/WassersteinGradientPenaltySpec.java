package io.minimax.plugins.losses;

import io.minimax.spi.Param;
import io.minimax.spi.PluginSpec;
import io.minimax.spi.SpecChecks;

public record WassersteinGradientPenaltySpec(
        @Param(description = "weight λ of λ·E(‖∇ₓD(x̂)‖ − 1)² on random interpolates of real and generated samples", defaultValue = "10.0")
        double lambda)
        implements PluginSpec
{
    public WassersteinGradientPenaltySpec
    {
        SpecChecks.check().nonNegative("lambda", lambda).orThrow();
    }
}
