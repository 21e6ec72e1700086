package io.minimax.nn;

import io.minimax.nn.kernel.BlockCopies;


/**
 * The shapes of a 2-D convolution (cross-correlation, as in PyTorch's {@code Conv2d}) from {@code [channels, height,
 * width]} images to {@code [filters, outHeight, outWidth]}, square kernels, one stride and one zero padding for both
 * axes, and the gathers that turn it into matrix products.
 *
 * <p>The convolution layers hold images channels-last, each sample's row {@code [H, W, C]}, so a batch is the matrix
 * {@code [m·H·W, C]} of its pixels ({@link Conv2d}). Then the im2col matrix is positions-first,
 * {@code cols[(b, oh, ow), (i, j, c)] = x[b, oh·s + i - p, ow·s + j - p, c]}, gathered in runs of up to k·C
 * contiguous values (a row of the window), and the convolution is one product whose result is already the output's
 * pixel matrix {@code [m·OH·OW, F]}: {@code y = cols·Kᵀ} with K the weights as {@code [F, (i, j, c)]}. OpenBLAS
 * multiplies these shapes faster than the channels-first ones (measured with the DCGAN shapes: 125–140 against about
 * 80 GFLOP/s), and no layer transposes its input or output.
 *
 * <p>The weights are {@code [filters, channels, kernel, kernel]} in row-major order, PyTorch's layout, for
 * checkpoints and for anyone reading them; {@link #kernelOrder} permutes them into K.
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

    /** Positions of the output for {@code batch} images: m·OH·OW, the rows of the im2col matrix. */
    public int positions(int batch)
    {
        return Math.multiplyExact(batch, outHeight() * outWidth());
    }

    /**
     * im2col for {@code batch} channels-last images: from {@code [m, H, W, C]} into {@code [m·OH·OW, k·k·C]}, the
     * columns in (i, j, c) order. Positions in the padding are not written: the target must hold zeros there, and
     * keeps them, as every call writes the same positions.
     */
    public BlockCopies columns(int batch)
    {
        int outHeight = outHeight();
        int outWidth = outWidth();
        int rowLength = columnRows();
        BlockCopies.Builder copies = BlockCopies.builder();
        for (int b = 0; b < batch; b++) {
            for (int oh = 0; oh < outHeight; oh++) {
                for (int ow = 0; ow < outWidth; ow++) {
                    int row = (b * outHeight + oh) * outWidth + ow;
                    // the taps j whose column iw = ow·s + j - p lies inside the image: one contiguous run of pixels
                    int firstTap = Math.max(0, padding - ow * stride);
                    int endTap = Math.min(kernel, width + padding - ow * stride);
                    if (firstTap >= endTap) {
                        continue;
                    }
                    for (int i = 0; i < kernel; i++) {
                        int ih = oh * stride + i - padding;
                        if (ih < 0 || ih >= height) {
                            continue;
                        }
                        int iw = ow * stride + firstTap - padding;
                        copies.add(((b * height + ih) * width + iw) * channels, row * rowLength + (i * kernel + firstTap) * channels,
                                (endTap - firstTap) * channels);
                    }
                }
            }
        }
        return copies.build();
    }

    /**
     * For each element of K, the weights as {@code [F, (i, j, c)]}, its index in the layer's {@code [F, C, k, k]}
     * weights: {@code K = weights[kernelOrder]}.
     */
    public int[] kernelOrder()
    {
        int[] order = new int[filters * columnRows()];
        for (int f = 0; f < filters; f++) {
            for (int i = 0; i < kernel; i++) {
                for (int j = 0; j < kernel; j++) {
                    for (int c = 0; c < channels; c++) {
                        order[((f * kernel + i) * kernel + j) * channels + c] = ((f * channels + c) * kernel + i) * kernel + j;
                    }
                }
            }
        }
        return order;
    }

    /**
     * For each element of the layer's {@code [F, C, k, k]} weights, its index in Kᵀ, {@code [(i, j, c), F]}, the
     * layout the weight gradient is computed in: {@code dW = dKᵀ[kernelGradientOrder]}.
     */
    public int[] kernelGradientOrder()
    {
        int[] order = new int[filters * columnRows()];
        for (int f = 0; f < filters; f++) {
            for (int c = 0; c < channels; c++) {
                for (int i = 0; i < kernel; i++) {
                    for (int j = 0; j < kernel; j++) {
                        order[((f * channels + c) * kernel + i) * kernel + j] = ((i * kernel + j) * channels + c) * filters + f;
                    }
                }
            }
        }
        return order;
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
}
