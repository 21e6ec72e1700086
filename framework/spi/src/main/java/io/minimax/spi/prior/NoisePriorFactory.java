package io.minimax.spi.prior;

import io.minimax.spi.InstanceFactory;
import io.minimax.spi.PluginContext;
import io.minimax.spi.PluginSpec;

/** Creates the noise prior a descriptor's {@code prior:} section selects. */
public interface NoisePriorFactory<S extends PluginSpec>
        extends InstanceFactory<S, PluginContext, NoisePrior>
{
}
