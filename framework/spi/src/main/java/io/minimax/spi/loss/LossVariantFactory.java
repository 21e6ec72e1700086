package io.minimax.spi.loss;

import io.minimax.spi.InstanceFactory;
import io.minimax.spi.PluginContext;
import io.minimax.spi.PluginSpec;

/** Creates the loss variant a descriptor's {@code loss:} section selects. */
public interface LossVariantFactory<S extends PluginSpec>
        extends InstanceFactory<S, PluginContext, LossVariant>
{
}
