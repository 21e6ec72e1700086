package io.minimax.plugins.losses;

import io.minimax.spi.PluginSpec;

/** The {@code non-saturating} loss has no parameters. */
public record NonSaturatingLossSpec()
        implements PluginSpec
{
}
