package io.minimax.plugins.toydata;

import io.minimax.plugin.support.PluginFactories;
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
    public static final DataSourceFactory<Gaussian1dSpec> GAUSSIAN_1D = PluginFactories.dataSource(
            "gaussian-1d", Gaussian1dSpec.class,
            "one Gaussian on the line, as in Goodfellow et al.'s Figure 1",
            (spec, context) -> new GaussianMixtureDataSource(spec.mixture(), context.random()));

    public static final DataSourceFactory<RingSpec> RING = PluginFactories.dataSource(
            "ring", RingSpec.class,
            "mixture of Gaussians on a circle (PacGAN's ring of 8)",
            (spec, context) -> new GaussianMixtureDataSource(spec.mixture(), context.random()));

    public static final DataSourceFactory<GridSpec> GRID = PluginFactories.dataSource(
            "grid", GridSpec.class,
            "mixture of Gaussians on a square lattice (PacGAN's grid of 25)",
            (spec, context) -> new GaussianMixtureDataSource(spec.mixture(), context.random()));

    public static final DataSourceFactory<SwissRollSpec> SWISS_ROLL = PluginFactories.dataSource(
            "swiss-roll", SwissRollSpec.class,
            "2-D Swiss roll scaled to the unit square; no closed-form density",
            (spec, context) -> new SwissRollDataSource(spec.noise(), context.random()));

    public static final DataSourceFactory<UniformNoiseSpec> UNIFORM_NOISE = PluginFactories.dataSource(
            "uniform-noise", UniformNoiseSpec.class,
            "i.i.d. uniform values of any sample shape (default 784, a flattened 28 x 28 image), for timing; no density",
            (spec, context) -> new UniformNoiseDataSource(spec.sampleShape(), spec.low(), spec.high(), context.random()));

    @Override
    public List<DataSourceFactory<?>> dataSources()
    {
        return List.of(
                GAUSSIAN_1D,
                RING,
                GRID,
                SWISS_ROLL,
                UNIFORM_NOISE);
    }
}
