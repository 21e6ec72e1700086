package io.minimax.spi.network;

import io.minimax.spi.PluginFactory;
import io.minimax.spi.PluginSpec;

/**
 * Creates the {@code generator:} or {@code discriminator:} network, without parameters: the framework hands it its
 * vectors ({@link Network#initialize}), which it initialises from {@link NetworkContext#random()} only, so the same
 * seed gives the same initial network.
 */
public interface NetworkFactory<S extends PluginSpec>
        extends PluginFactory<S>
{
    Network create(S spec, NetworkContext context);
}
