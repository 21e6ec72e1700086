package io.minimax.nn;

import io.minimax.nn.kernel.Gemm;
import io.minimax.nn.kernel.HostCopy;
import io.minimax.plugin.support.HostScratch;
import io.minimax.nn.kernel.RowKernels;
import io.minimax.spi.RandomSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.nio.FloatBuffer;
import java.util.Arrays;

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
 * without parameter gradients) and {@code dx = δ·Wᵀ} (one gemm, skipped by {@link Layer.Pass#backwardToParameters}).
 * The products go straight to OpenBLAS ({@link Gemm}); all results go into preallocated buffers or gradient views.
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
    public String toString()
    {
        return "Dense(" + inputSize + " -> " + outputSize + ", " + activation + ")";
    }

    /**
     * Host buffers when a pass can use them, else null: DOUBLE passes (the gradient checks) and activations without
     * host kernels run their element-wise work as ND4J ops. {@code -Dminimax.hostKernels=false} turns them off, to
     * measure the difference.
     */
    private HostBuffers hostBuffers(DataType dataType, long rows)
    {
        return HOST_KERNELS && dataType == DataType.FLOAT && activation.hasHostKernels() ? new HostBuffers(rows) : null;
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
            this.host = hostBuffers(dataType, batchSize);
        }

        @Override
        public INDArray forward(INDArray input)
        {
            this.input = input;
            if (host != null) {
                Gemm.gemm(input, weights, output, false, false, 1.0, 0.0);
                host.activate(output, bias);
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
            Gemm.gemm(backPropagate(outputGradient, parameterGradients), weights, inputGradient, false, true, 1.0, 0.0);
            return inputGradient;
        }

        @Override
        public void backwardToParameters(INDArray outputGradient)
        {
            backPropagate(outputGradient, true);
        }

        /** δ, and with {@code parameterGradients} dW and db; returns δ, from which the input gradient is δ·Wᵀ. */
        private INDArray backPropagate(INDArray outputGradient, boolean parameterGradients)
        {
            if (input == null) {
                throw new IllegalStateException("backward before forward in " + Dense.this);
            }
            INDArray preActivationGradient = host != null
                    ? host.backward(output, outputGradient, delta, parameterGradients ? biasGradients : null)
                    : activation.backward(output, outputGradient, delta);
            this.outputGradient = outputGradient;
            this.preActivationGradient = preActivationGradient;
            if (parameterGradients) {
                Gemm.gemm(input, preActivationGradient, weightGradients, true, false, 1.0, 0.0);
                if (host == null) {
                    Gemm.gemm(ones, preActivationGradient, biasGradients, true, false, 1.0, 0.0);
                }
            }
            return preActivationGradient;
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
     * The element-wise work of a FLOAT pass in Java on the heap ({@link Activation#hasHostKernels}): the bias, the
     * activation and its derivative, and the bias gradient as column sums, each one loop over a host copy, instead
     * of a rank-1 product and one to three ND4J ops. Work goes in blocks of about {@value #CHUNK} elements, each
     * copied in, computed and copied out while it is in cache, in this thread's {@link HostScratch} arrays: one block
     * long and shared by every layer, so a pass adds nothing to the working set whatever the batch size.
     */
    private final class HostBuffers
    {
        // the slots of this thread's HostScratch a call uses
        private static final int OUTPUT = 0;
        private static final int GRADIENT = 1;
        private static final int DELTA = 2;
        private static final int ROW = 3;
        private static final int BIAS_BLOCK = 4;
        private static final int SUM_BLOCK = 5;

        private final int rows;
        private final int columns;
        private final int chunkRows;
        private final HostCopy.Buffers buffers = new HostCopy.Buffers();

        private HostBuffers(long rows)
        {
            this.rows = Math.toIntExact(rows);
            this.columns = Math.toIntExact(outputSize);
            this.chunkRows = Math.min(this.rows, Math.max(1, CHUNK / columns));
        }

        /** {@code values} holds x·W; adds the bias and applies the activation, in place. */
        void activate(INDArray values, INDArray bias)
        {
            HostScratch scratch = HostScratch.get();
            int block = chunkRows * columns;
            float[] output = scratch.floats(OUTPUT, block);
            float[] row = scratch.floats(ROW, columns);
            float[] biasBlock = scratch.floats(BIAS_BLOCK, block);
            HostCopy.read(buffers.of(bias), 0, row, 0, columns);
            RowKernels.repeatRow(row, chunkRows, columns, biasBlock);
            FloatBuffer valueBuffer = buffers.of(values);
            for (int firstRow = 0; firstRow < rows; firstRow += chunkRows) {
                int count = Math.min(chunkRows, rows - firstRow) * columns;
                int from = firstRow * columns;
                HostCopy.read(valueBuffer, from, output, 0, count);
                RowKernels.add(output, biasBlock, count);
                activation.activate(output, 0, count);
                HostCopy.write(output, 0, valueBuffer, from, count);
            }
        }

        /**
         * δ = f'⊙γ for the activated {@code output} of the last forward pass, written into {@code target} and
         * returned; with {@code biasGradients} non-null also the bias gradient there, the column sums of δ.
         */
        INDArray backward(INDArray activated, INDArray outputGradient, INDArray target, INDArray biasGradients)
        {
            HostScratch scratch = HostScratch.get();
            int block = chunkRows * columns;
            float[] output = scratch.floats(OUTPUT, block);
            float[] gradient = scratch.floats(GRADIENT, block);
            float[] delta = scratch.floats(DELTA, block);
            float[] sumBlock = scratch.floats(SUM_BLOCK, block);
            FloatBuffer activatedBuffer = buffers.of(activated);
            FloatBuffer gradientBuffer = buffers.of(outputGradient);
            FloatBuffer targetBuffer = buffers.of(target);
            java.util.Arrays.fill(sumBlock, 0, block, 0f);
            for (int firstRow = 0; firstRow < rows; firstRow += chunkRows) {
                int count = Math.min(chunkRows, rows - firstRow) * columns;
                int from = firstRow * columns;
                HostCopy.read(activatedBuffer, from, output, 0, count);
                HostCopy.read(gradientBuffer, from, gradient, 0, count);
                activation.backward(output, gradient, delta, 0, count);
                HostCopy.write(delta, 0, targetBuffer, from, count);
                RowKernels.add(sumBlock, delta, count);
            }
            if (biasGradients != null) {
                float[] row = scratch.floats(ROW, columns);
                RowKernels.columnSums(sumBlock, chunkRows, columns, row);
                HostCopy.write(row, 0, buffers.of(biasGradients), 0, columns);
            }
            return target;
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
