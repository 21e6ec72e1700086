package io.minimax.spi.network;

import io.minimax.spi.PluginFactory;
import io.minimax.spi.PluginSpec;

import java.util.Optional;

/**
 * Creates the {@code generator:} or {@code discriminator:} network, without parameters: the framework hands it its
 * vectors ({@link Network#initialize}), which it initialises from {@link NetworkContext#random()} only, so the same
 * seed gives the same initial network.
 */
public interface NetworkFactory<S extends PluginSpec>
        extends PluginFactory<S>
{
    Network create(S spec, NetworkContext context);

    /**
     * The size of the network {@link #create} would build for {@code spec} between these shapes (as in
     * {@link NetworkContext}), worked out without building it; the framework refuses a run that cannot fit in memory.
     * Empty when the factory cannot tell, the default: such a run is not checked.
     *
     * @throws ArithmeticException when a count does not fit in a {@code long} ({@link Math#multiplyExact})
     */
    default Optional<NetworkSize> size(S spec, long[] inputShape, long[] outputShape)
    {
        return Optional.empty();
    }
}
