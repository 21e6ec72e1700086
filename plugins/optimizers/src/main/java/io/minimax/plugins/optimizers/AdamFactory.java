package io.minimax.plugins.optimizers;

import io.minimax.spi.PluginContext;
import io.minimax.spi.optim.Optimizer;
import io.minimax.spi.optim.OptimizerFactory;

public final class AdamFactory
        implements OptimizerFactory<AdamSpec>
{
    @Override
    public String name()
    {
        return "adam";
    }

    @Override
    public Class<AdamSpec> specClass()
    {
        return AdamSpec.class;
    }

    @Override
    public String description()
    {
        return "Adam with bias correction, as PyTorch's Adam (no weight decay, no amsgrad)";
    }

    @Override
    public Optimizer create(AdamSpec spec, PluginContext context)
    {
        return new AdamOptimizer(spec.learningRate(), spec.beta1(), spec.beta2(), spec.epsilon());
    }
}
