package io.minimax.nn;

import io.minimax.nn.kernel.BlockCopies;
import io.minimax.nn.kernel.Gemm;
import io.minimax.spi.RandomSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;

import static java.util.Objects.requireNonNull;

/**
 * A transposed 2-D convolution with bias, as PyTorch's {@code ConvTranspose2d} (no output padding), on channels-last
 * images: from {@code [H, W, Cin]} to {@code [(H-1)·s - 2p + k, (W-1)·s - 2p + k, Cout]}. It is the input gradient
 * of the convolution from {@code [Cout, H', W']} back to {@code [Cin, H, W]}, the layer's {@link #geometry()}
 * (channels Cout, filters Cin), plus a bias.
 *
 * <p>Parameter layout: {@code W} as {@code [Cin, Cout, k, k]} in row-major order (PyTorch's), then {@code b}
 * ({@code [Cout]}). Initialisation follows PyTorch: U(-1/√(Cout·k²), 1/√(Cout·k²)) for weights and bias.
 *
 * <p>Forward: {@code x·K} ({@code [m·H·W, k·k·Cout]}, K the weights as {@code [Cin, (i, j, c)]}) summed into the
 * output's pixels (col2im), plus {@code 1·bᵀ}. Backward: with {@code cols} the positions-first im2col matrix of the
 * output gradient δ, {@code dKᵀ = colsᵀ·x}, {@code db = 1ᵀ·δ} and the input gradient {@code cols·Kᵀ}, a convolution.
 * Both passes go chunk by chunk of the batch ({@link SampleChunks}), each chunk's {@code x·K} or cols(δ) used while it
 * is in the cache, so dKᵀ is a sum over the chunks. Linear in its input, so the tangent passes repeat the products on
 * the tangents: {@code dKᵀ += cols(δ)ᵀ·ẋ + cols(δ̇)ᵀ·x}, {@code db += 1ᵀ·δ̇}, input-gradient change
 * {@code cols(δ̇)·Kᵀ}.
 */
