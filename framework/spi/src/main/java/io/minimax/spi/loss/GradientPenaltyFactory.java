package io.minimax.spi.loss;

import io.minimax.spi.InstanceFactory;
import io.minimax.spi.PluginContext;
import io.minimax.spi.PluginSpec;

/** Creates one entry of a descriptor's {@code penalties:} list. */
public interface GradientPenaltyFactory<S extends PluginSpec>
        extends InstanceFactory<S, PluginContext, GradientPenalty>
{
}
