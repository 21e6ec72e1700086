package io.minimax.plugins.dirac;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Arrays;

/** Shape arithmetic and argument checks the two networks share. */
final class Shapes
{
    private Shapes() {}

    static long elementCount(long[] shape)
    {
        long count = 1;
        for (long dimension : shape) {
            count = Math.multiplyExact(count, dimension);
        }
        return count;
    }

    static long[] withBatch(long batchSize, long[] shape)
    {
        long[] result = new long[shape.length + 1];
        result[0] = batchSize;
        System.arraycopy(shape, 0, result, 1, shape.length);
        return result;
    }

    /** The batch size of {@code array}, checked to be {@code [m, sampleShape...]} in {@code dataType}. */
    static long batchSize(String name, INDArray array, long[] sampleShape, DataType dataType)
    {
        if (array.dataType() != dataType) {
            throw new IllegalArgumentException(name + " is " + array.dataType() + " but the network computes in " + dataType);
        }
        if (array.rank() < 2 || array.length() != array.size(0) * elementCount(sampleShape)) {
            throw new IllegalArgumentException(name + " must be [m, " + Arrays.toString(sampleShape).replaceAll("[\\[\\]]", "")
                    + "] (got " + Arrays.toString(array.shape()) + ")");
        }
        return array.size(0);
    }

    /** Checks that {@code vector} is one of the {@code [1, count]} vectors {@link io.minimax.spi.network.Network#initialize} takes. */
    static void checkVector(String name, INDArray vector, long count, DataType dataType)
    {
        if (vector == null) {
            throw new NullPointerException(name + " is null");
        }
        if (vector.dataType() != dataType || vector.rank() != 2 || vector.size(0) != 1 || vector.size(1) != count) {
            throw new IllegalArgumentException(name + " must be a " + dataType + " [1, " + count + "] vector (got "
                    + vector.dataType() + " " + Arrays.toString(vector.shape()) + ")");
        }
    }

    /** Fails unless the network has been handed its vectors. */
    static void checkInitialized(INDArray parameters)
    {
        if (parameters == null) {
            throw new IllegalStateException("forward before initialize: the network has no parameters yet");
        }
    }

    /** {@code array} as {@code [m, elements per sample]}: a view when it is contiguous. */
    static INDArray rows(INDArray array)
    {
        return array.rank() == 2 ? array : array.reshape('c', array.size(0), array.length() / array.size(0));
    }
}
