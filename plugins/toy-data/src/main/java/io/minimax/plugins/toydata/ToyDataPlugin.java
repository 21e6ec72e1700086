package io.minimax.plugins.toydata;

import io.minimax.spi.Plugin;
import io.minimax.spi.data.DataSourceFactory;

import java.util.List;

/**
 * Synthetic data: low-dimensional distributions whose modes and density are known, so that what a GAN learns can be
 * measured, and uniform noise of any shape, so that a step on image-sized data can be timed without a data set.
 */
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
                new SwissRollDataSourceFactory(),
                new UniformNoiseDataSourceFactory());
    }
}
