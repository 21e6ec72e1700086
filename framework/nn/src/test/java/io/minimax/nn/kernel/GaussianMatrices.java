package io.minimax.nn.kernel;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Random;

/** Row-major FLOAT matrices of standard normal entries, the same for the same seed: the kernel tests' operands. */
public final class GaussianMatrices
{
    private GaussianMatrices() {}

    public static INDArray gaussian(int rows, int columns, long seed)
    {
        Random random = new Random(seed);
        float[] values = new float[rows * columns];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return Nd4j.createFromArray(values).castTo(DataType.FLOAT).reshape('c', rows, columns);
    }
}
