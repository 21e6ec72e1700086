package io.minimax.plugins.dirac;

import io.minimax.spi.Param;
import io.minimax.spi.PluginSpec;
import io.minimax.spi.SpecChecks;

public record LinearNetworkSpec(
        @Param(description = "whether to add a trainable bias (initialised to 0); Dirac-GAN's D(x) = ψ·x has none", defaultValue = "false")
        boolean bias,
        @Param(description = "the initial value of every weight (ψ at step 0)", defaultValue = "1.0") double init)
        implements PluginSpec
{
    public LinearNetworkSpec
    {
        SpecChecks.check().finite("init", init).orThrow();
    }
}
