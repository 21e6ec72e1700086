package io.minimax.plugins.dirac;

import io.minimax.spi.Param;
import io.minimax.spi.PluginSpec;
import io.minimax.spi.SpecChecks;

public record DiracSpec(
        @Param(description = "the one point every sample of p_data sits at", defaultValue = "0.0") double at)
        implements PluginSpec
{
    public DiracSpec
    {
        SpecChecks.check().finite("at", at).orThrow();
    }
}
