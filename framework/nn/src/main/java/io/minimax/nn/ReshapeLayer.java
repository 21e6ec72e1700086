package io.minimax.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Arrays;

/**
 * A change of shape, {@code reshape} or {@code flatten}: samples are flat rows already, and channel-major order is
 * the order of a reshape, so every pass hands its argument on unchanged. The shapes are kept for what it prints.
 */
public final class ReshapeLayer
        implements ParameterFreeLayer
{
    private final long[] from;
    private final long[] to;
    private final long size;

    public ReshapeLayer(long[] from, long[] to)
    {
        this.from = from.clone();
        this.to = to.clone();
        this.size = Shapes.elementCount(from);
        if (Shapes.elementCount(to) != size) {
            throw new IllegalArgumentException("cannot reshape " + Arrays.toString(from) + " to " + Arrays.toString(to));
        }
    }

    @Override
    public long inputSize()
    {
        return size;
    }

    @Override
    public Layer.Pass createPass(INDArray parameters, INDArray gradients, long batchSize)
    {
        return new Layer.Pass()
        {
            @Override
            public INDArray forward(INDArray input)
            {
                return input;
            }

            @Override
            public INDArray backward(INDArray outputGradient, boolean parameterGradients)
            {
                return outputGradient;
            }

            @Override
            public INDArray forwardTangent(INDArray inputTangent)
            {
                return inputTangent;
            }

            @Override
            public INDArray backwardTangent(INDArray outputGradientTangent)
            {
                return outputGradientTangent;
            }
        };
    }

    @Override
    public String toString()
    {
        return "Reshape(" + Arrays.toString(from) + " -> " + Arrays.toString(to) + ")";
    }
}
