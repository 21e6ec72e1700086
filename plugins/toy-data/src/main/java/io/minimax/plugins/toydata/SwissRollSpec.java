package io.minimax.plugins.toydata;

import io.minimax.spi.Param;
import io.minimax.spi.PluginSpec;
import io.minimax.spi.SpecChecks;

public record SwissRollSpec(
        @Param(description = "standard deviation of the Gaussian noise added to each coordinate (the roll spans about [-1, 1])",
                defaultValue = "0.05") double noise)
        implements PluginSpec
{
    public SwissRollSpec
    {
        SpecChecks.check()
                .nonNegative("noise", noise)
                .orThrow();
    }
}
