package io.minimax.plugins.toydata;

import io.minimax.spi.PluginContext;
import io.minimax.spi.data.DataSource;
import io.minimax.spi.data.DataSourceFactory;

import static java.util.Objects.requireNonNull;

public final class GridDataSourceFactory
        implements DataSourceFactory<GridSpec>
{
    @Override
    public String name()
    {
        return "grid";
    }

    @Override
    public Class<GridSpec> specClass()
    {
        return GridSpec.class;
    }

    @Override
    public String description()
    {
        return "mixture of Gaussians on a square lattice (PacGAN's grid of 25)";
    }

    @Override
    public DataSource create(GridSpec spec, PluginContext context)
    {
        requireNonNull(spec, "spec is null");
        requireNonNull(context, "context is null");
        return new GaussianMixtureDataSource(spec.mixture(), context.random());
    }
}
