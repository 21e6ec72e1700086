package io.minimax.plugins.optimizers;

import io.minimax.spi.Plugin;
import io.minimax.spi.optim.OptimizerFactory;

import java.util.List;

/** First-order optimizers with PyTorch's update rules, each a handful of fused native ops per step. */
public final class OptimizersPlugin
        implements Plugin
{
    @Override
    public List<OptimizerFactory<?>> optimizers()
    {
        return List.of(new SgdFactory(), new MomentumFactory(), new AdamFactory(), new FrozenFactory());
    }
}
