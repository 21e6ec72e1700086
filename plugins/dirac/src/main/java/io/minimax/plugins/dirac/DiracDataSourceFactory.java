package io.minimax.plugins.dirac;

import io.minimax.spi.PluginContext;
import io.minimax.spi.data.DataSource;
import io.minimax.spi.data.DataSourceFactory;

import static java.util.Objects.requireNonNull;

public final class DiracDataSourceFactory
        implements DataSourceFactory<DiracSpec>
{
    @Override
    public String name()
    {
        return "dirac";
    }

    @Override
    public Class<DiracSpec> specClass()
    {
        return DiracSpec.class;
    }

    @Override
    public String description()
    {
        return "a point mass on the line at 'at' (Dirac-GAN's p_data)";
    }

    @Override
    public DataSource create(DiracSpec spec, PluginContext context)
    {
        requireNonNull(spec, "spec is null");
        requireNonNull(context, "context is null");
        return new DiracDataSource(spec.at());
    }
}
