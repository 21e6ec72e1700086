package io.minimax.spi.network;

import io.minimax.spi.PluginFactory;
import io.minimax.spi.PluginSpec;

/**
 * Creates the {@code generator:} or {@code discriminator:} network; parameters are initialised from
 * {@link NetworkContext#random()}, so the same seed gives the same initial network.
 */
public interface NetworkFactory<S extends PluginSpec>
        extends PluginFactory<S>
{
    Network create(S spec, NetworkContext context);
}
