package io.minimax.nn.kernel;

import io.minimax.plugin.support.NativeArrays;
import io.minimax.plugin.support.RecentByIdentity;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.nio.FloatBuffer;

/**
 * Bulk copies between a FLOAT array's native memory and a Java {@code float[]}, for element-wise work done in plain
 * Java: on the heap the JIT vectorises the loops, while element access to native memory is not vectorised and an
 * ND4J op costs 10–50 µs of fixed overhead (measured on this project's machines). A copy of 16k floats takes about a microsecond.
 */
public final class HostCopy
{
    private HostCopy() {}

    /** Whether {@code array} is FLOAT and its elements lie contiguously in row-major order. */
    public static boolean copyable(INDArray array)
    {
        return array.dataType() == DataType.FLOAT && NativeArrays.isContiguous(array);
    }

    /** Copies {@code length} floats of {@code buffer} (a {@link Buffers#of} buffer) from element {@code from} into {@code target}. */
    public static void read(FloatBuffer buffer, int from, float[] target, int offset, int length)
    {
        buffer.get(from, target, offset, length);
    }

    /** Copies {@code length} floats of {@code source} into {@code buffer} (a {@link Buffers#of} buffer) from element {@code to}. */
    public static void write(float[] source, int offset, FloatBuffer buffer, int to, int length)
    {
        buffer.put(to, source, offset, length);
    }

    /**
     * The native memory of the few arrays a pass works on, as {@link FloatBuffer}s starting at each array's first
     * element, cached by the arrays' identity: making one costs about a microsecond of JNI calls, and a pass meets
     * the same arrays every step. Arrays that are not {@link #copyable} get a buffer over a heap copy, which reads
     * right but must not be written to. Not thread-safe: one per pass.
     */
    public static final class Buffers
    {
        private final RecentByIdentity<INDArray, FloatBuffer> recent = new RecentByIdentity<>(6, NativeArrays::floats);

        public FloatBuffer of(INDArray array)
        {
            if (!copyable(array)) {
                // a heap copy: reads see this step's values only, so it is kept nowhere (nor among NativeArrays' buffers)
                return FloatBuffer.wrap(array.castTo(DataType.FLOAT).dup('c').data().asFloat());
            }
            return recent.of(array);
        }
    }
}
