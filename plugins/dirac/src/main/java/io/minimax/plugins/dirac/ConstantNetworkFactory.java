package io.minimax.plugins.dirac;

import io.minimax.spi.network.Network;
import io.minimax.spi.network.NetworkContext;
import io.minimax.spi.network.NetworkFactory;

import static java.util.Objects.requireNonNull;

public final class ConstantNetworkFactory
        implements NetworkFactory<ConstantNetworkSpec>
{
    @Override
    public String name()
    {
        return "constant";
    }

    @Override
    public Class<ConstantNetworkSpec> specClass()
    {
        return ConstantNetworkSpec.class;
    }

    @Override
    public String description()
    {
        return "G(z) = θ whatever z: Dirac-GAN's generator, one trainable point";
    }

    @Override
    public Network create(ConstantNetworkSpec spec, NetworkContext context)
    {
        requireNonNull(spec, "spec is null");
        requireNonNull(context, "context is null");
        return new ConstantNetwork(context.inputShape(), context.outputShape(), spec.init(), context.dataType(), ScalarNames.of(context.role()));
    }
}
