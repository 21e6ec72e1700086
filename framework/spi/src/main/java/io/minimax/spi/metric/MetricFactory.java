package io.minimax.spi.metric;

import io.minimax.spi.InstanceFactory;
import io.minimax.spi.PluginContext;
import io.minimax.spi.PluginSpec;

/** Creates one entry of a descriptor's {@code metrics:} list. */
public interface MetricFactory<S extends PluginSpec>
        extends InstanceFactory<S, PluginContext, Metric>
{
}
