package io.minimax.nn;

import io.minimax.nn.kernel.BlockCopies;
import io.minimax.nn.kernel.Gemm;
import io.minimax.nn.kernel.HostCopy;
import io.minimax.plugin.support.NativeArrays;
import io.minimax.spi.RandomSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.nio.FloatBuffer;
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
 * <p>A pass gathers the positions-first im2col matrix of its input and multiplies, straight into the BLAS
 * ({@link Gemm}): {@code y = 1·bᵀ + cols·Kᵀ}, already the output's {@code [m·OH·OW, F]} pixel matrix, with K the
 * weights as {@code [F, (i, j, c)]} ({@link ConvolutionKernel}). Backward: {@code dKᵀ = colsᵀ·δ}, {@code db = 1ᵀ·δ},
 * and the input gradient {@code δ·K} summed back into the input's pixels (col2im, the adjoint of the gather). Both
 * passes go chunk by chunk of the batch ({@link SampleChunks}): a chunk's im2col is gathered, multiplied and summed
 * back while it is in the cache, and gathered again for the weight gradient rather than kept, so dKᵀ and db are sums
 * over the chunks. An activation given to the layer is applied to each chunk's output there too, and its derivative
 * to each chunk's output gradient ({@code δ = f'(y)⊙γ}). Linear in its input, so the tangent passes are the same
 * products on the tangents: forward {@code ȧ = cols(ẋ)·Kᵀ}, backward {@code dKᵀ += cols(x)ᵀ·δ̇ + cols(ẋ)ᵀ·δ},
 * {@code db += 1ᵀ·δ̇} and col2im of {@code δ̇·K}, with the activation's own tangents around them.
 */
