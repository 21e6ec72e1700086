package io.minimax.testkit;

/** Shape arithmetic the checks share. */
final class Shapes
{
    private Shapes() {}

    /** {@code [batchSize, shape...]}. */
    static long[] withBatch(long batchSize, long[] shape)
    {
        long[] result = new long[shape.length + 1];
        result[0] = batchSize;
        System.arraycopy(shape, 0, result, 1, shape.length);
        return result;
    }
}
