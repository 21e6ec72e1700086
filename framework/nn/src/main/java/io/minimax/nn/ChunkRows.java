package io.minimax.nn;

/**
 * The rows of each {@link SampleChunks} chunk of a matrix a pass is handed (a sample's rows lying together), made again
 * only when the pass is handed a different matrix: layers hand on the same buffers every step.
 */
final class ChunkRows
{
    private final SampleChunks chunks;
    private final long rowsPerSample;
    private NativeMatrix source;
    private NativeMatrix[] rows;

    ChunkRows(SampleChunks chunks, long rowsPerSample)
    {
        this.chunks = chunks;
        this.rowsPerSample = rowsPerSample;
    }

    /** Chunk c's rows of {@code matrix}, whose rows are {@code rowsPerSample} per sample. */
    NativeMatrix[] of(NativeMatrix matrix)
    {
        if (matrix != source) {
            rows = chunks.each(c -> matrix.rows(chunks.first(c) * rowsPerSample, chunks.end(c) * rowsPerSample), NativeMatrix[]::new);
            source = matrix;
        }
        return rows;
    }
}
