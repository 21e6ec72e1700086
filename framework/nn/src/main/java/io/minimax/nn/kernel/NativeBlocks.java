package io.minimax.nn.kernel;

import io.minimax.plugin.support.NativeArrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.Arrays;

/**
 * The native memory of a contiguous FLOAT or DOUBLE array, for the data movement of convolutions done in Java: block
 * copies between arrays of one type (a bulk copy each, no JNI call), matrix transposes and gathers through heap copies,
 * and whole-array copies to and from a {@code double[]} for element-wise work. Make one per array and keep it: making
 * one costs a few JNI calls. Not thread-safe (the heap tiles are its own).
 */
public abstract sealed class NativeBlocks
        permits NativeBlocks.Floats, NativeBlocks.Doubles
{
    // the side of a transpose's blocks: two blocks of floats fill 8 KB of the L1 cache
    private static final int BLOCK = 32;
    // the elements of a source window of addBlocks: 64 KB of floats, half of a core's L2 cache on the smallest
    private static final int WINDOW = 16384;
    // whole-array heap copies for the transposes, shared by the arrays of a thread (a lockstep trains on several)
    private static final ThreadLocal<Scratch> FLOAT_SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private final int length;
    // A buffer over an array's memory does not keep the array alive, and ND4J frees the memory of an unreachable
    // array: the blocks hold on to it for as long as they are used.
    private final INDArray array;

    private NativeBlocks(INDArray array, int length)
    {
        this.array = array;
        this.length = length;
    }

    /** @throws IllegalArgumentException unless {@code array} is FLOAT or DOUBLE and contiguous in row-major order */
    public static NativeBlocks of(INDArray array)
    {
        return array.dataType() == DataType.FLOAT
                ? new Floats(array, NativeArrays.floats(array))
                : new Doubles(array, NativeArrays.doubles(array));
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

    final INDArray array()
    {
        return array;
    }

    /**
     * Elements {@code from} to {@code from + length} as blocks of their own, over the same memory: a chunk of a
     * batch's rows. It has its own heap copies, so keep it as long as the chunk is used.
     */
    public abstract NativeBlocks slice(int from, int length);

    /** {@code target[to + i] = this[from + i]} for i below {@code count}; {@code target} has this one's type. */
    public abstract void copy(int from, NativeBlocks target, int to, int count);

    /** Reads this {@code [rows, columns]} matrix into {@code target} as its transpose, {@code [columns, rows]}. */
    public abstract void transpose(int rows, int columns, NativeBlocks target);

    /**
     * Transposes {@code count} consecutive {@code [rows, columns]} matrices into {@code target}, each in its place: a
     * batch of images between channels-first and channels-last.
     */
    public abstract void transposeEach(int count, int rows, int columns, NativeBlocks target);

    /** {@code target[i] = this[indices[i]]} for every i of {@code indices}. */
    public abstract void gather(int[] indices, NativeBlocks target);

    /** {@code target[i] += this[indices[i]]} for every i of {@code indices}. */
    public abstract void gatherAdd(int[] indices, NativeBlocks target);

    /**
     * {@code target[to[i] + e] = this[from[i] + e]} for each block i and e below {@code counts[i]}, through heap copies:
     * for many short blocks, where a bulk copy per block costs more than the data it moves. Elements no block writes
     * must be the same at every call (a gather's zero padding): they come from a heap mirror of {@code target} that
     * starts as zeros and is only ever written by this method.
     */
    abstract void copyBlocksOnHeap(int[] from, int[] to, int[] counts, NativeBlocks target);

    /**
     * {@code target = 0}, then {@code target[to[i] + e] += this[from[i] + e]} for each block i and e below
     * {@code counts[i]}; on heap copies of both, then written back to {@code target}.
     */
    abstract void addBlocks(int[] from, int[] to, int[] counts, NativeBlocks target);

    /** Copies the first {@code count} elements into {@code target}. */
    public abstract void read(double[] target, int count);

    /** Overwrites the first {@code count} elements with {@code source}'s. */
    public abstract void write(double[] source, int count);

    /** Two grow-only float arrays. */
    private static final class Scratch
    {
        private float[] first = new float[0];
        private float[] second = new float[0];

        float[] first(int length)
        {
            if (first.length < length) {
                first = new float[length];
            }
            return first;
        }

        float[] second(int length)
        {
            if (second.length < length) {
                second = new float[length];
            }
            return second;
        }
    }

    static final class Floats
            extends NativeBlocks
    {
        private final FloatBuffer buffer;
        private float[] tile = new float[0];
        private float[] transposed = new float[0];
        private float[] mirror = new float[0];

        Floats(INDArray array, FloatBuffer buffer)
        {
            this(array, buffer, Math.toIntExact(array.length()));
        }

        private Floats(INDArray array, FloatBuffer buffer, int length)
        {
            super(array, length);
            this.buffer = buffer;
        }

        @Override
        public NativeBlocks slice(int from, int length)
        {
            return new Floats(array(), buffer.slice(from, length), length);
        }

        @Override
        public void copy(int from, NativeBlocks target, int to, int count)
        {
            ((Floats) target).buffer.put(to, buffer, from, count);
        }

        @Override
        public void transpose(int rows, int columns, NativeBlocks target)
        {
            int count = rows * columns;
            float[] source = FLOAT_SCRATCH.get().first(count);
            float[] result = FLOAT_SCRATCH.get().second(count);
            buffer.get(0, source, 0, count);
            // in square blocks, so that both the reads and the strided writes of a block stay in the L1 cache
            for (int firstRow = 0; firstRow < rows; firstRow += BLOCK) {
                int endRow = Math.min(rows, firstRow + BLOCK);
                for (int firstColumn = 0; firstColumn < columns; firstColumn += BLOCK) {
                    int endColumn = Math.min(columns, firstColumn + BLOCK);
                    for (int row = firstRow; row < endRow; row++) {
                        int from = row * columns;
                        for (int column = firstColumn; column < endColumn; column++) {
                            result[column * rows + row] = source[from + column];
                        }
                    }
                }
            }
            ((Floats) target).buffer.put(0, result, 0, count);
        }

        @Override
        public void transposeEach(int count, int rows, int columns, NativeBlocks target)
        {
            int size = rows * columns;
            float[] source = FLOAT_SCRATCH.get().first(size);
            float[] result = FLOAT_SCRATCH.get().second(size);
            FloatBuffer out = ((Floats) target).buffer;
            // one matrix (a sample's image) at a time, so that both copies stay in the cache
            for (int matrix = 0; matrix < count; matrix++) {
                int offset = matrix * size;
                buffer.get(offset, source, 0, size);
                for (int firstRow = 0; firstRow < rows; firstRow += BLOCK) {
                    int endRow = Math.min(rows, firstRow + BLOCK);
                    for (int firstColumn = 0; firstColumn < columns; firstColumn += BLOCK) {
                        int endColumn = Math.min(columns, firstColumn + BLOCK);
                        for (int row = firstRow; row < endRow; row++) {
                            int from = row * columns;
                            for (int column = firstColumn; column < endColumn; column++) {
                                result[column * rows + row] = source[from + column];
                            }
                        }
                    }
                }
                out.put(offset, result, 0, size);
            }
        }

        @Override
        public void gatherAdd(int[] indices, NativeBlocks target)
        {
            Floats out = (Floats) target;
            if (tile.length < length()) {
                tile = new float[length()];
            }
            if (out.transposed.length < indices.length) {
                out.transposed = new float[indices.length];
            }
            float[] sums = out.transposed;
            buffer.get(0, tile, 0, length());
            out.buffer.get(0, sums, 0, indices.length);
            for (int i = 0; i < indices.length; i++) {
                sums[i] += tile[indices[i]];
            }
            out.buffer.put(0, sums, 0, indices.length);
        }

        @Override
        void copyBlocksOnHeap(int[] from, int[] to, int[] counts, NativeBlocks target)
        {
            Floats out = (Floats) target;
            if (tile.length < length()) {
                tile = new float[length()];
            }
            if (out.mirror.length < out.length()) {
                out.mirror = new float[out.length()];
            }
            float[] mirror = out.mirror;
            buffer.get(0, tile, 0, length());
            for (int block = 0; block < counts.length; block++) {
                System.arraycopy(tile, from[block], mirror, to[block], counts[block]);
            }
            out.buffer.put(0, mirror, 0, out.length());
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
        void addBlocks(int[] from, int[] to, int[] counts, NativeBlocks target)
        {
            Floats out = (Floats) target;
            if (out.transposed.length < out.length()) {
                out.transposed = new float[out.length()];
            }
            float[] sums = out.transposed;
            Arrays.fill(sums, 0, out.length(), 0f);
            // the source is read in windows of at least WINDOW elements that stay in the cache while their blocks are
            // added, rather than copied whole first (a col2im's source is several times the size of the cache)
            int windowStart = 0;
            int windowEnd = 0;
            for (int block = 0; block < counts.length; block++) {
                int source = from[block];
                int count = counts[block];
                if (source < windowStart || source + count > windowEnd) {
                    windowStart = source;
                    windowEnd = Math.min(length(), Math.max(source + count, source + WINDOW));
                    if (tile.length < windowEnd - windowStart) {
                        tile = new float[Math.max(WINDOW, windowEnd - windowStart)];
                    }
                    buffer.get(windowStart, tile, 0, windowEnd - windowStart);
                }
                int offset = source - windowStart;
                int destination = to[block];
                for (int e = 0; e < count; e++) {
                    sums[destination + e] += tile[offset + e];
                }
            }
            out.buffer.put(0, sums, 0, out.length());
        }

        /** {@link #addBlocks} tile by tile of the target: see {@link BlockCopies.TargetTiles}. */
        void addTiles(BlockCopies.TargetTiles tiles, NativeBlocks target)
        {
            Floats out = (Floats) target;
            if (out.transposed.length < BlockCopies.TargetTiles.TILE) {
                out.transposed = new float[BlockCopies.TargetTiles.TILE];
            }
            if (tile.length < tiles.longest) {
                tile = new float[tiles.longest];
            }
            float[] sums = out.transposed;
            for (int t = 0; t < tiles.tileCount(); t++) {
                int start = t * BlockCopies.TargetTiles.TILE;
                int length = Math.min(BlockCopies.TargetTiles.TILE, out.length() - start);
                Arrays.fill(sums, 0, length, 0f);
                for (int piece = tiles.first[t]; piece < tiles.first[t + 1]; piece++) {
                    int count = tiles.counts[piece];
                    int destination = tiles.target[piece] - start;
                    buffer.get(tiles.source[piece], tile, 0, count);
                    for (int e = 0; e < count; e++) {
                        sums[destination + e] += tile[e];
                    }
                }
                out.buffer.put(start, sums, 0, length);
            }
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
        private double[] mirror = new double[0];

        Doubles(INDArray array, DoubleBuffer buffer)
        {
            this(array, buffer, Math.toIntExact(array.length()));
        }

        private Doubles(INDArray array, DoubleBuffer buffer, int length)
        {
            super(array, length);
            this.buffer = buffer;
        }

        @Override
        public NativeBlocks slice(int from, int length)
        {
            return new Doubles(array(), buffer.slice(from, length), length);
        }

        @Override
        public void copy(int from, NativeBlocks target, int to, int count)
        {
            ((Doubles) target).buffer.put(to, buffer, from, count);
        }

        @Override
        public void transpose(int rows, int columns, NativeBlocks target)
        {
            int count = rows * columns;
            double[] source = new double[count];
            double[] result = new double[count];
            buffer.get(0, source, 0, count);
            for (int row = 0; row < rows; row++) {
                for (int column = 0; column < columns; column++) {
                    result[column * rows + row] = source[row * columns + column];
                }
            }
            ((Doubles) target).buffer.put(0, result, 0, count);
        }

        @Override
        public void transposeEach(int count, int rows, int columns, NativeBlocks target)
        {
            int size = rows * columns;
            double[] source = new double[count * size];
            double[] result = new double[count * size];
            buffer.get(0, source, 0, source.length);
            for (int matrix = 0; matrix < count; matrix++) {
                int offset = matrix * size;
                for (int row = 0; row < rows; row++) {
                    for (int column = 0; column < columns; column++) {
                        result[offset + column * rows + row] = source[offset + row * columns + column];
                    }
                }
            }
            ((Doubles) target).buffer.put(0, result, 0, result.length);
        }

        @Override
        public void gatherAdd(int[] indices, NativeBlocks target)
        {
            Doubles out = (Doubles) target;
            double[] source = new double[length()];
            double[] sums = new double[indices.length];
            buffer.get(0, source, 0, length());
            out.buffer.get(0, sums, 0, indices.length);
            for (int i = 0; i < indices.length; i++) {
                sums[i] += source[indices[i]];
            }
            out.buffer.put(0, sums, 0, indices.length);
        }

        @Override
        void copyBlocksOnHeap(int[] from, int[] to, int[] counts, NativeBlocks target)
        {
            Doubles out = (Doubles) target;
            if (out.mirror.length < out.length()) {
                out.mirror = new double[out.length()];
            }
            double[] source = new double[length()];
            buffer.get(0, source, 0, length());
            for (int block = 0; block < counts.length; block++) {
                System.arraycopy(source, from[block], out.mirror, to[block], counts[block]);
            }
            out.buffer.put(0, out.mirror, 0, out.length());
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
        void addBlocks(int[] from, int[] to, int[] counts, NativeBlocks target)
        {
            Doubles out = (Doubles) target;
            if (tile.length < length()) {
                tile = new double[length()];
            }
            if (out.transposed.length < out.length()) {
                out.transposed = new double[out.length()];
            }
            double[] sums = out.transposed;
            buffer.get(0, tile, 0, length());
            Arrays.fill(sums, 0, out.length(), 0.0);
            for (int block = 0; block < counts.length; block++) {
                int source = from[block];
                int destination = to[block];
                for (int e = 0; e < counts[block]; e++) {
                    sums[destination + e] += tile[source + e];
                }
            }
            out.buffer.put(0, sums, 0, out.length());
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
