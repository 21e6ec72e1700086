package io.minimax.nn;

import java.util.Arrays;

/** Shape arithmetic for per-sample shapes (without the batch dimension). */
public final class Shapes
{
    private Shapes() {}

    /** The number of features in one sample of {@code shape}: the product of its dimensions. */
    public static long elementCount(long[] shape)
    {
        long count = 1;
        for (long dimension : shape) {
            if (dimension <= 0) {
                throw new IllegalArgumentException("dimensions must be > 0 (got " + Arrays.toString(shape) + ")");
            }
            count = Math.multiplyExact(count, dimension);
        }
        return count;
    }

    /** {@code [batchSize, shape...]}. */
    public static long[] withBatch(long batchSize, long[] shape)
    {
        long[] result = new long[shape.length + 1];
        result[0] = batchSize;
        System.arraycopy(shape, 0, result, 1, shape.length);
        return result;
    }
}
