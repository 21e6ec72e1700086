package io.minimax.spi.network;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Map;

/**
 * A differentiable network with hand-written forward and backward passes. Its parameters and their gradients live in
 * two flat vectors that the framework owns and hands over by {@link #initialize}, as DL4J hands its layers views
 * ({@code setParamsViewArray}): an optimizer updates a network in one pass, and the lanes of a lockstep are slices
 * of one vector per player, updated together, with nothing asked of the network.
 *
 * <p>Ownership: arrays returned by {@link #forward} and {@link #backward} belong to the network and stay valid until
 * the next call of the same method with the same batch size; callers copy what they keep. Implementations
 * preallocate their buffers per batch size so the training loop allocates nothing.
 */
public interface Network
{
    long[] inputShape();

    long[] outputShape();

    /** The length of the parameter and gradient vectors {@link #initialize} takes. */
    long parameterCount();

    /**
     * Hands the network its vectors, {@code [1, parameterCount()]} each (views, possibly slices of longer vectors),
     * and writes its initial parameters into {@code parameters}. The framework calls it once, before any pass, and
     * owns both arrays; the network keeps them for its lifetime and reads and writes no other parameter memory.
     */
    void initialize(INDArray parameters, INDArray gradients);

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

    /**
     * {@link #backward}{@code (outputGradient, true)} for a caller that does not read the input gradient: the player
     * being trained, whose input is noise or data. A network may skip computing dLoss/d(input), its largest product
     * when the input is wide (an image); {@link #gradients()} get exactly what {@code backward} would give. The default
     * calls {@code backward}.
     */
    default void backwardToParameters(INDArray outputGradient)
    {
        backward(outputGradient, true);
    }

    /** The parameter vector {@link #initialize} was handed, updated in place by the optimizer. */
    INDArray parameters();

    /**
     * The gradient vector {@link #initialize} was handed: dLoss/dparameters from the last {@link #backward} with {@code
     * parameterGradients}.
     */
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
     * State the network carries besides its parameters that no optimizer trains, e.g. batch normalization's running
     * means and variances, by stable names. The arrays belong to the network and are updated in place by its training
     * passes; the framework checkpoints them with the parameters and restores them by {@code assign}, before any pass.
     * Empty by default.
     */
    default Map<String, INDArray> state()
    {
        return Map.of();
    }

    /**
     * Switches later forward passes between {@link NetworkMode#TRAINING} (the mode a network starts in: batch
     * statistics, which also update {@link #state()}) and {@link NetworkMode#INFERENCE} (the state's statistics, left
     * unchanged), e.g. for {@code minimax sample}. A no-op for networks whose passes do not differ, the default.
     */
    default void setMode(NetworkMode mode)
    {
    }

    /**
     * A few named scalars the engine logs with its step metrics, e.g. the parameters of a one-parameter network
     * ({@code dirac/theta}); keys are metric keys. Empty by default, and for any network with many parameters.
     */
    default Map<String, Double> loggedScalars()
    {
        return Map.of();
    }
}
