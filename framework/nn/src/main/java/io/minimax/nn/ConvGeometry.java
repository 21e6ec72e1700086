package io.minimax.nn;

import io.minimax.nn.kernel.BlockCopies;

import java.util.ArrayList;
import java.util.List;

/**
 * The shapes of a 2-D convolution (cross-correlation, as in PyTorch's {@code Conv2d}) from {@code [channels, height,
 * width]} images to {@code [filters, outHeight, outWidth]}, square kernels, one stride and one zero padding for both
 * axes, and the gathers that turn it into matrix products.
 *
 * <p>Inside a layer, images are held channels-first with the batch innermost, {@code [C, H, W, m]} ("CHWN"): every
 * gather then moves runs of at least m contiguous values, and a product's columns are (position, sample) pairs.
 * <ul>
 * <li>{@link #columns}: im2col, {@code cols[(c, i, j), (oh, ow, b)] = x[c, oh·s + i - p, ow·s + j - p, b]}, so the
 *     convolution is {@code y[f, (oh, ow, b)] = W[f, (c, i, j)]·cols}.</li>
 * <li>{@link #phases}: the transposed convolution (the input gradient of a convolution, and the forward pass of a
 *     transposed one) as s² smaller products, one per output phase (ih mod s, iw mod s), each over only the kernel
 *     taps that reach it: no scatter-adds and no products with structural zeros.</li>
 * </ul>
 * The weights are {@code [filters, channels, kernel, kernel]} in row-major order, PyTorch's layout.
 */
public record ConvGeometry(int channels, int height, int width, int filters, int kernel, int stride, int padding)
{
    public ConvGeometry
    {
        if (channels <= 0 || height <= 0 || width <= 0 || filters <= 0 || kernel <= 0 || stride <= 0 || padding < 0) {
            throw new IllegalArgumentException("a convolution needs positive sizes and padding >= 0 (got "
                    + describe(channels, height, width, filters, kernel, stride, padding) + ")");
        }
        // a kernel smaller than its stride skips input pixels, and leaves output phases of the transposed convolution empty
        if (kernel < stride) {
            throw new IllegalArgumentException("the kernel must be at least the stride (got kernel " + kernel + ", stride " + stride + ")");
        }
        if (height + 2 * padding < kernel || width + 2 * padding < kernel) {
            throw new IllegalArgumentException("the kernel " + kernel + " does not fit the padded input " + (height + 2 * padding) + "x"
                    + (width + 2 * padding));
        }
    }

    public int outHeight()
    {
        return (height + 2 * padding - kernel) / stride + 1;
    }

    public int outWidth()
    {
        return (width + 2 * padding - kernel) / stride + 1;
    }

    /** Features of one input image: C·H·W. */
    public int inputSize()
    {
        return channels * height * width;
    }

    /** Features of one output image: F·OH·OW. */
    public int outputSize()
    {
        return filters * outHeight() * outWidth();
    }

    /** Rows of the im2col matrix, C·k·k, which is also the length of one filter. */
    public int columnRows()
    {
        return channels * kernel * kernel;
    }

    /** Multiply-adds of one convolution of one image: F·OH·OW·C·k·k. */
    public long multiplyAdds()
    {
        return (long) outputSize() * columnRows();
    }

    /**
     * im2col for {@code batch} images: from {@code [C, H, W, batch]} into {@code [C·k·k, OH·OW·batch]}. Positions
     * in the padding are not written: the target must hold zeros there, and keeps them, as every call writes the same
     * positions.
     */
    public BlockCopies columns(int batch)
    {
        int outHeight = outHeight();
        int outWidth = outWidth();
        int columns = outHeight * outWidth * batch;
        BlockCopies.Builder copies = BlockCopies.builder();
        for (int c = 0; c < channels; c++) {
            for (int i = 0; i < kernel; i++) {
                for (int j = 0; j < kernel; j++) {
                    int row = (c * kernel + i) * kernel + j;
                    int firstColumn = Math.max(0, ceilDiv(padding - j, stride));
                    int endColumn = Math.min(outWidth, Math.floorDiv(width - 1 + padding - j, stride) + 1);
                    for (int oh = 0; oh < outHeight; oh++) {
                        int ih = oh * stride + i - padding;
                        if (ih < 0 || ih >= height) {
                            continue;
                        }
                        for (int ow = firstColumn; ow < endColumn; ow++) {
                            int iw = ow * stride + j - padding;
                            copies.add(((c * height + ih) * width + iw) * batch, row * columns + (oh * outWidth + ow) * batch, batch);
                        }
                    }
                }
            }
        }
        return copies.build();
    }

