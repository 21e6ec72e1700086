package io.minimax.plugins.metrics;

import io.minimax.spi.PluginSpec;

/** No parameters: the kernel's bandwidth comes from the median heuristic at every evaluation. */
public record MmdSpec()
        implements PluginSpec
{
}
