package io.minimax.plugins.toydata;

import io.minimax.spi.Param;
import io.minimax.spi.PluginSpec;
import io.minimax.spi.SpecChecks;

/** PacGAN's grid: 5 × 5 modes at spacing 2 (means −4 … 4 on each axis) with σ = 0.05 by default. */
public record GridSpec(
        @Param(description = "number of Gaussians along each axis; side² in all", defaultValue = "5") int side,
        @Param(description = "distance between neighbouring means", defaultValue = "2.0") double spacing,
        @Param(description = "standard deviation of each Gaussian, per axis", defaultValue = "0.05") double std)
        implements PluginSpec
{
    public GridSpec
    {
        SpecChecks.check()
                .positive("side", side)
                .positive("spacing", spacing)
                .positive("std", std)
                .orThrow();
    }

    GaussianMixture mixture()
    {
        return GaussianMixture.grid(side, spacing, std);
    }
}
