package io.minimax.spi.data;

import io.minimax.spi.PluginContext;
import io.minimax.spi.PluginFactory;
import io.minimax.spi.PluginSpec;

/** Creates the data source a descriptor's {@code data:} section selects. */
public interface DataSourceFactory<S extends PluginSpec>
        extends PluginFactory<S>
{
    DataSource create(S spec, PluginContext context);
}
