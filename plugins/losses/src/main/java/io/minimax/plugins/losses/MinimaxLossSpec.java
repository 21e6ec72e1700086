package io.minimax.plugins.losses;

import io.minimax.spi.PluginSpec;

/** The {@code minimax} loss has no parameters. */
public record MinimaxLossSpec()
        implements PluginSpec
{
}
