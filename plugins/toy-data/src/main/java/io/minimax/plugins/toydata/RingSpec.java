package io.minimax.plugins.toydata;

import io.minimax.spi.Param;
import io.minimax.spi.PluginSpec;
import io.minimax.spi.SpecChecks;

/** PacGAN's ring: 8 modes on the unit circle with σ = 0.01 by default. */
public record RingSpec(
        @Param(description = "number of equally weighted Gaussians", defaultValue = "8") int modes,
        @Param(description = "radius of the circle the means lie on", defaultValue = "1.0") double radius,
        @Param(description = "standard deviation of each Gaussian, per axis", defaultValue = "0.01") double std)
        implements PluginSpec
{
    public RingSpec
    {
        SpecChecks.check()
                .positive("modes", modes)
                .positive("radius", radius)
                .positive("std", std)
                .orThrow();
    }

    GaussianMixture mixture()
    {
        return GaussianMixture.ring(modes, radius, std);
    }
}
