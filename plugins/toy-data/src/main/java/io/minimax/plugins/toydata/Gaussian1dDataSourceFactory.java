package io.minimax.plugins.toydata;

import io.minimax.spi.PluginContext;
import io.minimax.spi.data.DataSource;
import io.minimax.spi.data.DataSourceFactory;

import static java.util.Objects.requireNonNull;

public final class Gaussian1dDataSourceFactory
        implements DataSourceFactory<Gaussian1dSpec>
{
    @Override
    public String name()
    {
        return "gaussian-1d";
    }

    @Override
    public Class<Gaussian1dSpec> specClass()
    {
        return Gaussian1dSpec.class;
    }

    @Override
    public String description()
    {
        return "one Gaussian on the line, as in Goodfellow et al.'s Figure 1";
    }

    @Override
    public DataSource create(Gaussian1dSpec spec, PluginContext context)
    {
        requireNonNull(spec, "spec is null");
        requireNonNull(context, "context is null");
        return new GaussianMixtureDataSource(spec.mixture(), context.random());
    }
}
