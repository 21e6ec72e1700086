package io.minimax.plugins.toydata;

import io.minimax.spi.PluginContext;
import io.minimax.spi.data.DataSource;
import io.minimax.spi.data.DataSourceFactory;

import static java.util.Objects.requireNonNull;

public final class RingDataSourceFactory
        implements DataSourceFactory<RingSpec>
{
    @Override
    public String name()
    {
        return "ring";
    }

    @Override
    public Class<RingSpec> specClass()
    {
        return RingSpec.class;
    }

    @Override
    public String description()
    {
        return "mixture of Gaussians on a circle (PacGAN's ring of 8)";
    }

    @Override
    public DataSource create(RingSpec spec, PluginContext context)
    {
        requireNonNull(spec, "spec is null");
        requireNonNull(context, "context is null");
        return new GaussianMixtureDataSource(spec.mixture(), context.random());
    }
}
