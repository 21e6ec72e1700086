package io.minimax.plugins.toydata;

import io.minimax.spi.PluginContext;
import io.minimax.spi.data.DataSource;
import io.minimax.spi.data.DataSourceFactory;

import static java.util.Objects.requireNonNull;

public final class SwissRollDataSourceFactory
        implements DataSourceFactory<SwissRollSpec>
{
    @Override
    public String name()
    {
        return "swiss-roll";
    }

    @Override
    public Class<SwissRollSpec> specClass()
    {
        return SwissRollSpec.class;
    }

    @Override
    public String description()
    {
        return "2-D Swiss roll scaled to the unit square; no closed-form density";
    }

    @Override
    public DataSource create(SwissRollSpec spec, PluginContext context)
    {
        requireNonNull(spec, "spec is null");
        requireNonNull(context, "context is null");
        return new SwissRollDataSource(spec.noise(), context.random());
    }
}
