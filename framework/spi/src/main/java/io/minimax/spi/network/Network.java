package io.minimax.spi.network;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A differentiable network with hand-written forward and backward passes. All parameters live in one flat vector
 * (layers hold views into it) and all parameter gradients in another of the same length, so an optimizer updates a
 * network in one pass.
 *
 * <p>Ownership: arrays returned by {@link #forward} and {@link #backward} belong to the network and stay valid until
 * the next call of the same method with the same batch size; callers copy what they keep. Implementations
 * preallocate their buffers per batch size so the training loop allocates nothing.
 */
public interface Network
{
    long[] inputShape();

    long[] outputShape();

    /**
     * Maps {@code input} ({@code [m, inputShape...]}) to the output ({@code [m, outputShape...]}) and keeps what
     * {@link #backward} needs.
     */
    INDArray forward(INDArray input);

    /**
     * Back-propagates dLoss/d(output of the last {@link #forward}) and returns dLoss/d(input).
     *
     * @param parameterGradients whether to (over)write {@link #gradients()}; false when only the input gradient is
     * needed (the discriminator inside the generator's step), which saves the work and leaves earlier gradients intact
     */
    INDArray backward(INDArray outputGradient, boolean parameterGradients);

    /** All parameters as one flat {@code [1, n]} vector, updated in place by the optimizer. */
    INDArray parameters();

    /** dLoss/dparameters from the last {@link #backward} with {@code parameterGradients}, {@code [1, n]}. */
    INDArray gradients();
}
