package io.minimax.plugins.dirac;

import io.minimax.plugin.support.PluginFactories;
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
    public static final DataSourceFactory<DiracSpec> DIRAC = PluginFactories.dataSource(
            "dirac", DiracSpec.class,
            "a point mass on the line at 'at' (Dirac-GAN's p_data)",
            (spec, context) -> new DiracDataSource(spec.at()));

    public static final NetworkFactory<ConstantNetworkSpec> CONSTANT = PluginFactories.network(
            "constant", ConstantNetworkSpec.class,
            "G(z) = θ whatever z: Dirac-GAN's generator, one trainable point",
            (spec, context) -> new ConstantNetwork(context.inputShape(), context.outputShape(), spec.init(), context.dataType(),
                    ScalarNames.of(context.role())));

    public static final NetworkFactory<LinearNetworkSpec> LINEAR = PluginFactories.network(
            "linear", LinearNetworkSpec.class,
            "D(x) = ψ·x (+ b): Dirac-GAN's discriminator, a linear map with every weight starting at init",
            (spec, context) -> new LinearNetwork(context.inputShape(), context.outputShape(), spec.bias(), spec.init(), context.dataType(),
                    ScalarNames.of(context.role())));

    public static final MetricFactory<DiracTrajectorySpec> DIRAC_TRAJECTORY = PluginFactories.metric(
            "dirac-trajectory", DiracTrajectorySpec.class,
            "draws Dirac-GAN's players in parameter space after the last step: trajectory.png (psi against theta) and parameters.png",
            (spec, context) -> new DiracTrajectoryMetric());

    @Override
    public List<DataSourceFactory<?>> dataSources()
    {
        return List.of(DIRAC);
    }

    @Override
    public List<NetworkFactory<?>> networks()
    {
        return List.of(CONSTANT, LINEAR);
    }

    @Override
    public List<MetricFactory<?>> metrics()
    {
        return List.of(DIRAC_TRAJECTORY);
    }
}
