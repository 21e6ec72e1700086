package io.minimax.plugins.optimizers;

import io.minimax.spi.PluginSpec;

/** No parameters: a frozen network has nothing to tune. */
public record FrozenSpec()
        implements PluginSpec
{
}
