package io.minimax.plugins.priors;

import io.minimax.spi.Param;
import io.minimax.spi.PluginSpec;
import io.minimax.spi.SpecChecks;

public record UniformPriorSpec(
        @Param(description = "dimension of z") int dim,
        @Param(description = "lower bound of every coordinate (inclusive)", defaultValue = "-1.0") double low,
        @Param(description = "upper bound of every coordinate (exclusive)", defaultValue = "1.0") double high)
        implements PluginSpec
{
    public UniformPriorSpec
    {
        SpecChecks.check()
                .positive("dim", dim)
                .finite("low", low)
                .finite("high", high)
                .that(low < high, "high", "must be greater than low (got low " + low + ", high " + high + ")")
                .orThrow();
    }
}
