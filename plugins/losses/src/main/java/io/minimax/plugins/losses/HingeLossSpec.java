package io.minimax.plugins.losses;

import io.minimax.spi.PluginSpec;

/** The {@code hinge} loss has no parameters. */
public record HingeLossSpec()
        implements PluginSpec
{
}
