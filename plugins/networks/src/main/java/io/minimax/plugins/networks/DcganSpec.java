package io.minimax.plugins.networks;

import io.minimax.spi.Param;
import io.minimax.spi.PluginSpec;
import io.minimax.spi.SpecChecks;

/**
 * The DCGAN of Radford et al. (2016) sized for small images: two stride-2 (transposed) convolutions of kernel 4
 * ({@link DcganFactory} gives the layers). The image shape comes from the data source.
 */
public record DcganSpec(
        @Param(description = "Channels of the layer next to the image; the one further in has twice as many", defaultValue = "64")
        int baseChannels,
        @Param(description = "Batch normalization after the inner layers: true or false; by default on in the generator and off in the "
                + "discriminator, which keeps gradient penalties possible", defaultValue = "~")
        Boolean batchNorm,
        @Param(description = "Slope of the discriminator's leaky ReLUs for negative inputs, in [0, 1)", defaultValue = "0.2")
        double leak)
        implements PluginSpec
{
    public DcganSpec
    {
        SpecChecks.check()
                .positive("baseChannels", baseChannels)
                .inHalfOpenRange("leak", leak, 0, 1)
                .orThrow();
    }
}
