package io.minimax.plugins.optimizers;

import io.minimax.spi.optim.Optimizer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.updaters.AdamUpdater;
import org.nd4j.linalg.factory.Nd4j;

/**
 * PyTorch's Adam in two native ops per step: ND4J's fused {@code adam_updater}, then one subtraction.
 *
 * <p>The fused op applies the bias corrections as a step-size factor and adds ε to the uncorrected root:
 * {@code lr·sqrt(1-β2^t)/(1-β1^t) · m / (sqrt(v) + ε')}. PyTorch's {@code lr/(1-β1^t) · m / (sqrt(v)/sqrt(1-β2^t) + ε)}
 * is the same expression with {@code ε' = ε·sqrt(1-β2^t)}, so each step passes that ε'. In FLOAT the op computes
 * {@code β^t} in single precision, which moves the step size by about 1e-5 relative in the first steps.
 */
final class AdamOptimizer
        implements Optimizer
{
    private static final int FIRST_MOMENT = 0;
    private static final int SECOND_MOMENT = 1;
    private static final int UPDATE = 2;

    private final double learningRate;
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private OptimizerState state;
    private int step;

    AdamOptimizer(double learningRate, double beta1, double beta2, double epsilon)
    {
        this.learningRate = learningRate;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
    }

    @Override
    public void step(INDArray parameters, INDArray gradients)
    {
        if (state == null) {
            state = OptimizerState.allocate(parameters, gradients, 3);
        }
        state.checkSameNetwork(parameters, gradients);
        step = Math.addExact(step, 1);
        INDArray firstMoment = state.row(FIRST_MOMENT);
        INDArray secondMoment = state.row(SECOND_MOMENT);
        INDArray update = state.row(UPDATE);
        double scaledEpsilon = epsilon * Math.sqrt(1 - Math.pow(beta2, step));
        // The op's iteration counts from 0: it raises the betas to (iteration + 1).
        Nd4j.exec(new AdamUpdater(gradients, secondMoment, firstMoment, update, secondMoment, firstMoment,
                learningRate, beta1, beta2, scaledEpsilon, step - 1));
        parameters.subi(update);
    }
}
