package ${package};

import io.minimax.spi.Plugin;
import io.minimax.spi.data.DataSourceFactory;
import io.minimax.spi.loss.LossVariantFactory;

import java.util.List;

/**
 * The plugin's entry point, listed in {@code META-INF/services/io.minimax.spi.Plugin}: Minimax finds it on the class
 * path or in a jar of the {@code --plugins} folder. Each factory's name is the {@code type} a descriptor selects it by.
 */
public final class ExamplePlugin
        implements Plugin
{
    @Override
    public List<DataSourceFactory<?>> dataSources()
    {
        return List.of(new GaussianBlobDataSourceFactory());
    }

    @Override
    public List<LossVariantFactory<?>> lossVariants()
    {
        return List.of(new LeastSquaresLossFactory());
    }
}
