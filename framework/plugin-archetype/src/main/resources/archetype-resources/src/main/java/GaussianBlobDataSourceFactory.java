package ${package};

import io.minimax.spi.PluginContext;
import io.minimax.spi.data.DataSource;
import io.minimax.spi.data.DataSourceFactory;

/** A data source: samples of p_data, drawn from the random stream the run hands this plugin. */
public final class GaussianBlobDataSourceFactory
        implements DataSourceFactory<GaussianBlobSpec>
{
    @Override
    public String name()
    {
        return "example-gaussian-blob";
    }

    @Override
    public Class<GaussianBlobSpec> specClass()
    {
        return GaussianBlobSpec.class;
    }

    @Override
    public String description()
    {
        return "one Gaussian in the plane (the archetype's example data source)";
    }

    @Override
    public DataSource create(GaussianBlobSpec spec, PluginContext context)
    {
        return new GaussianBlobDataSource(spec, context.random());
    }
}
