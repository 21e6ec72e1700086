package io.minimax.nn;

import io.minimax.nn.kernel.BlockCopies;
import org.nd4j.linalg.api.buffer.DataType;

import java.util.Arrays;
import java.util.function.IntFunction;

/**
 * A batch cut into consecutive chunks of samples, for the convolutions: each chunk's im2col matrix is gathered,
 * multiplied and summed back while it is still in the cache. Whole-batch im2col matrices of the W4 shapes are 13–26 MB;
 * a layer's pass over them measured 1.3–1.7 times as slow at batch 128 as chunk by chunk, on a core with 2 MB of L2
 * cache whose memory outside the caches copies at about 3 GB/s. A chunk's output rows and input gradient rows come
 * from the same products as in the whole batch, so they are the same to the bit (checked: each row of a product
 * depends only on its own row of the left operand); parameter gradients become sums over the chunks.
 */
final class SampleChunks
{
    // about twice the L2 cache of the cores measured: chunks of 16 and 32 W4 images (3–6 MB) were equally fast, 4 images slower
    static final long CHUNK_BYTES = 4L << 20;

    // chunk c holds samples starts[c] to starts[c + 1]
    private final int[] starts;

    private SampleChunks(int[] starts)
    {
        this.starts = starts;
    }

    /** Chunks of as many samples as fit {@code chunkBytes} of {@code bytesPerSample} each, at least one sample. */
    static SampleChunks of(int batch, long bytesPerSample, long chunkBytes)
    {
        if (batch <= 0 || bytesPerSample <= 0) {
            throw new IllegalArgumentException("batch and bytes per sample must be > 0 (got " + batch + ", " + bytesPerSample + ")");
        }
        int size = (int) Math.max(1, Math.min(batch, chunkBytes / bytesPerSample));
        int count = (batch + size - 1) / size;
        int[] starts = new int[count + 1];
        for (int c = 0; c < count; c++) {
            starts[c] = c * size;
        }
        starts[count] = batch;
        return new SampleChunks(starts);
    }

    int count()
    {
        return starts.length - 1;
    }

    /** The first sample of chunk {@code c}. */
    int first(int c)
    {
        return starts[c];
    }

    /** One past the last sample of chunk {@code c}. */
    int end(int c)
    {
        return starts[c + 1];
    }

    int size(int c)
    {
        return starts[c + 1] - starts[c];
    }

    /** The largest chunk's size (the first's). */
    int largest()
    {
        return size(0);
    }

    /** {@code make} applied to each chunk, in order. */
    <T> T[] each(IntFunction<T> make, IntFunction<T[]> array)
    {
        T[] result = array.apply(count());
        for (int c = 0; c < result.length; c++) {
            result[c] = make.apply(c);
        }
        return result;
    }

    /** {@code geometry}'s im2col of each chunk ({@link ConvGeometry#columns}), made once per distinct chunk size. */
    BlockCopies[] columns(ConvGeometry geometry)
    {
        BlockCopies largest = geometry.columns(largest());
        BlockCopies last = geometry.columns(size(count() - 1));
        return each(c -> size(c) == largest() ? largest : last, BlockCopies[]::new);
    }

    /**
     * One zeroed buffer of the largest chunk's {@code rowsPerSample · samples} rows, seen as each chunk's
     * {@code [rows, columns]}: a chunk's scratch, reused by the next.
     */
    NativeMatrix[] buffers(DataType dataType, long rowsPerSample, long columns)
    {
        NativeMatrix buffer = NativeMatrix.zeros(dataType, largest() * rowsPerSample, columns);
        return each(c -> buffer.rows(0, size(c) * rowsPerSample), NativeMatrix[]::new);
    }

    @Override
    public String toString()
    {
        return "SampleChunks" + Arrays.toString(starts);
    }
}
