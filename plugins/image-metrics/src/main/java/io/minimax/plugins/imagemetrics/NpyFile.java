package io.minimax.plugins.imagemetrics;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import static java.util.Objects.requireNonNull;

/**
 * NumPy's {@code .npy} format, version 1.0, for double arrays: little-endian float64 ({@code '<f8'}) in C order, so
 * {@code numpy.load} reads the FD's inputs back without any code of ours. The header is padded with spaces to end on
 * a newline at a multiple of 64 bytes, as NumPy itself writes it.
 */
final class NpyFile
{
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0};
    private static final int ALIGNMENT = 64;

    private NpyFile() {}

    /** A vector, shape {@code (n,)}. */
    static byte[] of(double[] vector)
    {
        requireNonNull(vector, "vector is null");
        ByteBuffer buffer = start("(" + vector.length + ",)", vector.length);
        for (double value : vector) {
            buffer.putDouble(value);
        }
        return buffer.array();
    }

    /** A matrix, shape {@code (rows, columns)}, row by row. */
    static byte[] of(double[][] matrix)
    {
        requireNonNull(matrix, "matrix is null");
        int columns = matrix.length == 0 ? 0 : matrix[0].length;
        ByteBuffer buffer = start("(" + matrix.length + ", " + columns + ")", (long) matrix.length * columns);
        for (double[] row : matrix) {
            if (row.length != columns) {
                throw new IllegalArgumentException("rows of different lengths: " + columns + " and " + row.length);
            }
            for (double value : row) {
                buffer.putDouble(value);
            }
        }
        return buffer.array();
    }

    private static ByteBuffer start(String shape, long elements)
    {
        String dictionary = "{'descr': '<f8', 'fortran_order': False, 'shape': " + shape + ", }";
        int unpadded = MAGIC.length + 2 + dictionary.length() + 1;
        int padding = (ALIGNMENT - unpadded % ALIGNMENT) % ALIGNMENT;
        byte[] header = (dictionary + " ".repeat(padding) + "\n").getBytes(StandardCharsets.US_ASCII);
        ByteBuffer buffer = ByteBuffer.allocate(Math.toIntExact(MAGIC.length + 2 + header.length + elements * Double.BYTES))
                .order(ByteOrder.LITTLE_ENDIAN);
        buffer.put(MAGIC).putShort((short) header.length).put(header);
        return buffer;
    }
}
