package io.minimax.plugins.optimizers;

import io.minimax.spi.PluginContext;
import io.minimax.spi.optim.Optimizer;
import io.minimax.spi.optim.OptimizerFactory;

import static java.util.Objects.requireNonNull;

/**
 * Keeps a network at its initial parameters, so the other player trains alone against a fixed opponent: with
 * {@code optimizer.generator: { type: frozen }} the discriminator approaches D* = p_data / (p_data + p_g) for one
 * fixed p_g.
 */
public final class FrozenFactory
        implements OptimizerFactory<FrozenSpec>
{
    @Override
    public String name()
    {
        return "frozen";
    }

    @Override
    public Class<FrozenSpec> specClass()
    {
        return FrozenSpec.class;
    }

    @Override
    public String description()
    {
        return "never changes the parameters (train the other player alone against a fixed one)";
    }

    @Override
    public Optimizer create(FrozenSpec spec, PluginContext context)
    {
        requireNonNull(spec, "spec is null");
        return new FrozenOptimizer();
    }
}
