package io.minimax.plugins.losses;

import io.minimax.spi.PluginSpec;

/** The {@code relativistic} loss has no parameters. */
public record RelativisticAverageLossSpec()
        implements PluginSpec
{
}
