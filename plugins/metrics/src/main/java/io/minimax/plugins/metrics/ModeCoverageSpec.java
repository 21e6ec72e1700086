package io.minimax.plugins.metrics;

import io.minimax.spi.Param;
import io.minimax.spi.PluginSpec;
import io.minimax.spi.SpecChecks;

public record ModeCoverageSpec(
        @Param(description = "A sample is high quality when its distance to the nearest mode, in units of the modes' standard deviation, "
                + "is below this (PacGAN: 3)", defaultValue = "3.0")
        double threshold)
        implements PluginSpec
{
    public ModeCoverageSpec
    {
        SpecChecks.check().positive("threshold", threshold).orThrow();
    }
}
