package io.minimax.plugins.optimizers;

import io.minimax.spi.PluginContext;
import io.minimax.spi.optim.Optimizer;
import io.minimax.spi.optim.OptimizerFactory;

public final class MomentumFactory
        implements OptimizerFactory<MomentumSpec>
{
    @Override
    public String name()
    {
        return "momentum";
    }

    @Override
    public Class<MomentumSpec> specClass()
    {
        return MomentumSpec.class;
    }

    @Override
    public String description()
    {
        return "SGD with (optionally Nesterov) momentum, as PyTorch's SGD(momentum=..., nesterov=...)";
    }

    @Override
    public Optimizer create(MomentumSpec spec, PluginContext context)
    {
        if (spec.nesterov()) {
            return new NesterovOptimizer(spec.learningRate(), spec.momentum());
        }
        return new MomentumOptimizer(spec.learningRate(), spec.momentum());
    }
}
