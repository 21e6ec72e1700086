package io.minimax.nn;

import io.minimax.spi.RandomSource;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A layer without parameters that keeps the number of features: an element-wise activation, a reshape, a change of
 * channel order. Its slice of the parameter vector is empty.
 */
public interface ParameterFreeLayer
        extends Layer
{
    @Override
    default long outputSize()
    {
        return inputSize();
    }

    @Override
    default long parameterCount()
    {
        return 0;
    }

    @Override
    default void initialize(INDArray parameters, RandomSource random)
    {
        throw new UnsupportedOperationException(this + " has no parameters");
    }
}
