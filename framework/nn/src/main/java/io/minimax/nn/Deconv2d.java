package io.minimax.nn;

import io.minimax.nn.kernel.BlockCopies;
import io.minimax.nn.kernel.Gemm;
import io.minimax.nn.kernel.NativeBlocks;
import io.minimax.spi.RandomSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;

import static java.util.Objects.requireNonNull;

/**
 * A transposed 2-D convolution with bias, as PyTorch's {@code ConvTranspose2d} (no output padding): from
 * {@code [Cin, H, W]} to {@code [Cout, (H-1)·s - 2p + k, (W-1)·s - 2p + k]}, both channel-major. It is the input
 * gradient of the convolution from {@code [Cout, H', W']} back to {@code [Cin, H, W]}, the layer's {@link #geometry()}
 * (channels Cout, filters Cin), plus a bias.
 *
 * <p>Parameter layout: {@code W} as {@code [Cin, Cout, k, k]} in row-major order (PyTorch's), then {@code b}
 * ({@code [Cout]}). Initialisation follows PyTorch: U(-1/√(Cout·k²), 1/√(Cout·k²)) for weights and bias.
 *
 * <p>Forward: the {@link TransposedConvolution} of the input plus {@code b·1ᵀ}. Backward: with {@code cols} the im2col
 * matrix of the output gradient δ, {@code dW = x·colsᵀ}, {@code db = δ·1} and the input gradient {@code W·cols}, a
 * convolution. Linear in its input, so the tangent passes repeat the products on the tangents:
 * {@code dW += ẋ·cols(δ)ᵀ + x·cols(δ̇)ᵀ}, {@code db += δ̇·1}, input-gradient change {@code W·cols(δ̇)}.
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
        checkSlice("parameters", parameters);
        checkSlice("gradients", gradients);
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batch size must be > 0 (got " + batchSize + ")");
        }
        return new Pass(parameters, gradients, Math.toIntExact(batchSize));
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
        private final int inputFeatures;
        private final int outputFeatures;
        private final INDArray weights;
        private final NativeBlocks weightBlocks;
        private final INDArray bias;
        private final INDArray weightGradients;
        private final INDArray biasGradients;
        // [1, H'·W'·m] for the bias and its gradient, over the output's positions
        private final INDArray ones;
        private final BlockCopies columns;
        private final TransposedConvolution transposed;
        private final NativeMatrix input;
        private final NativeMatrix product;
        private final NativeMatrix output;
        private final NativeMatrix.Reader inputs = new NativeMatrix.Reader();
        private final NativeMatrix.Reader outputGradients = new NativeMatrix.Reader();
        private final NativeMatrix.Reader inputTangents = new NativeMatrix.Reader();
        private final NativeMatrix.Reader outputGradientTangents = new NativeMatrix.Reader();
        private NativeMatrix gradient;
        private NativeMatrix cols;
        private NativeMatrix inputGradientT;
        private NativeMatrix inputGradient;
        private boolean forwardDone;
        private boolean backwardDone;
        private Tangents tangents;

        Pass(INDArray parameters, INDArray gradients, int batch)
        {
            DataType dataType = parameters.dataType();
            int inChannels = geometry.filters();
            int rows = geometry.columnRows();
            this.batch = batch;
            this.inputFeatures = geometry.outputSize();
            this.outputFeatures = geometry.inputSize();
            this.weights = Conv2d.weightsOf(parameters, inChannels, rows);
            this.weightBlocks = NativeBlocks.of(weights);
            this.bias = Conv2d.biasOf(parameters, (long) inChannels * rows, geometry.channels());
            this.weightGradients = Conv2d.weightsOf(gradients, inChannels, rows);
            this.biasGradients = Conv2d.biasOf(gradients, (long) inChannels * rows, geometry.channels());
            this.ones = Nd4j.ones(dataType, 1, (long) geometry.height() * geometry.width() * batch);
            this.columns = geometry.columns(batch);
            this.transposed = new TransposedConvolution(geometry, batch, dataType);
            this.input = NativeMatrix.zeros(dataType, inChannels, (long) geometry.outHeight() * geometry.outWidth() * batch);
            this.product = NativeMatrix.zeros(dataType, geometry.channels(), ones.size(1));
            this.output = NativeMatrix.zeros(dataType, batch, outputFeatures);
        }

        @Override
        public INDArray forward(INDArray input)
        {
            inputs.of(input).transpose(batch, inputFeatures, this.input.blocks());
            transposed.apply(weights, weightBlocks, this.input.array(), this.input.blocks(), product.blocks());
            Gemm.gemm(bias, ones, product.array(), true, false, 1.0, 1.0);
            product.blocks().transpose(outputFeatures, batch, output.blocks());
            forwardDone = true;
            return output.array();
        }

        @Override
        public INDArray backward(INDArray outputGradient, boolean parameterGradients)
        {
            if (!forwardDone) {
                throw new IllegalStateException("backward before forward in " + Deconv2d.this);
            }
            if (gradient == null) {
                DataType dataType = output.array().dataType();
                gradient = NativeMatrix.zeros(dataType, geometry.channels(), ones.size(1));
                cols = NativeMatrix.zeros(dataType, geometry.columnRows(), input.array().size(1));
                inputGradientT = NativeMatrix.zeros(dataType, geometry.filters(), input.array().size(1));
                inputGradient = NativeMatrix.zeros(dataType, batch, inputFeatures);
            }
            outputGradients.of(outputGradient).transpose(batch, outputFeatures, gradient.blocks());
            columns.apply(gradient.blocks(), cols.blocks());
            if (parameterGradients) {
                Gemm.gemm(input.array(), cols.array(), weightGradients, false, true, 1.0, 0.0);
                Gemm.gemm(ones, gradient.array(), biasGradients, false, true, 1.0, 0.0);
            }
            Gemm.gemm(weights, cols.array(), inputGradientT.array(), false, false, 1.0, 0.0);
            inputGradientT.blocks().transpose(inputFeatures, batch, inputGradient.blocks());
            backwardDone = true;
            return inputGradient.array();
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
            inputTangents.of(inputTangent).transpose(batch, inputFeatures, tangents.input.blocks());
            transposed.apply(weights, weightBlocks, tangents.input.array(), tangents.input.blocks(), tangents.product.blocks());
            tangents.product.blocks().transpose(outputFeatures, batch, tangents.output.blocks());
            tangents.ready = true;
            return tangents.output.array();
        }

        @Override
        public INDArray backwardTangent(INDArray outputGradientTangent)
        {
            if (!backwardDone || tangents == null || !tangents.ready) {
                throw new IllegalStateException("backwardTangent before backward and forwardTangent in " + Deconv2d.this);
            }
            outputGradientTangents.of(outputGradientTangent).transpose(batch, outputFeatures, tangents.gradient.blocks());
            columns.apply(tangents.gradient.blocks(), tangents.cols.blocks());
            Gemm.gemm(tangents.input.array(), cols.array(), weightGradients, false, true, 1.0, 1.0);
            Gemm.gemm(input.array(), tangents.cols.array(), weightGradients, false, true, 1.0, 1.0);
            Gemm.gemm(ones, tangents.gradient.array(), biasGradients, false, true, 1.0, 1.0);
            Gemm.gemm(weights, tangents.cols.array(), tangents.inputGradientT.array(), false, false, 1.0, 0.0);
            tangents.inputGradientT.blocks().transpose(inputFeatures, batch, tangents.inputGradient.blocks());
            return tangents.inputGradient.array();
        }

        /** The buffers of the tangent passes, allocated only when a run uses double backpropagation. */
        private final class Tangents
        {
            private final NativeMatrix input;
            private final NativeMatrix product;
            private final NativeMatrix output;
            private final NativeMatrix gradient;
            private final NativeMatrix cols;
            private final NativeMatrix inputGradientT;
            private final NativeMatrix inputGradient;
            private boolean ready;

            Tangents(DataType dataType)
            {
                long inputPositions = Pass.this.input.array().size(1);
                this.input = NativeMatrix.zeros(dataType, geometry.filters(), inputPositions);
                this.product = NativeMatrix.zeros(dataType, geometry.channels(), ones.size(1));
                this.output = NativeMatrix.zeros(dataType, batch, outputFeatures);
                this.gradient = NativeMatrix.zeros(dataType, geometry.channels(), ones.size(1));
                this.cols = NativeMatrix.zeros(dataType, geometry.columnRows(), inputPositions);
                this.inputGradientT = NativeMatrix.zeros(dataType, geometry.filters(), inputPositions);
                this.inputGradient = NativeMatrix.zeros(dataType, batch, inputFeatures);
            }
        }
    }
}
