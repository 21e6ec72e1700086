package io.minimax.plugins.toydata;

import io.minimax.spi.PluginContext;
import io.minimax.spi.data.DataSource;
import io.minimax.spi.data.DataSourceFactory;

import static java.util.Objects.requireNonNull;

public final class UniformNoiseDataSourceFactory
        implements DataSourceFactory<UniformNoiseSpec>
{
    @Override
    public String name()
    {
        return "uniform-noise";
    }

    @Override
    public Class<UniformNoiseSpec> specClass()
    {
        return UniformNoiseSpec.class;
    }

    @Override
    public String description()
    {
        return "i.i.d. uniform values of any sample shape (default 784, a flattened 28 x 28 image), for timing; no density";
    }

    @Override
    public DataSource create(UniformNoiseSpec spec, PluginContext context)
    {
        requireNonNull(spec, "spec is null");
        requireNonNull(context, "context is null");
        return new UniformNoiseDataSource(spec.sampleShape(), spec.low(), spec.high(), context.random());
    }
}
