package io.minimax.plugins.losses;

import io.minimax.spi.Param;
import io.minimax.spi.PluginSpec;
import io.minimax.spi.SpecChecks;

public record R2PenaltySpec(
        @Param(description = "weight γ of (γ/2)·E‖∇ₓD(x)‖² on generated samples", defaultValue = "10.0") double gamma)
        implements PluginSpec
{
    public R2PenaltySpec
    {
        SpecChecks.check().nonNegative("gamma", gamma).orThrow();
    }
}
