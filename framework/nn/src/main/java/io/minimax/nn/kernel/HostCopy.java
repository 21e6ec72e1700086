package io.minimax.nn.kernel;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.nio.FloatBuffer;

/**
 * Bulk copies between a FLOAT array's native memory and a Java {@code float[]}, for element-wise work done in plain
 * Java: on the heap the JIT vectorises the loops, while element access to native memory is not vectorised and an
 * ND4J op costs 10–50 µs of fixed overhead (see FACTS.md). A copy of 16k floats takes about a microsecond.
 */
public final class HostCopy
{
    private HostCopy() {}

    /** Whether {@code array} is FLOAT and its elements lie contiguously in row-major order. */
    public static boolean copyable(INDArray array)
    {
        if (array.dataType() != DataType.FLOAT) {
            return false;
        }
        // row-major strides for every dimension longer than 1 (ND4J may call a [1, n] view 'f'-ordered)
        long expected = 1;
        for (int dimension = array.rank() - 1; dimension >= 0; dimension--) {
            if (array.size(dimension) > 1 && array.stride(dimension) != expected) {
                return false;
            }
            expected *= array.size(dimension);
        }
        return true;
    }

    /** Copies the first {@code length} elements of {@code array} (row-major) into {@code target}. */
    public static void read(INDArray array, float[] target, int length)
    {
        read(array, 0, target, length);
    }

    /** Copies elements {@code from} to {@code from + length} of {@code array} (row-major) to the same places of {@code target}. */
    public static void read(INDArray array, int from, float[] target, int length)
    {
        if (!copyable(array)) {
            read(array.dup('c'), from, target, length);
            return;
        }
        FloatBuffer buffer = buffer(array);
        buffer.get(buffer.position() + from, target, from, length);
    }

    /** Copies {@code length} elements of {@code source} into {@code array}, which must be {@link #copyable}. */
    public static void write(float[] source, int length, INDArray array)
    {
        write(source, 0, length, array);
    }

    /** Copies elements {@code from} to {@code from + length} of {@code source} to the same places of {@code array}. */
    public static void write(float[] source, int from, int length, INDArray array)
    {
        if (!copyable(array)) {
            throw new IllegalArgumentException("cannot write into a non-contiguous or non-FLOAT array");
        }
        FloatBuffer buffer = buffer(array);
        buffer.put(buffer.position() + from, source, from, length);
    }

    private static FloatBuffer buffer(INDArray array)
    {
        // asNio* of a view spans the whole underlying buffer, positioned at the view's first element
        return array.data().asNioFloat();
    }
}
