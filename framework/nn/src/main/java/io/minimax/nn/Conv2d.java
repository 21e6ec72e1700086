package io.minimax.nn;

import io.minimax.nn.kernel.BlockCopies;
import io.minimax.nn.kernel.Gemm;
import io.minimax.nn.kernel.NativeBlocks;
import io.minimax.spi.RandomSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.Arrays;

import static java.util.Objects.requireNonNull;

/**
 * A 2-D convolution with bias, {@code y[f] = b[f] + Σ_c W[f, c] ⋆ x[c]}, as PyTorch's {@code Conv2d}: from rows of
 * C·H·W features to rows of F·OH·OW, both channel-major ({@link ConvGeometry}).
 *
 * <p>Parameter layout within the layer's slice: {@code W} as {@code [F, C, k, k]} in row-major order, then {@code b}.
 * Initialisation follows PyTorch: every weight and bias from U(-1/√(C·k²), 1/√(C·k²)).
 *
 * <p>A pass transposes its input to channels-first with the batch innermost, gathers the im2col matrix (kept for the
 * weight gradient) and multiplies: {@code y = W·cols + b·1ᵀ}, straight into OpenBLAS ({@link Gemm}); then transposes
 * back. Backward: {@code dW = δ·colsᵀ}, {@code db = δ·1}, and the input gradient as a {@link TransposedConvolution}.
 * The layer is linear in its input, so its tangent passes are the same products on the tangents: forward
 * {@code ẏ = W·cols(ẋ)}, backward {@code dW += δ̇·cols(x)ᵀ + δ·cols(ẋ)ᵀ}, {@code db += δ̇·1} and the transposed
 * convolution of δ̇.
 */
