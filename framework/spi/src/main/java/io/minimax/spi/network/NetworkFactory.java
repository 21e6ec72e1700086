package io.minimax.spi.network;

import io.minimax.spi.PluginFactory;
import io.minimax.spi.PluginSpec;
import io.minimax.spi.SpecProblem;

import java.util.List;
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

    /**
     * The problems of {@code spec} that show only between these shapes (as in {@link NetworkContext}), found without
     * building the network: a layer that does not fit the shape before it, or, when {@code doubleBackpropagation} (the
     * run puts a gradient penalty on this discriminator), a layer that cannot back-propagate twice. Fields are relative
     * to the network's section, e.g. {@code layers[4]}; the framework reports them at validation under the section's
     * path, all at once. None by default.
     */
    default List<SpecProblem> check(S spec, NetworkRole role, long[] inputShape, long[] outputShape, boolean doubleBackpropagation)
    {
        return List.of();
    }
}
