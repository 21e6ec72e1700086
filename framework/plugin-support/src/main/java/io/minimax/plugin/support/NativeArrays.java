package io.minimax.plugin.support;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.nio.Buffer;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;

/**
 * Plain-Java access to an ND4J array's native memory, for work where one native op would cost more (10–20 µs of
 * fixed overhead) than the arithmetic: whether the elements are contiguous, a buffer over them, a bulk copy.
 */
public final class NativeArrays
{
    private NativeArrays() {}

    /**
     * Whether the elements lie one after another in row-major order from the array's first element (a view of whole
     * rows does; ND4J may call a {@code [1, n]} view 'f'-ordered, so strides are checked, not the ordering flag).
     */
    public static boolean isContiguous(INDArray array)
    {
        long expected = 1;
        for (int dimension = array.rank() - 1; dimension >= 0; dimension--) {
            if (array.size(dimension) > 1 && array.stride(dimension) != expected) {
                return false;
            }
            expected *= array.size(dimension);
        }
        return true;
    }

    /**
     * The memory of a contiguous FLOAT array as a buffer of its own whose index 0 is the array's first element. (ND4J's
     * {@code asNioFloat()} of a view spans the whole underlying buffer, positioned at the view's first element.)
     * Making one costs a few JNI calls and a direct buffer for the collector; the last 16 arrays' buffers are kept
     * ({@link RecentByIdentity}), so a training step that meets the same arrays every time makes none.
     */
    public static FloatBuffer floats(INDArray array)
    {
        checkContiguous(array, DataType.FLOAT);
        return ((FloatBuffer) RECENT.get().of(array)).duplicate();
    }

    /** {@link #floats} for a contiguous DOUBLE array. */
    public static DoubleBuffer doubles(INDArray array)
    {
        checkContiguous(array, DataType.DOUBLE);
        return ((DoubleBuffer) RECENT.get().of(array)).duplicate();
    }

    // Per thread: lockstep lanes run on several threads at once. Callers get duplicates, so that their positions and
    // limits never reach the kept buffer; an array's memory stays where it is for the array's life.
    private static final ThreadLocal<RecentByIdentity<INDArray, Buffer>> RECENT =
            ThreadLocal.withInitial(() -> new RecentByIdentity<>(16, NativeArrays::wholeBuffer));

    /** A buffer over exactly the array's elements, index 0 its first. */
    private static Buffer wholeBuffer(INDArray array)
    {
        if (array.dataType() == DataType.FLOAT) {
            FloatBuffer whole = array.data().asNioFloat();
            return whole.duplicate().position(whole.position()).slice();
        }
        DoubleBuffer whole = array.data().asNioDouble();
        return whole.duplicate().position(whole.position()).slice();
    }

    /**
     * {@code target = source}, element by element in row-major order (the shapes may differ, the lengths may not):
     * one bulk copy between contiguous arrays of the same FLOAT or DOUBLE type, ND4J's {@code assign} otherwise.
     */
    public static void copy(INDArray source, INDArray target)
    {
        if (source.length() != target.length()) {
            throw new IllegalArgumentException("cannot copy " + source.length() + " elements into " + target.length());
        }
        if (isContiguous(source) && isContiguous(target) && source.dataType() == target.dataType()) {
            if (source.dataType() == DataType.FLOAT) {
                floats(target).put(floats(source));
                return;
            }
            if (source.dataType() == DataType.DOUBLE) {
                doubles(target).put(doubles(source));
                return;
            }
        }
        target.assign(source.reshape(target.shape()));
    }

    private static void checkContiguous(INDArray array, DataType dataType)
    {
        if (array.dataType() != dataType || !isContiguous(array)) {
            throw new IllegalArgumentException("expected a contiguous " + dataType + " array, got " + array.dataType() + " with strides "
                    + java.util.Arrays.toString(array.stride()));
        }
    }
}
