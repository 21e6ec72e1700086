package io.minimax.plugins.toydata;

import io.minimax.spi.Plugin;
import io.minimax.spi.data.DataSourceFactory;

import java.util.List;

/** Low-dimensional distributions whose modes and density are known, so that what a GAN learns can be measured. */
public final class ToyDataPlugin
        implements Plugin
{
    @Override
    public List<DataSourceFactory<?>> dataSources()
    {
        return List.of(
                new Gaussian1dDataSourceFactory(),
                new RingDataSourceFactory(),
                new GridDataSourceFactory(),
                new SwissRollDataSourceFactory());
    }
}
