package io.minimax.plugins.priors;

import io.minimax.spi.Param;
import io.minimax.spi.PluginSpec;
import io.minimax.spi.SpecChecks;

public record GaussianPriorSpec(
        @Param(description = "dimension of z") int dim)
        implements PluginSpec
{
    public GaussianPriorSpec
    {
        SpecChecks.check()
                .positive("dim", dim)
                .orThrow();
    }
}
