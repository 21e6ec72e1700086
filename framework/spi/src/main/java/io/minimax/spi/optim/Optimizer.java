package io.minimax.spi.optim;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A first-order optimizer for one network. The engine creates one instance per network, so an instance owns that
 * network's state (moments, step count) and may allocate it on the first {@link #step} from the arrays' shape.
 */
public interface Optimizer
{
    /**
     * One update that decreases the loss: {@code parameters} (the network's flat {@code [1, n]} parameter vector)
     * is changed in place using {@code gradients} (same shape, read only, dLoss/dparameters).
     */
    void step(INDArray parameters, INDArray gradients);

    /**
     * Whether each parameter's update depends only on its own gradient history and the step count (SGD, momentum,
     * Adam; not an optimizer that clips by a global norm). Then one instance stepping several networks' parameters
     * laid end to end updates each exactly as an instance of its own would, which lockstep sweeps rely on.
     */
    default boolean isElementwise()
    {
        return false;
    }
}
