package io.minimax.spi;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;

/** Copies between arrays without a native op where one bulk copy of memory does. */
public final class ArrayCopy
{
    private ArrayCopy() {}

    /**
     * {@code target = source}, element by element in row-major order (the shapes may differ, the lengths may not):
     * one bulk copy between contiguous arrays of the same FLOAT or DOUBLE type, where ND4J's {@code assign} is a
     * native op with its fixed cost of 10–20 µs; {@code assign} otherwise.
     */
    public static void copy(INDArray source, INDArray target)
    {
        if (source.length() != target.length()) {
            throw new IllegalArgumentException("cannot copy " + source.length() + " elements into " + target.length());
        }
        int length = Math.toIntExact(source.length());
        if (ArrayLayout.isContiguous(source) && ArrayLayout.isContiguous(target) && source.dataType() == target.dataType()) {
            // asNio* of a view spans the whole underlying buffer, positioned at the view's first element
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
}
