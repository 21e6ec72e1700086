package io.minimax.nn;

import io.minimax.spi.RandomSource;
import org.nd4j.linalg.api.ndarray.INDArray;


/**
 * One stage of a {@link SequentialNetwork}: an immutable description (sizes, activation) that owns no arrays.
 * Parameters live in the network's flat vector; the layer is handed its slice of it, and of the gradient vector,
 * whenever it needs them. Samples are flat: a layer maps {@code [m, inputSize()]} to {@code [m, outputSize()]}; an
 * image is a row of C·H·W features, channel-major (PyTorch's NCHW) where it enters and leaves a network and for dense
 * layers and reshapes, channels-last ({@code [H, W, C]}) for the convolutions and image batch normalization, with a
 * {@link ChannelOrder} layer between the two.
 *
 * <p>State that no optimizer trains (batch normalization's running statistics) lives, like the parameters, in a flat
 * vector the network owns ({@link #stateCount()}); the layer gets its slice.
 */
public interface Layer
{
    /** Features per input sample. */
    long inputSize();

    /** Features per output sample. */
    long outputSize();

    /** The length of this layer's slice of the flat parameter (and gradient) vector; may be 0. */
    long parameterCount();

    /**
     * Draws initial values into {@code parameters}, this layer's {@code [1, parameterCount()]} slice of the
     * network's parameter vector, from {@code random} only, so that the same seed gives the same values.
     */
    void initialize(INDArray parameters, RandomSource random);

    /**
     * Preallocates what a forward and backward pass over {@code batchSize} samples need. The pass writes through
     * {@code parameters} and {@code gradients} (this layer's {@code [1, parameterCount()]} slices; views, never
     * copies) and keeps them for its lifetime, so it sees every later optimizer update.
     */
    Pass createPass(INDArray parameters, INDArray gradients, long batchSize);

    /** The length of this layer's slice of the network's state vector; 0, the default, for a layer without state. */
    default long stateCount()
    {
        return 0;
    }

    /** Writes the initial state into {@code state}, this layer's {@code [1, stateCount()]} slice; only called when it has one. */
    default void initializeState(INDArray state)
    {
        throw new UnsupportedOperationException(this + " has no state");
    }

    /**
     * {@link #createPass(INDArray, INDArray, long)} for a layer with state: the pass also keeps {@code state}, this
     * layer's {@code [1, stateCount()]} slice of the network's state vector (a view), reads it and, in training
     * passes, updates it in place.
     */
    default Pass createPass(INDArray parameters, INDArray gradients, INDArray state, long batchSize)
    {
        return createPass(parameters, gradients, batchSize);
    }

    /** Whether the passes implement {@link Pass#forwardTangent} and {@link Pass#backwardTangent}; true by default. */
    default boolean supportsDoubleBackpropagation()
    {
        return true;
    }

    /**
     * The forward and backward pass of one layer at one batch size, with its own preallocated buffers.
     * Not thread-safe. The arrays it returns belong to it and are overwritten by its next call of the same method.
     */
    interface Pass
    {
        /**
         * Maps {@code input} ({@code [batchSize, inputSize()]}, read only) to the output. The pass keeps a
         * reference to {@code input} for {@link #backward}: the caller must not change it in between.
         */
        INDArray forward(INDArray input);

        /**
         * {@link #forward(INDArray)} in training mode (the default, and what the one-argument form means) or in
         * inference mode, where a layer with batch statistics uses its running state instead and leaves it unchanged.
         * Layers without batch statistics ignore the mode.
         */
        default INDArray forward(INDArray input, boolean training)
        {
            return forward(input);
        }

        /**
         * Back-propagates dLoss/d(output of the last {@link #forward}) ({@code [batchSize, outputSize()]}, read
         * only) and returns dLoss/d(input). With {@code parameterGradients} it also overwrites this layer's slice
         * of the gradient vector; without, it leaves that slice untouched and skips the work.
         *
         * @throws IllegalStateException if {@link #forward} has not been called
         */
        INDArray backward(INDArray outputGradient, boolean parameterGradients);

        /**
         * {@link #backward}{@code (outputGradient, true)} where nobody reads dLoss/d(input): the first layer of a
         * network whose input gradient is not wanted. A layer may skip computing it; the default does not.
         */
        default void backwardToParameters(INDArray outputGradient)
        {
            backward(outputGradient, true);
        }

        /**
         * Forward-mode derivative, the first half of double backpropagation: returns the change of the last
         * {@link #forward}'s output when its input moves along {@code inputTangent} ({@code [batchSize,
         * inputSize()]}, read only, kept until {@link #backwardTangent}).
         *
         * @throws IllegalStateException if {@link #forward} has not been called
         */
        INDArray forwardTangent(INDArray inputTangent);

        /**
         * The derivative of the last {@link #backward} along the direction of the last {@link #forwardTangent}:
         * given the change of its output gradient ({@code [batchSize, outputSize()]}, read only), <em>adds</em> the
         * change of this layer's parameter gradient to its slice of the gradient vector and returns the change of
         * its input gradient. The output gradient of that backward pass must be unchanged since.
         *
         * @throws IllegalStateException if {@link #backward} or {@link #forwardTangent} has not been called
         */
        INDArray backwardTangent(INDArray outputGradientTangent);
    }
}
