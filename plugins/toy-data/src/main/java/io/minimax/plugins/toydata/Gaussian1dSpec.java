package io.minimax.plugins.toydata;

import io.minimax.spi.Param;
import io.minimax.spi.PluginSpec;
import io.minimax.spi.SpecChecks;

public record Gaussian1dSpec(
        @Param(description = "mean of the distribution", defaultValue = "0.0") double mean,
        @Param(description = "standard deviation", defaultValue = "1.0") double std)
        implements PluginSpec
{
    public Gaussian1dSpec
    {
        SpecChecks.check()
                .finite("mean", mean)
                .positive("std", std)
                .orThrow();
    }

    GaussianMixture mixture()
    {
        return new GaussianMixture(new double[][] {{mean}}, std);
    }
}
