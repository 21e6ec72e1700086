package io.minimax.testkit;

import io.minimax.spi.network.Network;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** Networks handed their parameter and gradient vectors ({@link Network#initialize}) as the framework hands them. */
public final class TestNetworks
{
    private TestNetworks() {}

    /** Hands {@code network} vectors of its own, {@code [1, parameterCount()]} zeros, as a run trained alone does; returns it. */
    public static <N extends Network> N alone(N network, DataType dataType)
    {
        network.initialize(Nd4j.create(dataType, 1, network.parameterCount()), Nd4j.create(dataType, 1, network.parameterCount()));
        return network;
    }

    /**
     * Hands {@code network} the middle slices of vectors three times its length, as the second of three lanes of a
     * lockstep; the other values are NaN, so a network that reads past its slices computes NaN. Returns it.
     */
    public static <N extends Network> N asLane(N network, DataType dataType)
    {
        long count = network.parameterCount();
        if (count == 0) {
            return alone(network, dataType);
        }
        INDArray parameters = Nd4j.valueArrayOf(new long[] {1, 3 * count}, Double.NaN, dataType);
        INDArray gradients = Nd4j.valueArrayOf(new long[] {1, 3 * count}, Double.NaN, dataType);
        network.initialize(middle(parameters, count), middle(gradients, count));
        return network;
    }

    private static INDArray middle(INDArray vector, long count)
    {
        return vector.get(NDArrayIndex.interval(0, 1), NDArrayIndex.interval(count, 2 * count));
    }
}
