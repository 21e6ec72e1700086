package io.minimax.spi.optim;

import io.minimax.spi.InstanceFactory;
import io.minimax.spi.PluginContext;
import io.minimax.spi.PluginSpec;

/** Creates the optimizer of {@code optimizer.generator:} or {@code optimizer.discriminator:}; called once per network. */
public interface OptimizerFactory<S extends PluginSpec>
        extends InstanceFactory<S, PluginContext, Optimizer>
{
}
