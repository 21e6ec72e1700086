package io.minimax.plugins.optimizers;

import io.minimax.spi.optim.Optimizer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** {@code θ ← θ - lr·g}: one BLAS axpy, no state. */
final class SgdOptimizer
        implements Optimizer
{
    private final double learningRate;

    SgdOptimizer(double learningRate)
    {
        this.learningRate = learningRate;
    }

    @Override
    public boolean isElementwise()
    {
        return true;
    }

    @Override
    public void step(INDArray parameters, INDArray gradients)
    {
        OptimizerState.checkStep(parameters, gradients);
        Nd4j.getBlasWrapper().level1().axpy(parameters.length(), -learningRate, gradients, parameters);
    }
}
