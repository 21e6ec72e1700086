package io.minimax.nn;

import io.minimax.nn.kernel.Gemm;
import io.minimax.nn.kernel.HostCopy;
import io.minimax.nn.kernel.RowKernels;
import io.minimax.spi.RandomSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.Arrays;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A fully connected layer {@code y = f(x·W + b)} with the activation {@code f} fused in: it is applied in place to
 * the layer's own output buffer, so it costs no buffer of its own.
 *
 * <p>Parameter layout within the layer's slice: {@code W} as {@code [inputSize, outputSize]} in row-major order,
 * then {@code b}. Initialisation follows PyTorch's {@code nn.Linear}: every weight and bias is drawn from
 * U(-1/√inputSize, 1/√inputSize).
 *
 * <p>Native calls per pass: forward two gemms ({@code y = 1·b}, then {@code y += x·W}) plus the activation (0 or 1);
 * backward the activation's derivative (0, 2 or 3), then {@code dW = xᵀ·δ} and {@code db = 1ᵀ·δ} (two gemms, skipped
 * without parameter gradients) and {@code dx = δ·Wᵀ} (one gemm). The products go straight to OpenBLAS
 * ({@link Gemm}); all results go into preallocated buffers or gradient views.
 *
 * <p>Double backpropagation (for gradient penalties) is forward-over-reverse: {@link Pass#forwardTangent} carries an
 * input direction ẋ through the layer (ȧ = ẋ·W, ẏ = f'(a)⊙ȧ), and {@link Pass#backwardTangent} differentiates the
 * backward pass along it: δ̇ = f''(a)⊙ȧ⊙γ + f'(a)⊙γ̇, then {@code dW += ẋᵀ·δ + xᵀ·δ̇}, {@code db += 1ᵀ·δ̇} and
 * {@code ẋ-gradient = δ̇·Wᵀ}. Exact, for any activation; its buffers are allocated on first use.
 */
public final class Dense
        implements Layer
{
    private static final boolean HOST_KERNELS = !"false".equals(System.getProperty("minimax.hostKernels"));
    // elements per block of host work: 16 KB of floats, so a block stays in the L1 cache between its passes
    private static final int CHUNK = 4096;

    private final long inputSize;
    private final long outputSize;
    private final Activation activation;

    public Dense(long inputSize, long outputSize, Activation activation)
    {
        if (inputSize <= 0 || outputSize <= 0) {
            throw new IllegalArgumentException("layer sizes must be > 0 (got " + inputSize + " -> " + outputSize + ")");
        }
        this.inputSize = inputSize;
        this.outputSize = outputSize;
        this.activation = requireNonNull(activation, "activation is null");
    }

    @Override
    public long inputSize()
    {
        return inputSize;
    }

    @Override
    public long outputSize()
    {
        return outputSize;
    }

    public Activation activation()
    {
        return activation;
    }

    @Override
    public long parameterCount()
    {
        return inputSize * outputSize + outputSize;
    }

    @Override
    public void initialize(INDArray parameters, RandomSource random)
    {
        checkSlice("parameters", parameters);
        // Weights and bias share the bound, so one draw over the whole slice does both.
        double bound = 1.0 / Math.sqrt(inputSize);
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
        return new Pass(parameters, gradients, batchSize);
    }

    @Override
    public boolean stackable()
    {
        return true;
    }

    @Override
    public Layer.Pass createStackedPass(List<INDArray> laneParameters, List<INDArray> laneGradients, long laneBatchSize)
    {
        if (laneParameters.isEmpty() || laneParameters.size() != laneGradients.size()) {
            throw new IllegalArgumentException("need one parameter and one gradient slice per lane (got "
                    + laneParameters.size() + " and " + laneGradients.size() + ")");
        }
        if (laneBatchSize <= 0) {
            throw new IllegalArgumentException("batch size must be > 0 (got " + laneBatchSize + ")");
        }
        laneParameters.forEach(slice -> checkSlice("parameters", slice));
        laneGradients.forEach(slice -> checkSlice("gradients", slice));
        return new StackedPass(laneParameters, laneGradients, laneBatchSize);
    }

    @Override
    public String toString()
    {
        return "Dense(" + inputSize + " -> " + outputSize + ", " + activation + ")";
    }

    /**
     * Host buffers when a pass can use them, else null: DOUBLE passes (the gradient checks) and activations without
     * host kernels run their element-wise work as ND4J ops. {@code -Dminimax.hostKernels=false} turns them off, to
     * measure the difference.
     */
    private HostBuffers hostBuffers(DataType dataType, long laneRows, int lanes)
    {
        return HOST_KERNELS && dataType == DataType.FLOAT && activation.hasHostKernels() ? new HostBuffers(laneRows, lanes) : null;
    }

    private INDArray weightsOf(INDArray slice)
    {
        return slice.get(NDArrayIndex.interval(0, 1), NDArrayIndex.interval(0, inputSize * outputSize))
                .reshape('c', inputSize, outputSize);
    }

    private INDArray biasOf(INDArray slice)
    {
        return slice.get(NDArrayIndex.interval(0, 1), NDArrayIndex.interval(inputSize * outputSize, parameterCount()));
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
        private final INDArray weights;
        // [1, outputSize], as are the bias gradients, the shape of onesᵀ·delta
        private final INDArray bias;
        private final INDArray weightGradients;
        private final INDArray biasGradients;
        // A column of ones [m, 1]: the bias broadcast is ones·b and the bias gradient the column sum of the delta,
        // onesᵀ·delta; two small products are far cheaper than a broadcast op and a reduction along dimension 0.
        private final INDArray ones;
        private final INDArray output;
        private final INDArray delta;
        private final INDArray inputGradient;
        private final HostBuffers host;
        private INDArray input;
        // kept from the last backward for the tangent pass: γ = dLoss/d(output) and δ = dLoss/d(pre-activation)
        private INDArray outputGradient;
        private INDArray preActivationGradient;
        private Tangents tangents;

        Pass(INDArray parameters, INDArray gradients, long batchSize)
        {
            DataType dataType = parameters.dataType();
            this.weights = weightsOf(parameters);
            this.bias = biasOf(parameters);
            this.weightGradients = weightsOf(gradients);
            this.biasGradients = biasOf(gradients);
            this.ones = Nd4j.ones(dataType, batchSize, 1);
            this.output = Nd4j.create(dataType, batchSize, outputSize);
            this.delta = Nd4j.create(dataType, batchSize, outputSize);
            this.inputGradient = Nd4j.create(dataType, batchSize, inputSize);
            this.host = hostBuffers(dataType, batchSize, 1);
        }

        @Override
        public INDArray forward(INDArray input)
        {
            this.input = input;
            if (host != null) {
                Gemm.gemm(input, weights, output, false, false, 1.0, 0.0);
                host.activate(output, new INDArray[] {bias});
                return output;
            }
            Gemm.gemm(ones, bias, output, false, false, 1.0, 0.0);
            Gemm.gemm(input, weights, output, false, false, 1.0, 1.0);
            activation.activateInPlace(output);
            return output;
        }

        @Override
        public INDArray backward(INDArray outputGradient, boolean parameterGradients)
        {
            if (input == null) {
                throw new IllegalStateException("backward before forward in " + Dense.this);
            }
            INDArray preActivationGradient = host != null ? host.backward(outputGradient, delta) : activation.backward(output, outputGradient, delta);
            this.outputGradient = outputGradient;
            this.preActivationGradient = preActivationGradient;
            if (parameterGradients) {
                Gemm.gemm(input, preActivationGradient, weightGradients, true, false, 1.0, 0.0);
                if (host != null) {
                    host.biasGradients(new INDArray[] {biasGradients});
                }
                else {
                    Gemm.gemm(ones, preActivationGradient, biasGradients, true, false, 1.0, 0.0);
                }
            }
            Gemm.gemm(preActivationGradient, weights, inputGradient, false, true, 1.0, 0.0);
            return inputGradient;
        }

        @Override
        public INDArray forwardTangent(INDArray inputTangent)
        {
            if (input == null) {
                throw new IllegalStateException("forwardTangent before forward in " + Dense.this);
            }
            if (tangents == null) {
                tangents = new Tangents(output.dataType(), output.size(0));
            }
            tangents.input = inputTangent;
            Gemm.gemm(inputTangent, weights, tangents.preActivation, false, false, 1.0, 0.0);
            return activation.backward(output, tangents.preActivation, tangents.output);
        }

        @Override
        public INDArray backwardTangent(INDArray outputGradientTangent)
        {
            if (outputGradient == null || tangents == null || tangents.input == null) {
                throw new IllegalStateException("backwardTangent before backward and forwardTangent in " + Dense.this);
            }
            INDArray preActivationGradientTangent = activation.backwardTangent(
                    output, tangents.preActivation, outputGradient, outputGradientTangent, tangents.delta, tangents.scratch);
            Gemm.gemm(tangents.input, preActivationGradient, weightGradients, true, false, 1.0, 1.0);
            Gemm.gemm(input, preActivationGradientTangent, weightGradients, true, false, 1.0, 1.0);
            Gemm.gemm(ones, preActivationGradientTangent, biasGradients, true, false, 1.0, 1.0);
            Gemm.gemm(preActivationGradientTangent, weights, tangents.inputGradient, false, true, 1.0, 0.0);
            return tangents.inputGradient;
        }
    }

    /**
     * R lanes of this layer: one product (two for the bias) per lane into its rows of shared buffers, and the
     * activation and its derivative once over all rows.
     */
    private final class StackedPass
            implements Layer.Pass
    {
        private final int lanes;
        private final INDArray[] weights;
        private final INDArray[] biases;
        private final INDArray[] weightGradients;
        private final INDArray[] biasGradients;
        private final INDArray ones;
        private final INDArray output;
        private final INDArray delta;
        private final INDArray inputGradient;
        private final RowBlocks blocks;
        private final INDArray[] outputBlocks;
        private final INDArray[] inputGradientBlocks;
        private final HostBuffers host;
        private INDArray input;

        StackedPass(List<INDArray> laneParameters, List<INDArray> laneGradients, long laneBatchSize)
        {
            this.lanes = laneParameters.size();
            this.weights = new INDArray[lanes];
            this.biases = new INDArray[lanes];
            this.weightGradients = new INDArray[lanes];
            this.biasGradients = new INDArray[lanes];
            for (int lane = 0; lane < lanes; lane++) {
                weights[lane] = weightsOf(laneParameters.get(lane));
                biases[lane] = biasOf(laneParameters.get(lane));
                weightGradients[lane] = weightsOf(laneGradients.get(lane));
                biasGradients[lane] = biasOf(laneGradients.get(lane));
            }
            DataType dataType = laneParameters.get(0).dataType();
            this.ones = Nd4j.ones(dataType, laneBatchSize, 1);
            this.output = Nd4j.create(dataType, lanes * laneBatchSize, outputSize);
            this.delta = Nd4j.create(dataType, lanes * laneBatchSize, outputSize);
            this.inputGradient = Nd4j.create(dataType, lanes * laneBatchSize, inputSize);
            this.blocks = new RowBlocks(lanes, laneBatchSize);
            this.outputBlocks = blocks.of(output);
            this.inputGradientBlocks = blocks.of(inputGradient);
            this.host = hostBuffers(dataType, laneBatchSize, lanes);
        }

        @Override
        public INDArray forward(INDArray input)
        {
            this.input = input;
            INDArray[] inputBlocks = blocks.of(input);
            if (host != null) {
                for (int lane = 0; lane < lanes; lane++) {
                    Gemm.gemm(inputBlocks[lane], weights[lane], outputBlocks[lane], false, false, 1.0, 0.0);
                }
                host.activate(output, biases);
                return output;
            }
            for (int lane = 0; lane < lanes; lane++) {
                Gemm.gemm(ones, biases[lane], outputBlocks[lane], false, false, 1.0, 0.0);
                Gemm.gemm(inputBlocks[lane], weights[lane], outputBlocks[lane], false, false, 1.0, 1.0);
            }
            activation.activateInPlace(output);
            return output;
        }

        @Override
        public INDArray backward(INDArray outputGradient, boolean parameterGradients)
        {
            if (input == null) {
                throw new IllegalStateException("backward before forward in " + Dense.this);
            }
            INDArray[] deltaBlocks = blocks.of(host != null ? host.backward(outputGradient, delta) : activation.backward(output, outputGradient, delta));
            INDArray[] inputBlocks = blocks.of(input);
            if (parameterGradients && host != null) {
                host.biasGradients(biasGradients);
            }
            for (int lane = 0; lane < lanes; lane++) {
                if (parameterGradients) {
                    Gemm.gemm(inputBlocks[lane], deltaBlocks[lane], weightGradients[lane], true, false, 1.0, 0.0);
                    if (host == null) {
                        Gemm.gemm(ones, deltaBlocks[lane], biasGradients[lane], true, false, 1.0, 0.0);
                    }
                }
                Gemm.gemm(deltaBlocks[lane], weights[lane], inputGradientBlocks[lane], false, true, 1.0, 0.0);
            }
            return inputGradient;
        }

        @Override
        public INDArray forwardTangent(INDArray inputTangent)
        {
            throw new UnsupportedOperationException("a stacked " + Dense.this + " has no tangent passes");
        }

        @Override
        public INDArray backwardTangent(INDArray outputGradientTangent)
        {
            throw new UnsupportedOperationException("a stacked " + Dense.this + " has no tangent passes");
        }
    }

    /**
     * The element-wise work of a FLOAT pass in Java on the heap ({@link Activation#hasHostKernels}): the bias, the
     * activation and its derivative, and the bias gradient as column sums, each one loop over a host copy, instead
     * of a rank-1 product and one to three ND4J ops. The activated output stays on the heap for the backward pass.
     * For R lanes of m rows, lane r's bias goes to rows r·m to (r+1)·m.
     */
    private final class HostBuffers
    {
        private final int laneRows;
        private final int lanes;
        private final int columns;
        private final int length;
        private final float[] output;
        private final float[] gradient;
        private final float[] delta;
        private final float[] row;
        private final int chunkRows;

        private HostBuffers(long laneRows, int lanes)
        {
            this.laneRows = Math.toIntExact(laneRows);
            this.lanes = lanes;
            this.columns = Math.toIntExact(outputSize);
            this.length = Math.multiplyExact(Math.multiplyExact(this.laneRows, lanes), columns);
            this.output = new float[length];
            this.gradient = new float[length];
            this.delta = new float[length];
            this.row = new float[columns];
            this.chunkRows = Math.max(1, CHUNK / columns);
        }

        /** {@code values} holds x·W for every lane; adds each lane's bias and applies the activation, in place. */
        void activate(INDArray values, INDArray[] laneBiases)
        {
            // row blocks of about CHUNK elements: each is copied in, computed and copied out while it is in cache
            for (int lane = 0; lane < lanes; lane++) {
                HostCopy.read(laneBiases[lane], row, columns);
                for (int firstRow = lane * laneRows; firstRow < (lane + 1) * laneRows; firstRow += chunkRows) {
                    int rows = Math.min(chunkRows, (lane + 1) * laneRows - firstRow);
                    int from = firstRow * columns;
                    HostCopy.read(values, from, output, rows * columns);
                    RowKernels.addRow(output, firstRow, rows, columns, row);
                    activation.activate(output, from, from + rows * columns);
                    HostCopy.write(output, from, rows * columns, values);
                }
            }
        }

        /** δ = f'⊙γ for the output of the last {@link #activate}, written into {@code target} and returned. */
        INDArray backward(INDArray outputGradient, INDArray target)
        {
            int chunk = chunkRows * columns;
            for (int from = 0; from < length; from += chunk) {
                int count = Math.min(chunk, length - from);
                HostCopy.read(outputGradient, from, gradient, count);
                activation.backward(output, gradient, delta, from, from + count);
                HostCopy.write(delta, from, count, target);
            }
            return target;
        }

        /** Each lane's bias gradient, the column sums of its rows of the last {@link #backward}'s δ. */
        void biasGradients(INDArray[] laneBiasGradients)
        {
            for (int lane = 0; lane < lanes; lane++) {
                RowKernels.columnSums(delta, lane * laneRows, laneRows, columns, row);
                HostCopy.write(row, columns, laneBiasGradients[lane]);
            }
        }
    }

    /** The buffers of the tangent passes, allocated only when a run uses double backpropagation. */
    private final class Tangents
    {
        private final INDArray preActivation;
        private final INDArray output;
        private final INDArray delta;
        private final INDArray scratch;
        private final INDArray inputGradient;
        private INDArray input;

        Tangents(DataType dataType, long batchSize)
        {
            this.preActivation = Nd4j.create(dataType, batchSize, outputSize);
            this.output = Nd4j.create(dataType, batchSize, outputSize);
            this.delta = Nd4j.create(dataType, batchSize, outputSize);
            this.scratch = Nd4j.create(dataType, batchSize, outputSize);
            this.inputGradient = Nd4j.create(dataType, batchSize, inputSize);
        }
    }
}
