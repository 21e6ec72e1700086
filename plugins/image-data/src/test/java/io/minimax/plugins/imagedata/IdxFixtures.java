package io.minimax.plugins.imagedata;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Small IDX files crafted for tests, written as the MNIST files are named. */
final class IdxFixtures
{
    private IdxFixtures() {}

    /** An IDX image file's bytes: magic 0x00000803, the three sizes, then the pixels. */
    static byte[] images(int count, int rows, int columns, byte[] pixels)
    {
        return idx(new int[] {count, rows, columns}, pixels);
    }

    static byte[] labels(byte[] labels)
    {
        return idx(new int[] {labels.length}, labels);
    }

    static byte[] idx(int[] sizes, byte[] values)
    {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeInt(out, 0x0800 | sizes.length);
        for (int size : sizes) {
            writeInt(out, size);
        }
        out.writeBytes(values);
        return out.toByteArray();
    }

    static byte[] gzip(byte[] content)
    {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(content);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * A folder with one split: {@code count} images of rows × columns where image i holds pixels {@code (i * 7 + p) % 256}
     * for its p-th pixel, labelled {@code labels[i]}.
     */
    static Path folder(Path folder, String prefix, int rows, int columns, byte[] labels, boolean gzipped)
    {
        int count = labels.length;
        byte[] pixels = new byte[count * rows * columns];
        for (int i = 0; i < count; i++) {
            for (int p = 0; p < rows * columns; p++) {
                pixels[i * rows * columns + p] = (byte) pixel(i, p);
            }
        }
        String suffix = gzipped ? ".gz" : "";
        write(folder.resolve(prefix + "-images-idx3-ubyte" + suffix), gzipped ? gzip(images(count, rows, columns, pixels))
                : images(count, rows, columns, pixels));
        write(folder.resolve(prefix + "-labels-idx1-ubyte" + suffix), gzipped ? gzip(labels(labels)) : labels(labels));
        return folder;
    }

    static int pixel(int image, int p)
    {
        return (image * 7 + p * 13) % 256;
    }

    static void write(Path file, byte[] content)
    {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, content);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeInt(ByteArrayOutputStream out, int value)
    {
        out.write(value >>> 24);
        out.write(value >>> 16);
        out.write(value >>> 8);
        out.write(value);
    }
}
