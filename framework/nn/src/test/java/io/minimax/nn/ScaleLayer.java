package io.minimax.nn;

import io.minimax.spi.RandomSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** A parameterless layer, {@code y = factor·x}: shows a network mixes layers with and without parameters. */
final class ScaleLayer
        implements Layer
{
    private final long size;
    private final double factor;

    ScaleLayer(long size, double factor)
    {
        this.size = size;
        this.factor = factor;
    }

    @Override
    public long inputSize()
    {
        return size;
    }

    @Override
    public long outputSize()
    {
        return size;
    }

    @Override
    public long parameterCount()
    {
        return 0;
    }

    @Override
    public void initialize(INDArray parameters, RandomSource random)
    {
        throw new AssertionError("a parameterless layer is never initialised");
    }

    @Override
    public Pass createPass(INDArray parameters, INDArray gradients, long batchSize)
    {
        INDArray output = Nd4j.create(parameters.dataType(), batchSize, size);
        INDArray inputGradient = Nd4j.create(parameters.dataType(), batchSize, size);
        INDArray outputTangent = Nd4j.create(parameters.dataType(), batchSize, size);
        INDArray inputGradientTangent = Nd4j.create(parameters.dataType(), batchSize, size);
        return new Pass()
        {
            @Override
            public INDArray forward(INDArray input)
            {
                return output.assign(input).muli(factor);
            }

            @Override
            public INDArray backward(INDArray outputGradient, boolean parameterGradients)
            {
                return inputGradient.assign(outputGradient).muli(factor);
            }

            @Override
            public INDArray forwardTangent(INDArray inputTangent)
            {
                return outputTangent.assign(inputTangent).muli(factor);
            }

            @Override
            public INDArray backwardTangent(INDArray outputGradientTangent)
            {
                return inputGradientTangent.assign(outputGradientTangent).muli(factor);
            }
        };
    }
}
