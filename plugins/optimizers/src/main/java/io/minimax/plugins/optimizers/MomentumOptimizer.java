package io.minimax.plugins.optimizers;

import io.minimax.spi.optim.Optimizer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.Axpy;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;

/**
 * PyTorch's SGD with momentum and no dampening: {@code b ← μ·b + g; θ ← θ - lr·b}. The buffer starts at zero,
 * which makes the first {@code b} equal to {@code g}, as PyTorch's first step sets it. Two native ops per step.
 */
final class MomentumOptimizer
        implements Optimizer
{
    private static final int VELOCITY = 0;

    private final double learningRate;
    private final double momentum;
    private OptimizerState state;

    MomentumOptimizer(double learningRate, double momentum)
    {
        this.learningRate = learningRate;
        this.momentum = momentum;
    }

    @Override
    public boolean isElementwise()
    {
        return true;
    }

    @Override
    public void step(INDArray parameters, INDArray gradients)
    {
        if (state == null) {
            state = OptimizerState.allocate(parameters, gradients, 1);
        }
        state.checkSameNetwork(parameters, gradients);
        INDArray velocity = state.row(VELOCITY);
        // The legacy Axpy op computes z = α·x + y: here b ← μ·b + g in one pass.
        Nd4j.exec(new Axpy(velocity, gradients, velocity, momentum));
        Nd4j.getBlasWrapper().level1().axpy(parameters.length(), -learningRate, velocity, parameters);
    }

    @Override
    public List<INDArray> state()
    {
        return OptimizerState.copies(state);
    }

    @Override
    public void restore(List<INDArray> saved)
    {
        state = OptimizerState.restored(saved, 1);
    }
}
