package io.minimax.plugins.imagedata;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * One IDX file of unsigned bytes (LeCun's MNIST format: magic {@code 00 00 08 D}, then D big-endian sizes, then the
 * values), plain or gzipped: gzip is recognised by its own magic, not by the file name. Every way a file can be wrong
 * is reported in one line naming the file: the {@link DataFileException}'s message is meant for users as it is.
 *
 * @param sizes the D sizes the header declares
 * @param values their product of bytes, row-major
 */
record IdxFile(long[] sizes, byte[] values)
{
    private static final int UNSIGNED_BYTE = 0x08;

    /** A file that is not a readable IDX file of the expected rank. */
    static final class DataFileException
            extends RuntimeException
    {
        private static final long serialVersionUID = 1L;

        DataFileException(String message)
        {
            super(message);
        }
    }

    /**
     * @param dimensions the rank the file must have: 3 for images ({@code [count, rows, columns]}), 1 for labels
     */
    static IdxFile read(Path file, int dimensions)
    {
        try (InputStream input = open(file)) {
            byte[] header = readFully(input, 4, file, "its header");
            int magic = ((header[0] & 0xff) << 24) | ((header[1] & 0xff) << 16) | ((header[2] & 0xff) << 8) | (header[3] & 0xff);
            int expected = (UNSIGNED_BYTE << 8) | dimensions;
            if (magic != expected) {
                throw new DataFileException(file + " is not an IDX file of " + what(dimensions) + ": it starts with magic "
                        + String.format("0x%08x, expected 0x%08x", magic, expected) + describe(magic));
            }
            byte[] sizeBytes = readFully(input, 4 * dimensions, file, "its header");
            long[] sizes = new long[dimensions];
            long count = 1;
            for (int d = 0; d < dimensions; d++) {
                for (int b = 0; b < 4; b++) {
                    sizes[d] = (sizes[d] << 8) | (sizeBytes[4 * d + b] & 0xffL);
                }
                count *= sizes[d];
            }
            if (count > Integer.MAX_VALUE - 16) {
                throw new DataFileException(file + " declares " + sizesText(sizes) + " values, more than a Java array holds");
            }
            byte[] values = input.readNBytes((int) count);
            if (values.length < count) {
                throw new DataFileException(file + " is truncated: its header declares " + sizesText(sizes) + " = " + count
                        + " bytes of values, the file holds " + values.length);
            }
            if (input.read() != -1) {
                throw new DataFileException(file + " has bytes beyond the " + sizesText(sizes) + " values its header declares");
            }
            return new IdxFile(sizes, values);
        }
        catch (EOFException e) {
            throw new DataFileException(file + " is truncated: its gzip stream ends early (" + e.getMessage() + ")");
        }
        catch (ZipException e) {
            throw new DataFileException(file + " is a damaged gzip file (" + e.getMessage() + ")");
        }
        catch (IOException e) {
            throw new DataFileException("cannot read " + file + " (" + e + ")");
        }
    }

    private static InputStream open(Path file)
            throws IOException
    {
        BufferedInputStream input = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        input.mark(2);
        boolean gzip = input.read() == 0x1f && input.read() == 0x8b;
        input.reset();
        return gzip ? new GZIPInputStream(input, 1 << 16) : input;
    }

    private static byte[] readFully(InputStream input, int length, Path file, String what)
            throws IOException
    {
        byte[] bytes = input.readNBytes(length);
        if (bytes.length < length) {
            throw new DataFileException(file + " is truncated: " + what + " needs " + length + " bytes, the file holds " + bytes.length);
        }
        return bytes;
    }

    private static String what(int dimensions)
    {
        return dimensions == 1 ? "labels (unsigned bytes, 1 dimension)" : "images (unsigned bytes, " + dimensions + " dimensions)";
    }

    /** What the magic says instead, when it is an IDX magic of another kind. */
    private static String describe(int magic)
    {
        if ((magic >>> 16) != 0) {
            return "";
        }
        int type = (magic >>> 8) & 0xff;
        int rank = magic & 0xff;
        String typeName = switch (type) {
            case 0x08 -> "unsigned bytes";
            case 0x09 -> "signed bytes";
            case 0x0B -> "shorts";
            case 0x0C -> "ints";
            case 0x0D -> "floats";
            case 0x0E -> "doubles";
            default -> "";
        };
        return typeName.isEmpty() ? "" : " (an IDX file of " + typeName + " with " + rank + " dimensions)";
    }

    private static String sizesText(long[] sizes)
    {
        return Arrays.stream(sizes).mapToObj(Long::toString).collect(Collectors.joining(" x "));
    }
}
