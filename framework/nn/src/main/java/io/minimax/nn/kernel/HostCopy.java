package io.minimax.nn.kernel;

import io.minimax.spi.ArrayLayout;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.nio.DoubleBuffer;
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
        return array.dataType() == DataType.FLOAT && contiguous(array);
    }

    private static boolean contiguous(INDArray array)
    {
        return ArrayLayout.isContiguous(array);
    }

    /** Copies the first {@code length} elements of {@code array} (row-major) into {@code target}. */
    public static void read(INDArray array, float[] target, int length)
    {
        read(array, 0, target, 0, length);
    }

    /** Copies {@code length} elements of {@code array} (row-major) from element {@code from} into {@code target} at {@code offset}. */
    public static void read(INDArray array, int from, float[] target, int offset, int length)
    {
        if (!copyable(array)) {
            read(array.dup('c'), from, target, offset, length);
            return;
        }
        FloatBuffer buffer = buffer(array);
        buffer.get(buffer.position() + from, target, offset, length);
    }

    /** Copies {@code length} elements of {@code source} into {@code array}, which must be {@link #copyable}. */
    public static void write(float[] source, int length, INDArray array)
    {
        write(source, 0, 0, length, array);
    }

    /** Copies {@code length} elements of {@code source} from {@code offset} into {@code array} from element {@code to}. */
    public static void write(float[] source, int offset, int to, int length, INDArray array)
    {
        if (!copyable(array)) {
            throw new IllegalArgumentException("cannot write into a non-contiguous or non-FLOAT array");
        }
        FloatBuffer buffer = buffer(array);
        buffer.put(buffer.position() + to, source, offset, length);
    }

    /**
     * {@code target = source} for two contiguous arrays of the same length and type: one bulk copy for FLOAT and
     * DOUBLE, ND4J's {@code assign} otherwise.
     */
    public static void copy(INDArray source, INDArray target)
    {
        if (source.length() != target.length()) {
            throw new IllegalArgumentException("cannot copy " + source.length() + " elements into " + target.length());
        }
        int length = Math.toIntExact(source.length());
        if (contiguous(source) && contiguous(target) && source.dataType() == target.dataType()) {
            if (source.dataType() == DataType.FLOAT) {
                FloatBuffer from = source.data().asNioFloat();
                FloatBuffer to = target.data().asNioFloat();
                to.put(to.position(), from, from.position(), length);
                return;
            }
            if (source.dataType() == DataType.DOUBLE) {
                DoubleBuffer from = source.data().asNioDouble();
                DoubleBuffer to = target.data().asNioDouble();
                to.put(to.position(), from, from.position(), length);
                return;
            }
        }
        target.assign(source.reshape(target.shape()));
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
     * the same arrays every step. Arrays that are not {@link #copyable} get a buffer over a copy, which reads right
     * but must not be written to. Not thread-safe: one per pass.
     */
    public static final class Buffers
    {
        private static final int SIZE = 6;

        private final INDArray[] arrays = new INDArray[SIZE];
        private final FloatBuffer[] buffers = new FloatBuffer[SIZE];
        private int next;

        public FloatBuffer of(INDArray array)
        {
            for (int i = 0; i < SIZE; i++) {
                if (arrays[i] == array) {
                    return buffers[i];
                }
            }
            INDArray readable = copyable(array) ? array : array.castTo(DataType.FLOAT).dup('c');
            FloatBuffer buffer = buffer(readable);
            // a buffer of its own that starts at the array's first element
            FloatBuffer view = buffer.duplicate().position(buffer.position()).slice();
            if (readable != array) {
                // a copy: reads see this step's values only, so it is not cached
                return view;
            }
            arrays[next] = array;
            buffers[next] = view;
            next = (next + 1) % SIZE;
            return view;
        }
    }

    private static FloatBuffer buffer(INDArray array)
    {
        // asNio* of a view spans the whole underlying buffer, positioned at the view's first element
        return array.data().asNioFloat();
    }
}
