package io.minimax.plugins.optimizers;

import io.minimax.spi.optim.Optimizer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.updaters.NesterovsUpdater;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;

/**
 * PyTorch's SGD with Nesterov momentum: {@code b ← μ·b + g; θ ← θ - lr·(g + μ·b)}.
 *
 * <p>ND4J's fused {@code nesterovs_updater} keeps {@code v = -lr·b} instead ({@code v ← μ·v - lr·g}) and returns
 * the update {@code μ·v_old - (1 + μ)·v}, which expands to {@code lr·((1 + μ)·g + μ²·b_old) = lr·(g + μ·b)}: the
 * same step for a constant learning rate, in two native ops (the updater, then one subtraction).
 */
final class NesterovOptimizer
        implements Optimizer
{
    private static final int VELOCITY = 0;
    private static final int UPDATE = 1;

    private final double learningRate;
    private final double momentum;
    private OptimizerState state;

    NesterovOptimizer(double learningRate, double momentum)
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
            state = OptimizerState.allocate(parameters, gradients, 2);
        }
        state.checkSameNetwork(parameters, gradients);
        INDArray velocity = state.row(VELOCITY);
        INDArray update = state.row(UPDATE);
        Nd4j.exec(new NesterovsUpdater(gradients, velocity, update, velocity, learningRate, momentum));
        parameters.subi(update);
    }

    @Override
    public List<INDArray> state()
    {
        return OptimizerState.copies(state);
    }

    @Override
    public void restore(List<INDArray> saved)
    {
        state = OptimizerState.restored(saved, 2);
    }
}
