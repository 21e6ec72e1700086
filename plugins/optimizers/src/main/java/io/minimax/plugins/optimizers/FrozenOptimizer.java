package io.minimax.plugins.optimizers;

import io.minimax.spi.optim.Optimizer;
import org.nd4j.linalg.api.ndarray.INDArray;

/** {@code θ ← θ}: checks the step's arguments like every optimizer, then leaves the parameters alone. */
final class FrozenOptimizer
        implements Optimizer
{
    @Override
    public boolean isElementwise()
    {
        return true;
    }

    @Override
    public void step(INDArray parameters, INDArray gradients)
    {
        OptimizerState.checkStep(parameters, gradients);
    }
}
