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
}
