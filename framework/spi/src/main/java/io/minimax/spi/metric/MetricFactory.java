package io.minimax.spi.metric;

import io.minimax.spi.PluginContext;
import io.minimax.spi.PluginFactory;
import io.minimax.spi.PluginSpec;

/** Creates one entry of a descriptor's {@code metrics:} list. */
public interface MetricFactory<S extends PluginSpec>
        extends PluginFactory<S>
{
    Metric create(S spec, PluginContext context);
}
