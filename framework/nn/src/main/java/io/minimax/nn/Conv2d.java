package io.minimax.nn;

import io.minimax.nn.kernel.BlockCopies;
import io.minimax.nn.kernel.Gemm;
import io.minimax.spi.RandomSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.Arrays;

import static java.util.Objects.requireNonNull;

/**
 * A 2-D convolution with bias, {@code y[f] = b[f] + Σ_c W[f, c] ⋆ x[c]}, as PyTorch's {@code Conv2d}, on channels-last
 * images: from rows of H·W·C features to rows of OH·OW·F ({@link ConvGeometry}; {@link ChannelOrder} converts at the
 * edges of a network).
 *
 * <p>Parameter layout within the layer's slice: {@code W} as {@code [F, C, k, k]} in row-major order, then {@code b}.
 * Initialisation follows PyTorch: every weight and bias from U(-1/√(C·k²), 1/√(C·k²)).
 *
 * <p>A pass gathers the positions-first im2col matrix of its input (kept for the weight gradient) and multiplies,
 * straight into OpenBLAS ({@link Gemm}): {@code y = 1·bᵀ + cols·Kᵀ}, already the output's {@code [m·OH·OW, F]} pixel
 * matrix, with K the weights as {@code [F, (i, j, c)]} ({@link ConvolutionKernel}). Backward: {@code dKᵀ = colsᵀ·δ},
 * {@code db = 1ᵀ·δ}, and the input gradient {@code δ·K} summed back into the input's pixels (col2im, the adjoint of
 * the gather). The layer is linear in its input, so its tangent passes are the same products on the tangents: forward
 * {@code ẏ = cols(ẋ)·Kᵀ}, backward {@code dKᵀ += cols(x)ᵀ·δ̇ + cols(ẋ)ᵀ·δ}, {@code db += 1ᵀ·δ̇} and col2im of
 * {@code δ̇·K}.
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
        private final INDArray bias;
        private final INDArray biasGradients;
        private final ConvolutionKernel kernel;
        private final BlockCopies columns;
        // P ones, for the bias and its gradient
        private final INDArray ones;
        private final NativeMatrix cols;
        private final NativeMatrix output;
        private final INDArray outputRows;
        private final NativeMatrix.Reader inputs = new NativeMatrix.Reader();
        private final NativeMatrix.Reader inputTangents = new NativeMatrix.Reader();
        private final NativeMatrix.Reshaper outputGradients;
        private final NativeMatrix.Reshaper outputGradientTangents;
        private final int batch;
        private NativeMatrix outputGradient;
        private NativeMatrix gradientColumns;
        private NativeMatrix inputGradient;
        private boolean forwardDone;
        private boolean backwardDone;
        private Tangents tangents;

        Pass(INDArray parameters, INDArray gradients, int batch)
        {
            DataType dataType = parameters.dataType();
            int filters = geometry.filters();
            int rows = geometry.columnRows();
            int positions = geometry.positions(batch);
            this.batch = batch;
            this.bias = biasOf(parameters, (long) filters * rows, filters);
            this.biasGradients = biasOf(gradients, (long) filters * rows, filters);
            this.kernel = new ConvolutionKernel(geometry, weightsOf(parameters, filters, rows), weightsOf(gradients, filters, rows),
                    dataType);
            this.columns = geometry.columns(batch);
            this.ones = Nd4j.ones(dataType, positions, 1);
            this.cols = NativeMatrix.zeros(dataType, positions, rows);
            this.output = NativeMatrix.zeros(dataType, positions, filters);
            this.outputRows = output.array().reshape('c', batch, geometry.outputSize());
            this.outputGradients = new NativeMatrix.Reshaper(positions, filters);
            this.outputGradientTangents = new NativeMatrix.Reshaper(positions, filters);
        }

        @Override
        public INDArray forward(INDArray input)
        {
            kernel.refresh();
            columns.apply(inputs.of(input), cols.blocks());
            Gemm.gemm(cols.array(), kernel.matrix(), output.array(), false, true, 1.0, 0.0);
            Gemm.addToRows(ones, bias, output.array());
            forwardDone = true;
            return outputRows;
        }

        @Override
        public INDArray backward(INDArray outputGradient, boolean parameterGradients)
        {
            if (!forwardDone) {
                throw new IllegalStateException("backward before forward in " + Conv2d.this);
            }
            if (gradientColumns == null) {
                DataType dataType = output.array().dataType();
                gradientColumns = NativeMatrix.zeros(dataType, cols.array().size(0), cols.array().size(1));
                inputGradient = NativeMatrix.zeros(dataType, batch, geometry.inputSize());
            }
            parameterGradients(outputGradient, parameterGradients);
            Gemm.gemm(this.outputGradient.array(), kernel.matrix(), gradientColumns.array(), false, false, 1.0, 0.0);
            columns.applyAdjoint(gradientColumns.blocks(), inputGradient.blocks());
            return inputGradient.array();
        }

        @Override
        public void backwardToParameters(INDArray outputGradient)
        {
            if (!forwardDone) {
                throw new IllegalStateException("backward before forward in " + Conv2d.this);
            }
            parameterGradients(outputGradient, true);
        }

        /** Keeps δ for the tangent passes and, when asked, writes dW (through dKᵀ = colsᵀ·δ) and db = 1ᵀ·δ. */
        private void parameterGradients(INDArray outputGradient, boolean write)
        {
            this.outputGradient = outputGradients.of(outputGradient);
            if (write) {
                kernel.accumulateGradient(cols.array(), this.outputGradient.array(), true);
                kernel.writeGradient();
                Gemm.columnSums(ones, this.outputGradient.array(), biasGradients, 0.0);
            }
            backwardDone = true;
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
            columns.apply(inputTangents.of(inputTangent), tangents.cols.blocks());
            Gemm.gemm(tangents.cols.array(), kernel.matrix(), tangents.output.array(), false, true, 1.0, 0.0);
            tangents.ready = true;
            return tangents.outputRows;
        }

        @Override
        public INDArray backwardTangent(INDArray outputGradientTangent)
        {
            if (!backwardDone || tangents == null || !tangents.ready) {
                throw new IllegalStateException("backwardTangent before backward and forwardTangent in " + Conv2d.this);
            }
            INDArray gradientTangent = outputGradientTangents.of(outputGradientTangent).array();
            kernel.accumulateGradient(cols.array(), gradientTangent, true);
            kernel.accumulateGradient(tangents.cols.array(), outputGradient.array(), false);
            kernel.addGradient();
            Gemm.columnSums(ones, gradientTangent, biasGradients, 1.0);
            Gemm.gemm(gradientTangent, kernel.matrix(), tangents.gradientColumns.array(), false, false, 1.0, 0.0);
            columns.applyAdjoint(tangents.gradientColumns.blocks(), tangents.inputGradient.blocks());
            return tangents.inputGradient.array();
        }

        /** The buffers of the tangent passes, allocated only when a run uses double backpropagation. */
        private final class Tangents
        {
            private final NativeMatrix cols;
            private final NativeMatrix output;
            private final INDArray outputRows;
            private final NativeMatrix gradientColumns;
            private final NativeMatrix inputGradient;
            private boolean ready;

            Tangents(DataType dataType)
            {
                long positions = Pass.this.cols.array().size(0);
                this.cols = NativeMatrix.zeros(dataType, positions, geometry.columnRows());
                this.output = NativeMatrix.zeros(dataType, positions, geometry.filters());
                this.outputRows = output.array().reshape('c', batch, geometry.outputSize());
                this.gradientColumns = NativeMatrix.zeros(dataType, positions, geometry.columnRows());
                this.inputGradient = NativeMatrix.zeros(dataType, batch, geometry.inputSize());
            }
        }
    }
}
