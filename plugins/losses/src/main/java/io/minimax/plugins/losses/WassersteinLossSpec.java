package io.minimax.plugins.losses;

import io.minimax.spi.Param;
import io.minimax.spi.PluginSpec;
import io.minimax.spi.SpecChecks;

public record WassersteinLossSpec(
        @Param(description = "clip every critic parameter to [-clip, clip] after each update (WGAN's 0.01); 0 turns it off, e.g. with "
                + "wgan-gp",
                defaultValue = "0.01") double clip)
        implements PluginSpec
{
    public WassersteinLossSpec
    {
        SpecChecks.check().nonNegative("clip", clip).orThrow();
    }
}
