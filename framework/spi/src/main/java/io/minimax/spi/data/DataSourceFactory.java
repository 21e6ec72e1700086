package io.minimax.spi.data;

import io.minimax.spi.InstanceFactory;
import io.minimax.spi.PluginContext;
import io.minimax.spi.PluginSpec;

/** Creates the data source a descriptor's {@code data:} section selects. */
public interface DataSourceFactory<S extends PluginSpec>
        extends InstanceFactory<S, PluginContext, DataSource>
{
}
