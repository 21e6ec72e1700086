package io.minimax.plugins.optimizers;

import io.minimax.spi.PluginContext;
import io.minimax.spi.optim.Optimizer;
import io.minimax.spi.optim.OptimizerFactory;

public final class SgdFactory
        implements OptimizerFactory<SgdSpec>
{
    @Override
    public String name()
    {
        return "sgd";
    }

    @Override
    public Class<SgdSpec> specClass()
    {
        return SgdSpec.class;
    }

    @Override
    public String description()
    {
        return "plain stochastic gradient descent (PyTorch's SGD without momentum)";
    }

    @Override
    public Optimizer create(SgdSpec spec, PluginContext context)
    {
        return new SgdOptimizer(spec.learningRate());
    }
}
