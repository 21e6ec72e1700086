package io.minimax.core.plugin.jaronly;

import io.minimax.spi.Plugin;
import io.minimax.spi.data.DataSourceFactory;

import java.util.List;

/** Constructs, but cannot list its factories. */
public final class FailingFactoriesTestPlugin
        implements Plugin
{
    @Override
    public List<DataSourceFactory<?>> dataSources()
    {
        throw new IllegalStateException("data sources are not configured");
    }
}
