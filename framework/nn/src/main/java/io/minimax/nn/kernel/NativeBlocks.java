package io.minimax.nn.kernel;

import io.minimax.plugin.support.NativeArrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;

/**
 * The native memory of a contiguous FLOAT or DOUBLE array, for the data movement of convolutions done in Java: block
 * copies between arrays of one type (a bulk copy each, no JNI call), matrix transposes and gathers through a heap tile,
 * and whole-array copies to and from a {@code double[]} for element-wise work. Make one per array and keep it: making
 * one costs a few JNI calls. Not thread-safe (the heap tiles are its own).
 */
public abstract sealed class NativeBlocks
        permits NativeBlocks.Floats, NativeBlocks.Doubles
{
    // columns per tile of a transpose: a tile of 128 rows stays within 128 KB
    private static final int TILE = 256;

    private final int length;

    private NativeBlocks(int length)
    {
        this.length = length;
    }

    /** @throws IllegalArgumentException unless {@code array} is FLOAT or DOUBLE and contiguous in row-major order */
    public static NativeBlocks of(INDArray array)
    {
        int length = Math.toIntExact(array.length());
        return array.dataType() == DataType.FLOAT
                ? new Floats(NativeArrays.floats(array), length)
                : new Doubles(NativeArrays.doubles(array), length);
    }

    /** Like {@link #of}, but over a contiguous copy when {@code array} is a strided view: for reading only. */
    public static NativeBlocks readable(INDArray array)
    {
        return of(NativeArrays.isContiguous(array) ? array : array.dup('c'));
    }

    public int length()
    {
        return length;
    }

    /** {@code target[to + i] = this[from + i]} for i below {@code count}; {@code target} has this one's type. */
    public abstract void copy(int from, NativeBlocks target, int to, int count);

    /** Reads this {@code [rows, columns]} matrix into {@code target} as its transpose, {@code [columns, rows]}. */
    public abstract void transpose(int rows, int columns, NativeBlocks target);

    /** {@code target[i] = this[indices[i]]} for every i of {@code indices}. */
    public abstract void gather(int[] indices, NativeBlocks target);

    /** Copies the first {@code count} elements into {@code target}. */
    public abstract void read(double[] target, int count);

    /** Overwrites the first {@code count} elements with {@code source}'s. */
    public abstract void write(double[] source, int count);

    static final class Floats
            extends NativeBlocks
    {
        private final FloatBuffer buffer;
        private float[] tile = new float[0];
        private float[] transposed = new float[0];

        Floats(FloatBuffer buffer, int length)
        {
            super(length);
            this.buffer = buffer;
        }

        @Override
        public void copy(int from, NativeBlocks target, int to, int count)
        {
            ((Floats) target).buffer.put(to, buffer, from, count);
        }

        @Override
        public void transpose(int rows, int columns, NativeBlocks target)
        {
            FloatBuffer out = ((Floats) target).buffer;
            int width = Math.min(TILE, columns);
            if (tile.length < rows * width) {
                tile = new float[rows * width];
                transposed = new float[rows * width];
            }
            for (int first = 0; first < columns; first += width) {
                int count = Math.min(width, columns - first);
                for (int row = 0; row < rows; row++) {
                    buffer.get(row * columns + first, tile, row * count, count);
                }
                for (int row = 0; row < rows; row++) {
                    int source = row * count;
                    for (int column = 0; column < count; column++) {
                        transposed[column * rows + row] = tile[source + column];
                    }
                }
                out.put(first * rows, transposed, 0, count * rows);
            }
        }

        @Override
        public void gather(int[] indices, NativeBlocks target)
        {
            if (tile.length < length()) {
                tile = new float[length()];
            }
            if (transposed.length < indices.length) {
                transposed = new float[indices.length];
            }
            buffer.get(0, tile, 0, length());
            for (int i = 0; i < indices.length; i++) {
                transposed[i] = tile[indices[i]];
            }
            ((Floats) target).buffer.put(0, transposed, 0, indices.length);
        }

        @Override
        public void read(double[] target, int count)
        {
            if (tile.length < count) {
                tile = new float[count];
            }
            buffer.get(0, tile, 0, count);
            for (int i = 0; i < count; i++) {
                target[i] = tile[i];
            }
        }

        @Override
        public void write(double[] source, int count)
        {
            if (tile.length < count) {
                tile = new float[count];
            }
            for (int i = 0; i < count; i++) {
                tile[i] = (float) source[i];
            }
            buffer.put(0, tile, 0, count);
        }
    }

    static final class Doubles
            extends NativeBlocks
    {
        private final DoubleBuffer buffer;
        private double[] tile = new double[0];
        private double[] transposed = new double[0];

        Doubles(DoubleBuffer buffer, int length)
        {
            super(length);
            this.buffer = buffer;
        }

        @Override
        public void copy(int from, NativeBlocks target, int to, int count)
        {
            ((Doubles) target).buffer.put(to, buffer, from, count);
        }

        @Override
        public void transpose(int rows, int columns, NativeBlocks target)
        {
            DoubleBuffer out = ((Doubles) target).buffer;
            int width = Math.min(TILE, columns);
            if (tile.length < rows * width) {
                tile = new double[rows * width];
                transposed = new double[rows * width];
            }
            for (int first = 0; first < columns; first += width) {
                int count = Math.min(width, columns - first);
                for (int row = 0; row < rows; row++) {
                    buffer.get(row * columns + first, tile, row * count, count);
                }
                for (int row = 0; row < rows; row++) {
                    int source = row * count;
                    for (int column = 0; column < count; column++) {
                        transposed[column * rows + row] = tile[source + column];
                    }
                }
                out.put(first * rows, transposed, 0, count * rows);
            }
        }

        @Override
        public void gather(int[] indices, NativeBlocks target)
        {
            if (tile.length < length()) {
                tile = new double[length()];
            }
            if (transposed.length < indices.length) {
                transposed = new double[indices.length];
            }
            buffer.get(0, tile, 0, length());
            for (int i = 0; i < indices.length; i++) {
                transposed[i] = tile[indices[i]];
            }
            ((Doubles) target).buffer.put(0, transposed, 0, indices.length);
        }

        @Override
        public void read(double[] target, int count)
        {
            buffer.get(0, target, 0, count);
        }

        @Override
        public void write(double[] source, int count)
        {
            buffer.put(0, source, 0, count);
        }
    }
}
