package io.minimax.nn;

import io.minimax.nn.kernel.NativeBlocks;
import io.minimax.plugin.support.NativeArrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** A preallocated row-major matrix of a pass, with its {@link NativeBlocks} made once. */
record NativeMatrix(INDArray array, NativeBlocks blocks)
{
    static NativeMatrix zeros(DataType dataType, long rows, long columns)
    {
        INDArray array = Nd4j.create(dataType, rows, columns);
        return new NativeMatrix(array, NativeBlocks.of(array));
    }

    /** Rows {@code from} to {@code to} of this matrix, a view of the same memory with blocks of its own. */
    NativeMatrix rows(long from, long to)
    {
        long columns = array.size(1);
        return new NativeMatrix(array.get(NDArrayIndex.interval(from, to), NDArrayIndex.all()),
                blocks.slice(Math.toIntExact(from * columns), Math.toIntExact((to - from) * columns)));
    }

    /** The same memory seen as {@code [rows, columns]}. */
    NativeMatrix reshape(long rows, long columns)
    {
        return new NativeMatrix(array.reshape('c', rows, columns), blocks);
    }

    /**
     * The blocks of an array handed to a pass, kept while the caller hands the same array again (layers get the same
     * buffer every step); a strided view is read through a copy, made anew each time.
     */
    static final class Reader
    {
        private INDArray array;
        private NativeBlocks blocks;

        NativeBlocks of(INDArray input)
        {
            if (input == array) {
                return blocks;
            }
            if (!NativeArrays.isContiguous(input)) {
                return NativeBlocks.readable(input);
            }
            array = input;
            blocks = NativeBlocks.of(input);
            return blocks;
        }
    }

    /**
     * An array handed to a pass ({@code [m, features]}, row-major) seen as a matrix of the same memory, e.g. the
     * {@code [m·H·W, C]} pixels of channels-last images, kept while the caller hands the same array again; a strided
     * view is read through a copy, made anew each time.
     */
    static final class Reshaper
    {
        private final long rows;
        private final long columns;
        private INDArray array;
        private NativeMatrix matrix;

        Reshaper(long rows, long columns)
        {
            this.rows = rows;
            this.columns = columns;
        }

        NativeMatrix of(INDArray input)
        {
            if (input == array) {
                return matrix;
            }
            if (!NativeArrays.isContiguous(input)) {
                INDArray copy = input.dup('c').reshape('c', rows, columns);
                return new NativeMatrix(copy, NativeBlocks.of(copy));
            }
            INDArray reshaped = input.reshape('c', rows, columns);
            array = input;
            matrix = new NativeMatrix(reshaped, NativeBlocks.of(reshaped));
            return matrix;
        }
    }
}
