package io.minimax.plugins.dirac;

import io.minimax.spi.Param;
import io.minimax.spi.PluginSpec;
import io.minimax.spi.SpecChecks;

public record ConstantNetworkSpec(
        @Param(description = "the initial value of every output component (θ at step 0)", defaultValue = "1.0") double init)
        implements PluginSpec
{
    public ConstantNetworkSpec
    {
        SpecChecks.check().finite("init", init).orThrow();
    }
}