public final class Conv2d
        implements Layer
{
    private final ConvGeometry geometry;

    public Conv2d(ConvGeometry geometry)
    {
        this.geometry = requireNonNull(geometry, "geometry is null");
    }

    public ConvGeometry geometry()
    {
        return geometry;
    }

    @Override
    public long inputSize()
    {
        return geometry.inputSize();
    }

    @Override
    public long outputSize()
    {
        return geometry.outputSize();
    }

    @Override
    public long parameterCount()
    {
        return (long) geometry.filters() * geometry.columnRows() + geometry.filters();
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
        return "Conv2d(" + geometry + ")";
    }

    private void checkSlice(String name, INDArray slice)
    {
        if (slice.rank() != 2 || slice.size(0) != 1 || slice.size(1) != parameterCount()) {
            throw new IllegalArgumentException(name + " must be [1, " + parameterCount() + "] for " + this
                    + " (got " + Arrays.toString(slice.shape()) + ")");
        }
    }

    static INDArray weightsOf(INDArray slice, long rows, long columns)
    {
        return slice.get(NDArrayIndex.interval(0, 1), NDArrayIndex.interval(0, rows * columns)).reshape('c', rows, columns);
    }

    static INDArray biasOf(INDArray slice, long weights, long count)
    {
        return slice.get(NDArrayIndex.interval(0, 1), NDArrayIndex.interval(weights, weights + count));
    }

    private final class Pass
            implements Layer.Pass
    {
        private final int batch;
        private final int imageFeatures;
        private final int outputFeatures;
        private final INDArray weights;
        private final NativeBlocks weightBlocks;
        private final INDArray bias;
        private final INDArray weightGradients;
        private final INDArray biasGradients;
        private final INDArray ones;
        private final BlockCopies columns;
        private final NativeMatrix input;
        private final NativeMatrix cols;
        private final NativeMatrix product;
        private final NativeMatrix output;
        // one per argument: each caches the blocks of the array last handed in that place
        private final NativeMatrix.Reader inputs = new NativeMatrix.Reader();
        private final NativeMatrix.Reader outputGradients = new NativeMatrix.Reader();
        private final NativeMatrix.Reader inputTangents = new NativeMatrix.Reader();
        private final NativeMatrix.Reader outputGradientTangents = new NativeMatrix.Reader();
        private NativeMatrix gradient;
        private NativeMatrix inputGradientT;
        private NativeMatrix inputGradient;
        private TransposedConvolution transposed;
        private boolean forwardDone;
        private boolean backwardDone;
        private Tangents tangents;

        Pass(INDArray parameters, INDArray gradients, int batch)
        {
            DataType dataType = parameters.dataType();
            int filters = geometry.filters();
            int rows = geometry.columnRows();
            this.batch = batch;
            this.imageFeatures = geometry.inputSize();
            this.outputFeatures = geometry.outputSize();
            this.weights = weightsOf(parameters, filters, rows);
            this.weightBlocks = NativeBlocks.of(weights);
            this.bias = biasOf(parameters, (long) filters * rows, filters);
            this.weightGradients = weightsOf(gradients, filters, rows);
            this.biasGradients = biasOf(gradients, (long) filters * rows, filters);
            long positions = (long) geometry.outHeight() * geometry.outWidth() * batch;
            this.ones = Nd4j.ones(dataType, 1, positions);
            this.columns = geometry.columns(batch);
            this.input = NativeMatrix.zeros(dataType, imageFeatures, batch);
            this.cols = NativeMatrix.zeros(dataType, rows, positions);
            this.product = NativeMatrix.zeros(dataType, filters, positions);
            this.output = NativeMatrix.zeros(dataType, batch, outputFeatures);
        }

        @Override
        public INDArray forward(INDArray input)
        {
            inputs.of(input).transpose(batch, imageFeatures, this.input.blocks());
            columns.apply(this.input.blocks(), cols.blocks());
            Gemm.gemm(bias, ones, product.array(), true, false, 1.0, 0.0);
            Gemm.gemm(weights, cols.array(), product.array(), false, false, 1.0, 1.0);
            product.blocks().transpose(outputFeatures, batch, output.blocks());
            forwardDone = true;
            return output.array();
        }

        @Override
        public INDArray backward(INDArray outputGradient, boolean parameterGradients)
        {
            if (!forwardDone) {
                throw new IllegalStateException("backward before forward in " + Conv2d.this);
            }
            if (gradient == null) {
                DataType dataType = output.array().dataType();
                gradient = NativeMatrix.zeros(dataType, geometry.filters(), ones.size(1));
                inputGradientT = NativeMatrix.zeros(dataType, imageFeatures, batch);
                inputGradient = NativeMatrix.zeros(dataType, batch, imageFeatures);
                transposed = new TransposedConvolution(geometry, batch, dataType);
            }
            outputGradients.of(outputGradient).transpose(batch, outputFeatures, gradient.blocks());
            if (parameterGradients) {
                Gemm.gemm(gradient.array(), cols.array(), weightGradients, false, true, 1.0, 0.0);
                Gemm.gemm(ones, gradient.array(), biasGradients, false, true, 1.0, 0.0);
            }
            transposed.apply(weights, weightBlocks, gradient.array(), gradient.blocks(), inputGradientT.blocks());
            inputGradientT.blocks().transpose(imageFeatures, batch, inputGradient.blocks());
            backwardDone = true;
            return inputGradient.array();
        }

        @Override
        public INDArray forwardTangent(INDArray inputTangent)
        {
            if (!forwardDone) {
                throw new IllegalStateException("forwardTangent before forward in " + Conv2d.this);
            }
            if (tangents == null) {
                tangents = new Tangents(output.array().dataType());
            }
            inputTangents.of(inputTangent).transpose(batch, imageFeatures, tangents.input.blocks());
            columns.apply(tangents.input.blocks(), tangents.cols.blocks());
            Gemm.gemm(weights, tangents.cols.array(), tangents.product.array(), false, false, 1.0, 0.0);
            tangents.product.blocks().transpose(outputFeatures, batch, tangents.output.blocks());
            tangents.ready = true;
            return tangents.output.array();
        }

        @Override
        public INDArray backwardTangent(INDArray outputGradientTangent)
        {
            if (!backwardDone || tangents == null || !tangents.ready) {
                throw new IllegalStateException("backwardTangent before backward and forwardTangent in " + Conv2d.this);
            }
            outputGradientTangents.of(outputGradientTangent).transpose(batch, outputFeatures, tangents.gradient.blocks());
            Gemm.gemm(tangents.gradient.array(), cols.array(), weightGradients, false, true, 1.0, 1.0);
            Gemm.gemm(gradient.array(), tangents.cols.array(), weightGradients, false, true, 1.0, 1.0);
            Gemm.gemm(ones, tangents.gradient.array(), biasGradients, false, true, 1.0, 1.0);
            transposed.apply(weights, weightBlocks, tangents.gradient.array(), tangents.gradient.blocks(),
                    tangents.inputGradientT.blocks());
            tangents.inputGradientT.blocks().transpose(imageFeatures, batch, tangents.inputGradient.blocks());
            return tangents.inputGradient.array();
        }

        /** The buffers of the tangent passes, allocated only when a run uses double backpropagation. */
        private final class Tangents
        {
            private final NativeMatrix input;
            private final NativeMatrix cols;
            private final NativeMatrix product;
            private final NativeMatrix output;
            private final NativeMatrix gradient;
            private final NativeMatrix inputGradientT;
            private final NativeMatrix inputGradient;
            private boolean ready;

            Tangents(DataType dataType)
            {
                long positions = ones.size(1);
                this.input = NativeMatrix.zeros(dataType, imageFeatures, batch);
                this.cols = NativeMatrix.zeros(dataType, geometry.columnRows(), positions);
                this.product = NativeMatrix.zeros(dataType, geometry.filters(), positions);
                this.output = NativeMatrix.zeros(dataType, batch, outputFeatures);
                this.gradient = NativeMatrix.zeros(dataType, geometry.filters(), positions);
                this.inputGradientT = NativeMatrix.zeros(dataType, imageFeatures, batch);
                this.inputGradient = NativeMatrix.zeros(dataType, batch, imageFeatures);
            }
        }
    }
}