public final class Conv2d
        implements Layer
{
    private final ConvGeometry geometry;
    private final Activation activation;

    public Conv2d(ConvGeometry geometry)
    {
        this(geometry, Activation.identity());
    }

    /**
     * A convolution followed by {@code activation}, applied to each chunk of the output while it is in the cache (and
     * its derivative to the output gradient), where a separate activation layer would pass over the whole batch's
     * output twice more.
     */
    public Conv2d(ConvGeometry geometry, Activation activation)
    {
        this.geometry = requireNonNull(geometry, "geometry is null");
        this.activation = requireNonNull(activation, "activation is null");
    }

    public ConvGeometry geometry()
    {
        return geometry;
    }

    public Activation activation()
    {
        return activation;
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
        return "Conv2d(" + geometry + (activation == Activation.identity() ? "" : ", " + activation) + ")";
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
        // the whole batch's im2col, for the tangent passes
        private final BlockCopies columns;
        private final SampleChunks chunks;
        // chunk c's im2col (the same object for chunks of one size)
        private final BlockCopies[] chunkColumns;
        // P ones, for the bias and its gradient
        private final INDArray ones;
        // one chunk's im2col, then its δ·K: gathered, multiplied and summed back before the next chunk's
        private final NativeMatrix[] chunkCols;
        private final NativeMatrix[] gradientColumns;
        private final NativeMatrix output;
        private final NativeMatrix[] chunkOutputs;
        private final INDArray outputRows;
        private final NativeMatrix.Reshaper inputs;
        private final ChunkRows chunkInputs;
        private final NativeMatrix.Reader inputTangents = new NativeMatrix.Reader();
        private final NativeMatrix.Reshaper outputGradients;
        private final ChunkRows chunkOutputGradients;
        private final NativeMatrix.Reshaper outputGradientTangents;
        private final int batch;
        private final int outputsPerSample;
        // with an activation: dLoss/d(pre-activation), chunk by chunk; the activation's loops on FLOAT, in Java
        private final boolean activated;
        private final HostActivation host;
        private final FloatBuffer outputFloats;
        private final HostCopy.Buffers buffers = new HostCopy.Buffers();
        private NativeMatrix preActivationGradient;
        private NativeMatrix[] chunkPreActivationGradients;
        private NativeMatrix input;
        // δ: dLoss/d(pre-activation), the output gradient itself without an activation
        private NativeMatrix outputGradient;
        private NativeMatrix activationOutputGradient;
        private NativeMatrix inputGradient;
        private NativeMatrix[] chunkInputGradients;
        private boolean forwardDone;
        private boolean backwardDone;
        private Tangents tangents;

        Pass(INDArray parameters, INDArray gradients, int batch, long chunkBytes)
        {
            DataType dataType = parameters.dataType();
            int filters = geometry.filters();
            int rows = geometry.columnRows();
            int positions = geometry.positions(batch);
            this.batch = batch;
            this.outputsPerSample = Math.toIntExact(geometry.outputSize());
            this.bias = biasOf(parameters, (long) filters * rows, filters);
            this.biasGradients = biasOf(gradients, (long) filters * rows, filters);
            this.kernel = new ConvolutionKernel(geometry, weightsOf(parameters, filters, rows), weightsOf(gradients, filters, rows),
                    dataType);
            int perSample = geometry.positions(1);
            this.columns = geometry.columns(batch);
            this.chunks = SampleChunks.of(batch, (long) perSample * rows * dataType.width(), chunkBytes);
            this.chunkColumns = chunks.columns(geometry);
            this.ones = Nd4j.ones(dataType, positions, 1);
            this.chunkCols = chunks.buffers(dataType, perSample, rows);
            this.gradientColumns = chunks.buffers(dataType, perSample, rows);
            this.output = NativeMatrix.zeros(dataType, positions, filters);
            this.chunkOutputs = new ChunkRows(chunks, perSample).of(output);
            this.outputRows = output.array().reshape('c', batch, geometry.outputSize());
            this.inputs = new NativeMatrix.Reshaper(batch, geometry.inputSize());
            this.chunkInputs = new ChunkRows(chunks, 1);
            this.outputGradients = new NativeMatrix.Reshaper(positions, filters);
            this.chunkOutputGradients = new ChunkRows(chunks, perSample);
            this.outputGradientTangents = new NativeMatrix.Reshaper(positions, filters);
            this.activated = activation != Activation.identity();
            this.host = activated && dataType == DataType.FLOAT && activation.hasHostKernels() ? new HostActivation(activation) : null;
            this.outputFloats = host == null ? null : NativeArrays.floats(output.array());
        }

        @Override
        public INDArray forward(INDArray input)
        {
            kernel.refresh();
            this.input = inputs.of(input);
            NativeMatrix[] chunkInput = chunkInputs.of(this.input);
            for (int c = 0; c < chunks.count(); c++) {
                chunkColumns[c].apply(chunkInput[c].blocks(), chunkCols[c].blocks());
                Gemm.gemm(chunkCols[c].array(), kernel.matrix(), chunkOutputs[c].array(), false, true, 1.0, 0.0);
                Gemm.addToRows(ones, bias, chunkOutputs[c].array());
                if (host != null) {
                    host.activate(outputFloats, outputFloats, chunks.first(c) * outputsPerSample, chunks.end(c) * outputsPerSample);
                }
                else if (activated) {
                    activation.activateInPlace(chunkOutputs[c].array());
                }
            }
            forwardDone = true;
            return outputRows;
        }

        @Override
        public INDArray backward(INDArray outputGradient, boolean parameterGradients)
        {
            if (!forwardDone) {
                throw new IllegalStateException("backward before forward in " + Conv2d.this);
            }
            if (inputGradient == null) {
                inputGradient = NativeMatrix.zeros(output.array().dataType(), batch, geometry.inputSize());
                chunkInputGradients = new ChunkRows(chunks, 1).of(inputGradient);
            }
            backPropagate(outputGradient, parameterGradients, true);
            return inputGradient.array();
        }

        @Override
        public void backwardToParameters(INDArray outputGradient)
        {
            if (!forwardDone) {
                throw new IllegalStateException("backward before forward in " + Conv2d.this);
            }
            backPropagate(outputGradient, true, false);
        }

        /**
         * Keeps δ for the tangent passes; chunk by chunk (with an activation, δ = f'⊙ the output gradient first), when
         * asked, adds the chunk's {@code colsᵀ·δ} to dKᵀ and its {@code 1ᵀ·δ} to db (its im2col gathered again, not
         * kept from the forward pass: a whole batch's is several times the cache) and sums {@code δ·K} back into the
         * input gradient; then writes dW.
         */
        private void backPropagate(INDArray outputGradient, boolean parameterGradients, boolean inputGradients)
        {
            if (activated && preActivationGradient == null) {
                preActivationGradient = NativeMatrix.zeros(output.array().dataType(), output.array().size(0), output.array().size(1));
                chunkPreActivationGradients = new ChunkRows(chunks, geometry.positions(1)).of(preActivationGradient);
            }
            NativeMatrix[] chunkInput = chunkInputs.of(input);
            activationOutputGradient = outputGradients.of(outputGradient);
            NativeMatrix[] chunkOutputGradient = chunkOutputGradients.of(activationOutputGradient);
            this.outputGradient = activated ? preActivationGradient : activationOutputGradient;
            NativeMatrix[] delta = activated ? chunkPreActivationGradients : chunkOutputGradient;
            FloatBuffer gradientFloats = host == null ? null : buffers.of(activationOutputGradient.array());
            FloatBuffer deltaFloats = host == null ? null : buffers.of(preActivationGradient.array());
            for (int c = 0; c < chunks.count(); c++) {
                if (host != null) {
                    host.backward(outputFloats, gradientFloats, deltaFloats, chunks.first(c) * outputsPerSample,
                            chunks.end(c) * outputsPerSample);
                }
                else if (activated) {
                    INDArray result = activation.backward(chunkOutputs[c].array(), chunkOutputGradient[c].array(), delta[c].array());
                    if (result != delta[c].array()) {
                        delta[c].array().assign(result);
                    }
                }
                if (parameterGradients) {
                    chunkColumns[c].apply(chunkInput[c].blocks(), chunkCols[c].blocks());
                    kernel.accumulateGradient(chunkCols[c].array(), delta[c].array(), c == 0);
                    Gemm.columnSums(ones, delta[c].array(), biasGradients, c == 0 ? 0.0 : 1.0);
                }
                if (inputGradients) {
                    Gemm.gemm(delta[c].array(), kernel.matrix(), gradientColumns[c].array(), false, false, 1.0, 0.0);
                    chunkColumns[c].applyAdjoint(gradientColumns[c].blocks(), chunkInputGradients[c].blocks());
                }
            }
            if (parameterGradients) {
                kernel.writeGradient();
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
            if (!activated) {
                return tangents.outputRows;
            }
            // ẏ = f'(a)⊙ȧ, f' read from the output y
            INDArray tangent = activation.backward(output.array(), tangents.output.array(), tangents.activated.array());
            return tangent.reshape('c', batch, geometry.outputSize());
        }

        @Override
        public INDArray backwardTangent(INDArray outputGradientTangent)
        {
            if (!backwardDone || tangents == null || !tangents.ready) {
                throw new IllegalStateException("backwardTangent before backward and forwardTangent in " + Conv2d.this);
            }
            INDArray gradientTangent = outputGradientTangents.of(outputGradientTangent).array();
            if (activated) {
                // δ̇ = f'⊙γ̇ + f''(a)·ȧ⊙γ, with γ the output gradient of the backward pass
                gradientTangent = activation.backwardTangent(output.array(), tangents.output.array(), activationOutputGradient.array(),
                        gradientTangent, tangents.activated.array(), tangents.scratch.array());
            }
            columns.apply(input.blocks(), tangents.inputCols.blocks());
            kernel.accumulateGradient(tangents.inputCols.array(), gradientTangent, true);
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
            // the whole batch's im2col of the input and of its tangent
            private final NativeMatrix inputCols;
            private final NativeMatrix cols;
            // ȧ, the pre-activation tangent (ẏ itself without an activation)
            private final NativeMatrix output;
            private final INDArray outputRows;
            private final NativeMatrix activated;
            private final NativeMatrix scratch;
            private final NativeMatrix gradientColumns;
            private final NativeMatrix inputGradient;
            private boolean ready;

            Tangents(DataType dataType)
            {
                long positions = geometry.positions(batch);
                this.inputCols = NativeMatrix.zeros(dataType, positions, geometry.columnRows());
                this.cols = NativeMatrix.zeros(dataType, positions, geometry.columnRows());
                this.output = NativeMatrix.zeros(dataType, positions, geometry.filters());
                this.outputRows = output.array().reshape('c', batch, geometry.outputSize());
                this.activated = NativeMatrix.zeros(dataType, positions, geometry.filters());
                this.scratch = NativeMatrix.zeros(dataType, positions, geometry.filters());
                this.gradientColumns = NativeMatrix.zeros(dataType, positions, geometry.columnRows());
                this.inputGradient = NativeMatrix.zeros(dataType, batch, geometry.inputSize());
            }
        }
    }
}
