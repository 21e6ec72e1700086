package io.minimax.spi.network;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;
import java.util.Map;
import java.util.Optional;

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

    /** Whether {@link #backwardInputGradient} is implemented; gradient penalties (R1, R2, WGAN-GP) need it. */
    default boolean supportsDoubleBackpropagation()
    {
        return false;
    }

    /**
     * Double backpropagation, for penalties on D's input gradient. After {@link #forward}{@code (x)} and
     * {@link #backward}{@code (u, ...)} with the same batch size, where backward returned the input gradient
     * {@code g_i = ∂(u_i·output_i)/∂x_i}, adds
     * <pre>
     *   ∂/∂parameters Σ_i ⟨weights_i, g_i⟩
     * </pre>
     * to {@link #gradients()}, with {@code weights} ({@code [m, inputShape...]}, read only) held constant. A penalty
     * R(g) passes {@code weights = dR/dg}, so the chain rule gives its parameter gradient. The input {@code x}, and
     * {@code u}, must be unchanged since those calls.
     *
     * @throws UnsupportedOperationException unless {@link #supportsDoubleBackpropagation()}
     * @throws IllegalStateException without a forward and backward pass of this batch size
     */
    default void backwardInputGradient(INDArray weights)
    {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not support double backpropagation");
    }

    /**
     * A few named scalars the engine logs with its step metrics, e.g. the parameters of a one-parameter network
     * ({@code dirac/theta}); keys are metric keys. Empty by default, and for any network with many parameters.
     */
    default Map<String, Double> loggedScalars()
    {
        return Map.of();
    }

    /**
     * Stacks {@code lanes} (networks of the same architecture as this one, this one usually among them) into one
     * network that computes all of them at once, for a sweep trained in lockstep ({@code train.vectorizeSweep}).
     *
     * <p>The stack maps R·m rows to R·m rows, lane r's minibatch being rows r·m to (r+1)·m, and gives every lane
     * exactly the result that lane would give alone. Its {@link #parameters()} and {@link #gradients()} are
     * {@code [1, R·P]}, lane r's P values at r·P in the lane's own order. Stacking takes the lanes' parameters over:
     * afterwards each lane's {@link #parameters()} and {@link #gradients()} are views of the stack's, so a lane
     * still works as a network of its own (for evaluation), and sees every update of the stack.
     *
     * @return empty when this kind of network cannot be stacked, or the lanes differ in architecture
     */
    default Optional<Network> stack(List<Network> lanes)
    {
        return Optional.empty();
    }
}
