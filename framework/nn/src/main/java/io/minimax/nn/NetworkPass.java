package io.minimax.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;

/** The passes of all layers of a {@link SequentialNetwork} at one batch size, chained. */
final class NetworkPass
{
    private final long batchSize;
    private final long[] outputShape;
    private final long[] inputShape;
    private final List<Layer.Pass> layers;
    // Reshaped views of the last layer's output and the first layer's input gradient, cached by the identity of the
    // array they view: the passes return the same buffer every call, so the reshape happens once per batch size.
    private INDArray flatOutput;
    private INDArray output;
    private INDArray flatInputGradient;
    private INDArray inputGradient;
    // the change of the output gradient u along any input direction: u is held constant
    private INDArray zeroOutputGradientTangent;

    NetworkPass(long batchSize, long[] inputShape, long[] outputShape, List<Layer.Pass> layers)
    {
        this.batchSize = batchSize;
        this.inputShape = Shapes.withBatch(batchSize, inputShape);
        this.outputShape = Shapes.withBatch(batchSize, outputShape);
        this.layers = List.copyOf(layers);
    }

    long batchSize()
    {
        return batchSize;
    }

    /** {@code input} is {@code [m, inputSize]}; returns {@code [m, outputShape...]}. */
    INDArray forward(INDArray input, boolean training)
    {
        INDArray activations = input;
        for (Layer.Pass layer : layers) {
            activations = layer.forward(activations, training);
        }
        if (activations != flatOutput) {
            flatOutput = activations;
            output = activations.reshape('c', outputShape);
        }
        return output;
    }

    /** {@code outputGradient} is {@code [m, outputSize]}; returns {@code [m, inputShape...]}. */
    INDArray backward(INDArray outputGradient, boolean parameterGradients)
    {
        INDArray gradient = outputGradient;
        for (int i = layers.size() - 1; i >= 0; i--) {
            gradient = layers.get(i).backward(gradient, parameterGradients);
        }
        if (gradient != flatInputGradient) {
            flatInputGradient = gradient;
            inputGradient = gradient.reshape('c', inputShape);
        }
        return inputGradient;
    }

    /** {@link #backward} with parameter gradients, without the first layer's input gradient, which nobody reads. */
    void backwardToParameters(INDArray outputGradient)
    {
        INDArray gradient = outputGradient;
        for (int i = layers.size() - 1; i > 0; i--) {
            gradient = layers.get(i).backward(gradient, true);
        }
        layers.get(0).backwardToParameters(gradient);
    }

    /**
     * Adds ∂/∂θ Σ_i ⟨weights_i, g_i⟩ to the gradient slices, where g is the input gradient of the last backward pass:
     * the derivative of that pass's parameter gradient along the input direction {@code weights}
     * ({@code [m, inputSize]}), carried forward through every layer and then back.
     */
    void backwardInputGradient(INDArray weights)
    {
        INDArray tangent = weights;
        for (Layer.Pass layer : layers) {
            tangent = layer.forwardTangent(tangent);
        }
        if (zeroOutputGradientTangent == null) {
            zeroOutputGradientTangent = Nd4j.zeros(tangent.dataType(), tangent.shape());
        }
        INDArray gradientTangent = zeroOutputGradientTangent;
        for (int i = layers.size() - 1; i >= 0; i--) {
            gradientTangent = layers.get(i).backwardTangent(gradientTangent);
        }
    }
}
