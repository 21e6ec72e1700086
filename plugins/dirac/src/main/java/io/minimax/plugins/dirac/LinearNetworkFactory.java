package io.minimax.plugins.dirac;

import io.minimax.spi.network.Network;
import io.minimax.spi.network.NetworkContext;
import io.minimax.spi.network.NetworkFactory;

import static java.util.Objects.requireNonNull;

public final class LinearNetworkFactory
        implements NetworkFactory<LinearNetworkSpec>
{
    @Override
    public String name()
    {
        return "linear";
    }

    @Override
    public Class<LinearNetworkSpec> specClass()
    {
        return LinearNetworkSpec.class;
    }

    @Override
    public String description()
    {
        return "D(x) = ψ·x (+ b): Dirac-GAN's discriminator, a linear map with every weight starting at init";
    }

    @Override
    public Network create(LinearNetworkSpec spec, NetworkContext context)
    {
        requireNonNull(spec, "spec is null");
        requireNonNull(context, "context is null");
        return new LinearNetwork(context.inputShape(), context.outputShape(), spec.bias(), spec.init(), context.dataType(), ScalarNames.of(context.role()));
    }
}
