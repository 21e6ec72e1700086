package io.minimax.plugins.networks;

import io.minimax.spi.SpecProblem;
import io.minimax.spi.network.Network;
import io.minimax.spi.network.NetworkContext;
import io.minimax.spi.network.NetworkFactory;
import io.minimax.spi.network.NetworkRole;
import io.minimax.spi.network.NetworkSize;

import java.util.List;
import java.util.Optional;

/** Builds a {@link LayersSpec}'s network between the context's shapes. */
public final class LayersFactory
        implements NetworkFactory<LayersSpec>
{
    @Override
    public String name()
    {
        return "layers";
    }

    @Override
    public Class<LayersSpec> specClass()
    {
        return LayersSpec.class;
    }

    @Override
    public String description()
    {
        return "a network listed layer by layer: dense, conv, deconv, batchnorm, activation, reshape, flatten; shapes inferred";
    }

    @Override
    public Network create(LayersSpec spec, NetworkContext context)
    {
        List<SpecProblem> problems = check(spec, context.role(), context.inputShape(), context.outputShape(), false);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(problems.get(0).toString());
        }
        return spec.stack().build(context);
    }

    @Override
    public Optional<NetworkSize> size(LayersSpec spec, long[] inputShape, long[] outputShape)
    {
        return spec.stack().size(inputShape);
    }

    @Override
    public List<SpecProblem> check(LayersSpec spec, NetworkRole role, long[] inputShape, long[] outputShape, boolean doubleBackpropagation)
    {
        return spec.stack().check("layers", role, inputShape, outputShape, doubleBackpropagation);
    }
}