public final class Deconv2d
        implements Layer
{
    private final ConvGeometry geometry;

    /** The transposed convolution of {@code geometry}: from its output shape back to its input shape. */
    public Deconv2d(ConvGeometry geometry)
    {
        this.geometry = requireNonNull(geometry, "geometry is null");
    }

    /** From {@code [inChannels, height, width]} to {@code outChannels} images of (height - 1)·stride - 2·padding + kernel rows. */
    public static Deconv2d of(int inChannels, int height, int width, int outChannels, int kernel, int stride, int padding)
    {
        int outHeight = (height - 1) * stride - 2 * padding + kernel;
        int outWidth = (width - 1) * stride - 2 * padding + kernel;
        if (height <= 0 || width <= 0 || outHeight <= 0 || outWidth <= 0) {
            throw new IllegalArgumentException("a transposed convolution of [" + inChannels + ", " + height + ", " + width
                    + "] with kernel "
                    + kernel + ", stride " + stride + ", padding " + padding + " has no output pixels");
        }
        return new Deconv2d(new ConvGeometry(outChannels, outHeight, outWidth, inChannels, kernel, stride, padding));
    }

    /** The convolution this layer transposes: its input is this layer's output and the other way round. */
    public ConvGeometry geometry()
    {
        return geometry;
    }

    @Override
    public long inputSize()
    {
        return geometry.outputSize();
    }

    @Override
    public long outputSize()
    {
        return geometry.inputSize();
    }

    @Override
    public long parameterCount()
    {
        return (long) geometry.filters() * geometry.columnRows() + geometry.channels();
    }

    @Override
    public void initialize(INDArray parameters, RandomSource random)
    {
        checkSlice("parameters", parameters);
        double bound = 1.0 / Math.sqrt(geometry.columnRows());
        random.uniform(parameters, -bound, bound);
    }

    @Override
    public Layer.Pass createPass(INDArray parameters, INDArray gradients, long batchSize)
    {
        return createPass(parameters, gradients, batchSize, SampleChunks.CHUNK_BYTES);
    }

    /** A pass whose im2col matrices are gathered and multiplied in chunks of about {@code chunkBytes}. */
    Layer.Pass createPass(INDArray parameters, INDArray gradients, long batchSize, long chunkBytes)
    {
        checkSlice("parameters", parameters);
        checkSlice("gradients", gradients);
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batch size must be > 0 (got " + batchSize + ")");
        }
        return new Pass(parameters, gradients, Math.toIntExact(batchSize), chunkBytes);
    }

    @Override
    public String toString()
    {
        return "Deconv2d([" + geometry.filters() + ", " + geometry.outHeight() + ", " + geometry.outWidth() + "] -> [" + geometry.channels()
                + ", " + geometry.height() + ", " + geometry.width() + "], kernel " + geometry.kernel() + ", stride " + geometry.stride()
                + ", padding " + geometry.padding() + ")";
    }

    private void checkSlice(String name, INDArray slice)
    {
        if (slice.rank() != 2 || slice.size(0) != 1 || slice.size(1) != parameterCount()) {
            throw new IllegalArgumentException(name + " must be [1, " + parameterCount() + "] for " + this
                    + " (got " + Arrays.toString(slice.shape()) + ")");
        }
    }

    private final class Pass
            implements Layer.Pass
    {
        private final int batch;
        private final INDArray bias;
        private final INDArray biasGradients;
        private final ConvolutionKernel kernel;
        // the whole batch's im2col, for the tangent passes
        private final BlockCopies columns;
        private final SampleChunks chunks;
        // chunk c's im2col (the same object for chunks of one size)
        private final BlockCopies[] chunkColumns;
        // m·H·W ones, one per output pixel, for the bias and its gradient
        private final INDArray ones;
        // one chunk's x·K, summed into the output before the next chunk's
        private final NativeMatrix[] products;
        private final NativeMatrix output;
        private final NativeMatrix pixels;
        // chunk c's output, as its pixels' rows
        private final NativeMatrix[] chunkPixels;
        private final NativeMatrix.Reshaper inputs;
        private final ChunkRows chunkInputs;
        private final NativeMatrix.Reshaper inputTangents;
        private final NativeMatrix.Reshaper outputGradients;
        private final ChunkRows chunkOutputGradients;
        private final NativeMatrix.Reshaper outputGradientTangents;
        private NativeMatrix input;
        private NativeMatrix outputGradient;
        // one chunk's im2col of δ
        private NativeMatrix[] chunkCols;
        private NativeMatrix inputGradient;
        private NativeMatrix inputGradientPixels;
        private NativeMatrix[] chunkInputGradientPixels;
        private boolean forwardDone;
        private boolean backwardDone;
        private Tangents tangents;

        Pass(INDArray parameters, INDArray gradients, int batch, long chunkBytes)
        {
            DataType dataType = parameters.dataType();
            int inChannels = geometry.filters();
            int rows = geometry.columnRows();
            int positions = geometry.positions(batch);
            long pixelCount = (long) batch * geometry.height() * geometry.width();
            this.batch = batch;
            this.bias = Conv2d.biasOf(parameters, (long) inChannels * rows, geometry.channels());
            this.biasGradients = Conv2d.biasOf(gradients, (long) inChannels * rows, geometry.channels());
            this.kernel = new ConvolutionKernel(geometry, Conv2d.weightsOf(parameters, inChannels, rows),
                    Conv2d.weightsOf(gradients, inChannels, rows), dataType);
            int perSample = geometry.positions(1);
            int pixelsPerSample = geometry.height() * geometry.width();
            this.columns = geometry.columns(batch);
            this.chunks = SampleChunks.of(batch, (long) perSample * rows * dataType.width(), chunkBytes);
            this.chunkColumns = chunks.columns(geometry);
            this.ones = Nd4j.ones(dataType, pixelCount, 1);
            this.products = chunks.buffers(dataType, perSample, rows);
            this.output = NativeMatrix.zeros(dataType, batch, geometry.inputSize());
            this.pixels = output.reshape(pixelCount, geometry.channels());
            this.chunkPixels = new ChunkRows(chunks, pixelsPerSample).of(pixels);
            this.inputs = new NativeMatrix.Reshaper(positions, inChannels);
            this.chunkInputs = new ChunkRows(chunks, perSample);
            this.inputTangents = new NativeMatrix.Reshaper(positions, inChannels);
            this.outputGradients = new NativeMatrix.Reshaper(pixelCount, geometry.channels());
            this.chunkOutputGradients = new ChunkRows(chunks, pixelsPerSample);
            this.outputGradientTangents = new NativeMatrix.Reshaper(pixelCount, geometry.channels());
        }

        @Override
        public INDArray forward(INDArray input)
        {
            this.input = inputs.of(input);
            kernel.refresh();
            NativeMatrix[] chunkInput = chunkInputs.of(this.input);
            for (int c = 0; c < chunks.count(); c++) {
                Gemm.gemm(chunkInput[c].array(), kernel.matrix(), products[c].array(), false, false, 1.0, 0.0);
                chunkColumns[c].applyAdjoint(products[c].blocks(), chunkPixels[c].blocks());
                Gemm.addToRows(ones, bias, chunkPixels[c].array());
            }
            forwardDone = true;
            return output.array();
        }

        @Override
        public INDArray backward(INDArray outputGradient, boolean parameterGradients)
        {
            if (!forwardDone) {
                throw new IllegalStateException("backward before forward in " + Deconv2d.this);
            }
            if (inputGradient == null) {
                inputGradient = NativeMatrix.zeros(output.array().dataType(), batch, geometry.outputSize());
                inputGradientPixels = inputGradient.reshape(geometry.positions(batch), geometry.filters());
                chunkInputGradientPixels = new ChunkRows(chunks, geometry.positions(1)).of(inputGradientPixels);
            }
            backPropagate(outputGradient, parameterGradients, true);
            return inputGradient.array();
        }

        @Override
        public void backwardToParameters(INDArray outputGradient)
        {
            if (!forwardDone) {
                throw new IllegalStateException("backward before forward in " + Deconv2d.this);
            }
            backPropagate(outputGradient, true, false);
        }

        /**
         * Keeps δ for the tangent passes; chunk by chunk, gathers cols(δ) and, when asked, multiplies it into the input
         * gradient and adds its {@code colsᵀ·x} to dKᵀ while it is in the cache; then writes dW and db = 1ᵀ·δ.
         */
        private void backPropagate(INDArray outputGradient, boolean parameterGradients, boolean inputGradients)
        {
            if (chunkCols == null) {
                chunkCols = chunks.buffers(output.array().dataType(), geometry.positions(1), geometry.columnRows());
            }
            this.outputGradient = outputGradients.of(outputGradient);
            NativeMatrix[] chunkGradient = chunkOutputGradients.of(this.outputGradient);
            NativeMatrix[] chunkInput = chunkInputs.of(input);
            for (int c = 0; c < chunks.count(); c++) {
                chunkColumns[c].apply(chunkGradient[c].blocks(), chunkCols[c].blocks());
                if (inputGradients) {
                    Gemm.gemm(chunkCols[c].array(), kernel.matrix(), chunkInputGradientPixels[c].array(), false, true, 1.0, 0.0);
                }
                if (parameterGradients) {
                    kernel.accumulateGradient(chunkCols[c].array(), chunkInput[c].array(), c == 0);
                }
            }
            if (parameterGradients) {
                kernel.writeGradient();
                Gemm.columnSums(ones, this.outputGradient.array(), biasGradients, 0.0);
            }
            backwardDone = true;
        }

        @Override
        public INDArray forwardTangent(INDArray inputTangent)
        {
            if (!forwardDone) {
                throw new IllegalStateException("forwardTangent before forward in " + Deconv2d.this);
            }
            if (tangents == null) {
                tangents = new Tangents(output.array().dataType());
            }
            tangents.input = inputTangents.of(inputTangent);
            Gemm.gemm(tangents.input.array(), kernel.matrix(), tangents.products.array(), false, false, 1.0, 0.0);
            columns.applyAdjoint(tangents.products.blocks(), tangents.output.blocks());
            return tangents.output.array();
        }

        @Override
        public INDArray backwardTangent(INDArray outputGradientTangent)
        {
            if (!backwardDone || tangents == null || tangents.input == null) {
                throw new IllegalStateException("backwardTangent before backward and forwardTangent in " + Deconv2d.this);
            }
            NativeMatrix gradientTangent = outputGradientTangents.of(outputGradientTangent);
            columns.apply(gradientTangent.blocks(), tangents.cols.blocks());
            columns.apply(outputGradient.blocks(), tangents.gradientCols.blocks());
            kernel.accumulateGradient(tangents.gradientCols.array(), tangents.input.array(), true);
            kernel.accumulateGradient(tangents.cols.array(), input.array(), false);
            kernel.addGradient();
            Gemm.columnSums(ones, gradientTangent.array(), biasGradients, 1.0);
            Gemm.gemm(tangents.cols.array(), kernel.matrix(), tangents.inputGradientPixels.array(), false, true, 1.0, 0.0);
            return tangents.inputGradient.array();
        }

        /** The buffers of the tangent passes, allocated only when a run uses double backpropagation. */
        private final class Tangents
        {
            private final NativeMatrix products;
            private final NativeMatrix output;
            // the whole batch's im2col of the output gradient and of its tangent
            private final NativeMatrix gradientCols;
            private final NativeMatrix cols;
            private final NativeMatrix inputGradient;
            private final NativeMatrix inputGradientPixels;
            private NativeMatrix input;

            Tangents(DataType dataType)
            {
                long positions = geometry.positions(batch);
                this.products = NativeMatrix.zeros(dataType, positions, geometry.columnRows());
                this.output = NativeMatrix.zeros(dataType, batch, geometry.inputSize());
                this.gradientCols = NativeMatrix.zeros(dataType, positions, geometry.columnRows());
                this.cols = NativeMatrix.zeros(dataType, positions, geometry.columnRows());
                this.inputGradient = NativeMatrix.zeros(dataType, batch, geometry.outputSize());
                this.inputGradientPixels = inputGradient.reshape(positions, geometry.filters());
            }
        }
    }
}
