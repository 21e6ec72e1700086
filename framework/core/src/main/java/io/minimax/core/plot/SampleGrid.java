package io.minimax.core.plot;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

import javax.imageio.ImageIO;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

import static java.util.Objects.requireNonNull;

/**
 * Image samples as one PNG: a near-square grid (8 × 8 for the 64 an evaluation draws), each image's values mapped
 * from [−1, 1] to 0–255 (clipped; NaN black), cells enlarged by a whole factor to at least {@value #MIN_CELL} pixels
 * (28 × 28 becomes 56 × 56) and separated by {@value #PADDING} pixels of grey, so a black background stays visible.
 * One channel is drawn in grey, three in colour.
 */
public final class SampleGrid
{
    /** The samples an evaluation's grid shows: 8 × 8. */
    public static final int EVALUATION_CELLS = 64;
    /** The most images one grid holds (32 × 32): more would make a PNG of tens of megapixels. */
    public static final int MAX_CELLS = 1024;
    static final int MIN_CELL = 56;
    static final int PADDING = 2;
    private static final int GREY = 0x80;

    private SampleGrid() {}

    /** Whether samples of this shape are images a grid can show: {@code [channels, rows, columns]} with 1 or 3 channels. */
    public static boolean isImage(long[] sampleShape)
    {
        return sampleShape.length == 3 && (sampleShape[0] == 1 || sampleShape[0] == 3) && sampleShape[1] >= 2 && sampleShape[2] >= 2;
    }

    /** {@code samples-step-000500.png}, as the 2-D plots are named. */
    public static String fileName(long step)
    {
        return SamplePlot.fileName(step);
    }

    /**
     * Writes the first {@code min(n, count)} images of {@code samples} as a grid PNG, replacing {@code file} whole.
     *
     * @param samples {@code [n, channels, rows, columns]}; not modified
     * @return {@code file}
     */
    public static Path write(INDArray samples, int count, Path file)
    {
        requireNonNull(file, "file is null");
        BufferedImage image = image(samples, count);
        OutputFiles.replace(file, output -> {
            // an in-memory stream, as for the charts: ImageIO's file cache is closed by its own Ctrl-C hook
            try (ImageOutputStream stream = new MemoryCacheImageOutputStream(output)) {
                if (!ImageIO.write(image, "png", stream)) {
                    throw new IOException("no PNG writer available");
                }
            }
        });
        return file;
    }

    /** The grid of the first {@code min(n, count)} images of {@code samples}. */
    public static BufferedImage image(INDArray samples, int count)
    {
        requireNonNull(samples, "samples is null");
        long[] shape = samples.shape();
        if (shape.length != 4 || !isImage(Arrays.copyOfRange(shape, 1, 4))) {
            throw new IllegalArgumentException("a grid shows samples of shape [n, 1 or 3, rows, columns], got " + Arrays.toString(shape));
        }
        if (count < 1 || count > MAX_CELLS) {
            throw new IllegalArgumentException("a grid holds 1 to " + MAX_CELLS + " images, not " + count);
        }
        int cells = (int) Math.min(count, shape[0]);
        int channels = (int) shape[1];
        int rows = (int) shape[2];
        int columns = (int) shape[3];
        int scale = Math.max(1, (MIN_CELL + Math.max(rows, columns) - 1) / Math.max(rows, columns));
        int gridColumns = (int) Math.ceil(Math.sqrt(cells));
        int gridRows = (cells + gridColumns - 1) / gridColumns;
        int width = gridColumns * (columns * scale + PADDING) + PADDING;
        int height = gridRows * (rows * scale + PADDING) + PADDING;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] pixels = new int[width * height];
        Arrays.fill(pixels, GREY << 16 | GREY << 8 | GREY);
        int pixelsPerImage = channels * rows * columns;
        float[] values = samples.get(NDArrayIndex.interval(0, cells)).castTo(DataType.FLOAT).dup('c').data().asFloat();
        for (int cell = 0; cell < cells; cell++) {
            int left = PADDING + (cell % gridColumns) * (columns * scale + PADDING);
            int top = PADDING + (cell / gridColumns) * (rows * scale + PADDING);
            int offset = cell * pixelsPerImage;
            for (int y = 0; y < rows; y++) {
                for (int x = 0; x < columns; x++) {
                    int at = y * columns + x;
                    int rgb;
                    if (channels == 1) {
                        int grey = level(values[offset + at]);
                        rgb = grey << 16 | grey << 8 | grey;
                    }
                    else {
                        int plane = rows * columns;
                        rgb = level(values[offset + at]) << 16 | level(values[offset + plane + at]) << 8
                                | level(values[offset + 2 * plane + at]);
                    }
                    for (int dy = 0; dy < scale; dy++) {
                        int from = (top + y * scale + dy) * width + left + x * scale;
                        Arrays.fill(pixels, from, from + scale, rgb);
                    }
                }
            }
        }
        image.setRGB(0, 0, width, height, pixels, 0, width);
        return image;
    }

    /** [−1, 1] to 0–255, rounded; outside values clipped, NaN black. */
    static int level(float value)
    {
        if (Float.isNaN(value)) {
            return 0;
        }
        return (int) Math.round(Math.max(0, Math.min(255, (value + 1) * 127.5)));
    }
}
