package io.minimax.plugins.metrics;

import io.minimax.spi.Param;
import io.minimax.spi.PluginSpec;
import io.minimax.spi.SpecChecks;

/** How the instrument models p_g: a Gaussian kernel density estimate of the generated samples. */
public record OptimalDiscriminatorSpec(
        @Param(description = "Bandwidth of the density estimate of p_g: scott (n^(-1/(d+4)) times each axis' standard deviation), "
                + "silverman, cross-validation (leave-one-out likelihood; for narrow separated modes) or fixed", defaultValue = "scott")
        String bandwidthRule,
        @Param(description = "Bandwidth on every axis when bandwidthRule is fixed; ignored otherwise", defaultValue = "0.1")
        double bandwidth)
        implements PluginSpec
{
    public OptimalDiscriminatorSpec
    {
        SpecChecks.check()
                .oneOf("bandwidthRule", bandwidthRule, BandwidthRule.names())
                .positive("bandwidth", bandwidth)
                .orThrow();
    }

    BandwidthRule rule()
    {
        return BandwidthRule.named(bandwidthRule);
    }
}