    /** The s² phases of the transposed convolution for {@code batch} images; phases that hold no input position are left out. */
    public Phase[] phases(int batch)
    {
        List<Phase> phases = new ArrayList<>();
        for (int phaseRow = 0; phaseRow < stride; phaseRow++) {
            for (int phaseColumn = 0; phaseColumn < stride; phaseColumn++) {
                Phase phase = phase(phaseRow, phaseColumn, batch);
                if (phase != null) {
                    phases.add(phase);
                }
            }
        }
        return phases.toArray(Phase[]::new);
    }

    /**
     * One phase of the transposed convolution: the input positions (ih, iw) with (ih + p) mod s = {@code phaseRow} and
     * (iw + p) mod s = {@code phaseColumn}, which only the kernel taps i ≡ phaseRow, j ≡ phaseColumn (mod s) reach.
     * Its product is {@code out[c, (t, u, b)] = weights[c, (f, a, b')]·cols[(f, a, b'), (t, u, b)]}.
     *
     * @param positions the columns of the phase's products: its input positions times the batch size
     * @param taps the rows of its {@code cols}: F times the kernel taps that reach the phase
     * @param weightIndices for each element of the phase's weight matrix {@code [C, F·tapRows·tapColumns]}, its index
     *     in the layer's {@code [F, C, k, k]} weights
     * @param columns the gather of {@code cols} ({@code [F·tapRows·tapColumns, rows·cols·batch]}) from the output
     *     gradient {@code [F, OH, OW, batch]}; taps that fall outside it are left zero
     * @param scatter the copies of the phase's product ({@code [C, rows·cols·batch]}) to the input-shaped result
     *     {@code [C, H, W, batch]}
     */
    public record Phase(int positions, int taps, int[] weightIndices, BlockCopies columns, BlockCopies scatter)
    {
    }

    private Phase phase(int phaseRow, int phaseColumn, int batch)
    {
        int firstRow = Math.floorMod(phaseRow - padding, stride);
        int firstColumn = Math.floorMod(phaseColumn - padding, stride);
        int rows = firstRow < height ? ceilDiv(height - firstRow, stride) : 0;
        int columns = firstColumn < width ? ceilDiv(width - firstColumn, stride) : 0;
        if (rows == 0 || columns == 0) {
            return null;
        }
        int tapRows = ceilDiv(kernel - phaseRow, stride);
        int tapColumns = ceilDiv(kernel - phaseColumn, stride);
        int baseRow = (firstRow + padding - phaseRow) / stride;
        int baseColumn = (firstColumn + padding - phaseColumn) / stride;
        int outHeight = outHeight();
        int outWidth = outWidth();
        int taps = filters * tapRows * tapColumns;
        int positions = rows * columns * batch;

        int[] weightIndices = new int[channels * taps];
        BlockCopies.Builder gather = BlockCopies.builder();
        for (int f = 0; f < filters; f++) {
            for (int a = 0; a < tapRows; a++) {
                for (int b = 0; b < tapColumns; b++) {
                    int tap = (f * tapRows + a) * tapColumns + b;
                    int i = phaseRow + stride * a;
                    int j = phaseColumn + stride * b;
                    for (int c = 0; c < channels; c++) {
                        weightIndices[c * taps + tap] = ((f * channels + c) * kernel + i) * kernel + j;
                    }
                    for (int t = 0; t < rows; t++) {
                        int oh = baseRow + t - a;
                        if (oh < 0 || oh >= outHeight) {
                            continue;
                        }
                        for (int u = 0; u < columns; u++) {
                            int ow = baseColumn + u - b;
                            if (ow >= 0 && ow < outWidth) {
                                int source = ((f * outHeight + oh) * outWidth + ow) * batch;
                                gather.add(source, tap * positions + (t * columns + u) * batch, batch);
                            }
                        }
                    }
                }
            }
        }
        BlockCopies.Builder scatter = BlockCopies.builder();
        for (int c = 0; c < channels; c++) {
            for (int t = 0; t < rows; t++) {
                for (int u = 0; u < columns; u++) {
                    int ih = firstRow + stride * t;
                    int iw = firstColumn + stride * u;
                    scatter.add(c * positions + (t * columns + u) * batch, ((c * height + ih) * width + iw) * batch, batch);
                }
            }
        }
        return new Phase(positions, taps, weightIndices, gather.build(), scatter.build());
    }

    @Override
    public String toString()
    {
        return describe(channels, height, width, filters, kernel, stride, padding);
    }

    private static String describe(int channels, int height, int width, int filters, int kernel, int stride, int padding)
    {
        return "[" + channels + ", " + height + ", " + width + "] -> " + filters + " filters, kernel " + kernel + ", stride " + stride
                + ", padding " + padding;
    }

    private static int ceilDiv(int dividend, int divisor)
    {
        return -Math.floorDiv(-dividend, divisor);
    }
}
