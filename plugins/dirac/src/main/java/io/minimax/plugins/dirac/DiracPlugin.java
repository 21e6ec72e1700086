package io.minimax.plugins.dirac;

import io.minimax.spi.Plugin;
import io.minimax.spi.data.DataSourceFactory;
import io.minimax.spi.metric.MetricFactory;
import io.minimax.spi.network.NetworkFactory;

import java.util.List;

/**
 * Dirac-GAN (Mescheder, Geiger and Nowozin, 2018): data at a single point, a generator G(z) = θ and a linear
 * discriminator D(x) = ψ·x. The smallest GAN whose training dynamics are known in closed form: the unique
 * equilibrium is θ = at, ψ = 0, and gradient descent spirals out of it, alternating steps circle it, and R1 converges.
 */
public final class DiracPlugin
        implements Plugin
{
    @Override
    public List<DataSourceFactory<?>> dataSources()
    {
        return List.of(new DiracDataSourceFactory());
    }

    @Override
    public List<NetworkFactory<?>> networks()
    {
        return List.of(new ConstantNetworkFactory(), new LinearNetworkFactory());
    }

    @Override
    public List<MetricFactory<?>> metrics()
    {
        return List.of(new DiracTrajectoryFactory());
    }
}
