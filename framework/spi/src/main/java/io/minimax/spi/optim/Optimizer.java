package io.minimax.spi.optim;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;

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
     * laid end to end updates each exactly as an instance of its own would. Nothing in the framework asks for it now:
     * lockstep lanes step with an instance each.
     */
    default boolean isElementwise()
    {
        return false;
    }

    /**
     * What the next {@link #step} depends on besides its arguments (moments, velocity, step count), as arrays of the
     * optimizer's own that a checkpoint saves: copies, in a fixed order. Empty for a stateless optimizer, or one that
     * has not stepped yet. For an {@link #isElementwise() element-wise} optimizer, a floating-point array holds one value
     * per parameter, in the parameters' order, and an integer array (a step count) holds what every parameter shares.
     */
    default List<INDArray> state()
    {
        return List.of();
    }

    /** Takes up what {@link #state()} returned for an instance of the same spec (copies it: the caller keeps the arrays). */
    default void restore(List<INDArray> state)
    {
        if (!state.isEmpty()) {
            throw new IllegalArgumentException(getClass().getSimpleName() + " is stateless, but " + state.size()
                    + " state arrays were given");
        }
    }
}
