package io.minimax.nn;

import io.minimax.nn.kernel.HostCopy;
import io.minimax.nn.kernel.NativeBlocks;
import io.minimax.plugin.support.NativeArrays;
import io.minimax.spi.RandomSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.FloatBuffer;
import java.util.Arrays;

/**
 * Batch normalization (Ioffe and Szegedy, 2015) as PyTorch's {@code BatchNorm1d}/{@code BatchNorm2d}: each of C
 * channels, over the m samples of a batch and the S positions of its channel (channels-last images, rows of
 * {@code [H, W, C]}: S = H·W; flat features: C features, S = 1), is normalized and scaled,
 * {@code y = γ·(x - μ)/√(σ² + ε) + β}. Either way the batch is a {@code [m·S, C]} matrix, a channel one of its columns.
 *
 * <p>Training passes use the batch's mean and (biased) variance and fold them into the running statistics, held in the
 * network's state vector: {@code r ← (1 - momentum)·r + momentum·batch value}, with the unbiased variance, as PyTorch
 * does. Inference passes ({@link Layer.Pass#forward(INDArray, boolean)}) use the running statistics and leave them
 * alone. Parameters: γ (initially 1), then β (0); state: the running means (0), then the running variances (1).
 *
 * <p>The arithmetic runs in Java on heap copies of the arrays: in {@code float} with {@code double} sums for FLOAT
 * networks (the sums over m·S values are where single precision would lose digits), all in {@code double} for DOUBLE
 * ones (the finite-difference checks). No double
 * backpropagation: the penalties' tangent passes are not implemented for batch statistics, and the framework refuses a
 * gradient penalty on a network with this layer when it validates the descriptor.
 *
 * <p>An element-wise activation that follows the layer can be fused in ({@code y = f(γ·x̂ + β)}), as {@link Dense} fuses
 * its own: the FLOAT pass applies it while the normalized values are in the cache and, going back, recomputes
 * {@code f(γ·x̂ + β)} from the input to take f' from it, so the activation costs no pass over the batch of its own
 * (at a DCGAN's sizes the batch is several times a core's L2 cache, and each pass over it goes to memory). The values
 * are those of the two layers one after the other, bit for bit.
 */
public final class BatchNorm
        implements Layer
{
    public static final double MOMENTUM = 0.1;
    public static final double EPSILON = 1e-5;
    // rows a float partial sum holds before it is added to the double one: short enough to keep float's rounding
    // error far below the statistics' own sampling noise
    private static final int ROWS_PER_SUM = 16;

    private final int channels;
    private final int positions;
    private final Activation activation;

    /** Normalizes {@code channels} channels of {@code positions} features each (1 for flat features). */
    public BatchNorm(int channels, int positions)
    {
        this(channels, positions, Activation.identity());
    }

    /**
     * Normalizes as {@link #BatchNorm(int, int)}, then applies {@code activation}, which must have host kernels
     * ({@link Activation#hasHostKernels}) unless it is the identity.
     */
    public BatchNorm(int channels, int positions, Activation activation)
    {
        if (channels <= 0 || positions <= 0) {
            throw new IllegalArgumentException("channels and positions must be > 0 (got " + channels + ", " + positions + ")");
        }
        if (activation != Activation.identity() && !activation.hasHostKernels()) {
            throw new IllegalArgumentException("batch normalization can fuse only activations with host kernels (got " + activation + ")");
        }
        this.channels = channels;
        this.positions = positions;
        this.activation = activation;
    }

    private boolean fused()
    {
        return activation != Activation.identity();
    }

    @Override
    public long inputSize()
    {
        return (long) channels * positions;
    }

    @Override
    public long outputSize()
    {
        return inputSize();
    }

    @Override
    public long parameterCount()
    {
        return 2L * channels;
    }

    @Override
    public void initialize(INDArray parameters, RandomSource random)
    {
        double[] values = new double[2 * channels];
        Arrays.fill(values, 0, channels, 1.0);
        parameters.assign(Nd4j.createFromArray(values).castTo(parameters.dataType()).reshape(1, 2L * channels));
    }

    @Override
    public long stateCount()
    {
        return 2L * channels;
    }

    @Override
    public void initializeState(INDArray state)
    {
        double[] values = new double[2 * channels];
        Arrays.fill(values, channels, 2 * channels, 1.0);
        state.assign(Nd4j.createFromArray(values).castTo(state.dataType()).reshape(1, 2L * channels));
    }

    @Override
    public boolean supportsDoubleBackpropagation()
    {
        return false;
    }

    @Override
    public Layer.Pass createPass(INDArray parameters, INDArray gradients, long batchSize)
    {
        throw new IllegalArgumentException(this + " keeps running statistics: it needs a slice of the state vector");
    }

    @Override
    public Layer.Pass createPass(INDArray parameters, INDArray gradients, INDArray state, long batchSize)
    {
        for (INDArray slice : new INDArray[] {parameters, gradients, state}) {
            if (slice.rank() != 2 || slice.size(0) != 1 || slice.size(1) != 2L * channels) {
                throw new IllegalArgumentException("slices must be [1, " + 2 * channels + "] for " + this + " (got "
                        + Arrays.toString(slice.shape()) + ")");
            }
        }
        return parameters.dataType() == DataType.FLOAT
                ? new FloatPass(parameters, gradients, state, Math.toIntExact(batchSize))
                : new Pass(parameters, gradients, state, Math.toIntExact(batchSize));
    }

    @Override
    public String toString()
    {
        return "BatchNorm(" + channels + " channels x " + positions + (fused() ? ", " + activation : "") + ")";
    }

    private final class Pass
            implements Layer.Pass
    {
        private final int batch;
        // rows of the [m·S, C] matrix
        private final int pixels;
        private final int length;
        private final INDArray output;
        private final INDArray inputGradient;
        private final NativeBlocks parameters;
        private final NativeBlocks gradients;
        private final NativeBlocks state;
        private final NativeBlocks outputBlocks;
        private final NativeBlocks inputGradientBlocks;
        private final NativeMatrix.Reader inputs = new NativeMatrix.Reader();
        private final NativeMatrix.Reader outputGradients = new NativeMatrix.Reader();
        // x̂ of the last forward pass, then scratch for the gradients; [m·S, C] in row-major order
        private final double[] normalized;
        private final double[] values;
        private final double[] scaleShift = new double[2 * channels];
        private final double[] statistics = new double[2 * channels];
        private final double[] mean = new double[channels];
        private final double[] inverseDeviation = new double[channels];
        private final double[] sums = new double[2 * channels];
        private final double[] scales = new double[channels];
        private final double[] meanGradients = new double[channels];
        private final double[] meanProducts = new double[channels];
        private INDArray activationGradient;
        private boolean forwardDone;
        private boolean training;

        Pass(INDArray parameters, INDArray gradients, INDArray state, int batch)
        {
            this.batch = batch;
            this.pixels = Math.multiplyExact(batch, positions);
            this.length = Math.multiplyExact(batch, channels * positions);
            this.output = Nd4j.create(parameters.dataType(), batch, (long) channels * positions);
            this.inputGradient = Nd4j.create(parameters.dataType(), batch, (long) channels * positions);
            this.parameters = NativeBlocks.of(parameters);
            this.gradients = NativeBlocks.of(gradients);
            this.state = NativeBlocks.of(state);
            this.outputBlocks = NativeBlocks.of(output);
            this.inputGradientBlocks = NativeBlocks.of(inputGradient);
            this.normalized = new double[length];
            this.values = new double[length];
        }

        @Override
        public INDArray forward(INDArray input)
        {
            return forward(input, true);
        }

        @Override
        public INDArray forward(INDArray input, boolean training)
        {
            this.training = training;
            inputs.of(input).read(normalized, length);
            parameters.read(scaleShift, 2 * channels);
            state.read(statistics, 2 * channels);
            double count = (double) batch * positions;
            if (training) {
                channelSums(normalized, null, sums);
                for (int c = 0; c < channels; c++) {
                    mean[c] = sums[c] / count;
                }
                centeredSquares(normalized, mean, sums);
                for (int c = 0; c < channels; c++) {
                    double variance = sums[c] / count;
                    inverseDeviation[c] = 1 / Math.sqrt(variance + EPSILON);
                    double unbiased = count > 1 ? variance * count / (count - 1) : variance;
                    statistics[c] = (1 - MOMENTUM) * statistics[c] + MOMENTUM * mean[c];
                    statistics[channels + c] = (1 - MOMENTUM) * statistics[channels + c] + MOMENTUM * unbiased;
                }
                state.write(statistics, 2 * channels);
            }
            else {
                for (int c = 0; c < channels; c++) {
                    mean[c] = statistics[c];
                    inverseDeviation[c] = 1 / Math.sqrt(statistics[channels + c] + EPSILON);
                }
            }
            // one pass per pixel, over the channels, which the JIT vectorises
            for (int pixel = 0; pixel < pixels; pixel++) {
                int start = pixel * channels;
                for (int c = 0; c < channels; c++) {
                    double normal = (normalized[start + c] - mean[c]) * inverseDeviation[c];
                    normalized[start + c] = normal;
                    values[start + c] = scaleShift[c] * normal + scaleShift[channels + c];
                }
            }
            outputBlocks.write(values, length);
            if (fused()) {
                activation.activateInPlace(output);
            }
            forwardDone = true;
            return output;
        }

        @Override
        public INDArray backward(INDArray outputGradient, boolean parameterGradients)
        {
            if (!forwardDone) {
                throw new IllegalStateException("backward before forward in " + BatchNorm.this);
            }
            if (fused()) {
                if (activationGradient == null) {
                    activationGradient = Nd4j.create(output.dataType(), output.shape());
                }
            }
            INDArray normalizedGradient = fused() ? activation.backward(output, outputGradient, activationGradient) : outputGradient;
            outputGradients.of(normalizedGradient).read(values, length);
            // sums[c] = Σ γ_out, sums[C + c] = Σ γ_out·x̂: the gradients of β and γ
            channelSums(values, normalized, sums);
            if (parameterGradients) {
                double[] parameterGradient = new double[2 * channels];
                for (int c = 0; c < channels; c++) {
                    parameterGradient[c] = sums[channels + c];
                    parameterGradient[channels + c] = sums[c];
                }
                gradients.write(parameterGradient, 2 * channels);
            }
            double count = (double) batch * positions;
            for (int c = 0; c < channels; c++) {
                scales[c] = scaleShift[c] * inverseDeviation[c];
                meanGradients[c] = training ? sums[c] / count : 0;
                meanProducts[c] = training ? sums[channels + c] / count : 0;
            }
            for (int pixel = 0; pixel < pixels; pixel++) {
                int start = pixel * channels;
                for (int c = 0; c < channels; c++) {
                    values[start + c] = scales[c] * (values[start + c] - meanGradients[c] - normalized[start + c] * meanProducts[c]);
                }
            }
            inputGradientBlocks.write(values, length);
            return inputGradient;
        }

        @Override
        public INDArray forwardTangent(INDArray inputTangent)
        {
            throw new UnsupportedOperationException(BatchNorm.this + " does not support double backpropagation");
        }

        @Override
        public INDArray backwardTangent(INDArray outputGradientTangent)
        {
            throw new UnsupportedOperationException(BatchNorm.this + " does not support double backpropagation");
        }

        /** {@code target[c] = Σ a} over channel c, and with {@code b}, {@code target[C + c] = Σ a·b}. */
        private void channelSums(double[] a, double[] b, double[] target)
        {
            Arrays.fill(target, 0);
            for (int pixel = 0; pixel < pixels; pixel++) {
                int start = pixel * channels;
                for (int c = 0; c < channels; c++) {
                    target[c] += a[start + c];
                }
                if (b != null) {
                    for (int c = 0; c < channels; c++) {
                        target[channels + c] += a[start + c] * b[start + c];
                    }
                }
            }
        }

        /** {@code target[c] = Σ (x - center[c])²} over channel c. */
        private void centeredSquares(double[] x, double[] center, double[] target)
        {
            Arrays.fill(target, 0);
            for (int pixel = 0; pixel < pixels; pixel++) {
                int start = pixel * channels;
                for (int c = 0; c < channels; c++) {
                    double centered = x[start + c] - center[c];
                    target[c] += centered * centered;
                }
            }
        }
    }

    /**
     * The FLOAT pass, streaming: the {@code [m·S, C]} matrix is read in chunks of rows that stay in the L1 cache, twice
     * forward (the statistics, then the normalized values written out) and twice backward, and never copied whole (a
     * DCGAN's batch norm sees 800k values, several times a core's L2 cache). Sums are of {@code float} groups of
     * {@value #ROWS_PER_SUM} rows, which the JIT vectorises, added up in {@code double}; the variance is computed in
     * one pass from values shifted by the first row, which keeps the cancellation of E[x²] - E[x]² small. A chunk of
     * one row (more than {@value #CHUNK} channels: flat features after a wide dense layer) is a group of one row, whose
     * float sum is the row itself: it is added to the double sums directly.
     */
    private final class FloatPass
            implements Layer.Pass
    {
        private static final int CHUNK = 8192;

        private final int pixels;
        private final int rowsPerChunk;
        private final INDArray output;
        private final INDArray inputGradient;
        private final FloatBuffer outputBuffer;
        private final FloatBuffer inputGradientBuffer;
        private final NativeBlocks parameters;
        private final NativeBlocks gradients;
        private final NativeBlocks state;
        private final HostCopy.Buffers buffers = new HostCopy.Buffers();
        private final float[] first;
        private final float[] second;
        private final float[] result;
        private final double[] scaleShift = new double[2 * channels];
        private final double[] statistics = new double[2 * channels];
        private final double[] sums = new double[2 * channels];
        private final double[] parameterGradient = new double[2 * channels];
        private final float[] pivot = new float[channels];
        private final float[] mean = new float[channels];
        private final float[] inverseDeviation = new float[channels];
        // per channel: y = (x - μ)·scale + shift, and δx = δ·gradientScale + (x - μ)·slope + gradientShift
        private final float[] scale = new float[channels];
        private final float[] shift = new float[channels];
        private final float[] gradientScale = new float[channels];
        private final float[] gradientShift = new float[channels];
        private final float[] slope = new float[channels];
        private final float[] partial = new float[2 * channels];
        // the per-channel coefficients repeated for every row of a chunk: the element-wise loops then run over a whole
        // chunk at once, which the JIT vectorises, where a loop over one row of 64 channels mostly ran its scalar tail;
        // those of y are the last forward pass's, which the backward pass recomputes y with for the fused activation's f'
        private final float[] meanRows;
        private final float[] scaleRows;
        private final float[] shiftRows;
        private final float[] gradientScaleRows;
        private final float[] gradientShiftRows;
        private final float[] slopeRows;
        private INDArray input;
        private boolean training;

        FloatPass(INDArray parameters, INDArray gradients, INDArray state, int batch)
        {
            this.pixels = Math.multiplyExact(batch, positions);
            this.rowsPerChunk = Math.max(1, CHUNK / channels);
            this.output = Nd4j.create(DataType.FLOAT, batch, (long) channels * positions);
            this.inputGradient = Nd4j.create(DataType.FLOAT, batch, (long) channels * positions);
            this.outputBuffer = NativeArrays.floats(output);
            this.inputGradientBuffer = NativeArrays.floats(inputGradient);
            this.parameters = NativeBlocks.of(parameters);
            this.gradients = NativeBlocks.of(gradients);
            this.state = NativeBlocks.of(state);
            int chunk = rowsPerChunk * channels;
            this.first = new float[chunk];
            this.second = new float[chunk];
            this.result = new float[chunk];
            this.meanRows = new float[chunk];
            this.scaleRows = new float[chunk];
            this.shiftRows = new float[chunk];
            this.gradientScaleRows = new float[chunk];
            this.gradientShiftRows = new float[chunk];
            this.slopeRows = new float[chunk];
        }

        /** Fills {@code rows} with {@code values} once per row of a chunk. */
        private void repeatPerRow(float[] values, float[] rows)
        {
            for (int start = 0; start < rows.length; start += channels) {
                System.arraycopy(values, 0, rows, start, channels);
            }
        }

        @Override
        public INDArray forward(INDArray input)
        {
            return forward(input, true);
        }

        @Override
        public INDArray forward(INDArray input, boolean training)
        {
            this.training = training;
            this.input = input;
            FloatBuffer x = buffers.of(input);
            parameters.read(scaleShift, 2 * channels);
            state.read(statistics, 2 * channels);
            if (training) {
                x.get(0, pivot, 0, channels);
                Arrays.fill(sums, 0);
                for (int firstRow = 0; firstRow < pixels; firstRow += rowsPerChunk) {
                    int rows = Math.min(rowsPerChunk, pixels - firstRow);
                    x.get(firstRow * channels, first, 0, rows * channels);
                    if (rowsPerChunk == 1) {
                        addShiftedRow();
                    }
                    else {
                        addShiftedGroups(rows);
                    }
                }
                double count = pixels;
                for (int c = 0; c < channels; c++) {
                    double shiftedMean = sums[c] / count;
                    double batchMean = pivot[c] + shiftedMean;
                    double variance = Math.max(0, sums[channels + c] / count - shiftedMean * shiftedMean);
                    mean[c] = (float) batchMean;
                    inverseDeviation[c] = (float) (1 / Math.sqrt(variance + EPSILON));
                    double unbiased = count > 1 ? variance * count / (count - 1) : variance;
                    statistics[c] = (1 - MOMENTUM) * statistics[c] + MOMENTUM * batchMean;
                    statistics[channels + c] = (1 - MOMENTUM) * statistics[channels + c] + MOMENTUM * unbiased;
                }
                state.write(statistics, 2 * channels);
            }
            else {
                for (int c = 0; c < channels; c++) {
                    mean[c] = (float) statistics[c];
                    inverseDeviation[c] = (float) (1 / Math.sqrt(statistics[channels + c] + EPSILON));
                }
            }
            for (int c = 0; c < channels; c++) {
                scale[c] = (float) (scaleShift[c] * inverseDeviation[c]);
                shift[c] = (float) scaleShift[channels + c];
            }
            repeatPerRow(mean, meanRows);
            repeatPerRow(scale, scaleRows);
            repeatPerRow(shift, shiftRows);
            for (int firstRow = 0; firstRow < pixels; firstRow += rowsPerChunk) {
                int count = Math.min(rowsPerChunk, pixels - firstRow) * channels;
                x.get(firstRow * channels, first, 0, count);
                normalize(count);
                outputBuffer.put(firstRow * channels, result, 0, count);
            }
            return output;
        }

        /** The statistics' sums of a one-row chunk in {@code first}: its float values, shifted, added in double. */
        private void addShiftedRow()
        {
            for (int c = 0; c < channels; c++) {
                float shifted = first[c] - pivot[c];
                sums[c] += shifted;
                sums[channels + c] += shifted * shifted;
            }
        }

        /** The statistics' sums of {@code rows} rows in {@code first}: float sums of groups, added in double. */
        private void addShiftedGroups(int rows)
        {
            for (int group = 0; group < rows; group += ROWS_PER_SUM) {
                Arrays.fill(partial, 0f);
                int end = Math.min(rows, group + ROWS_PER_SUM) * channels;
                for (int start = group * channels; start < end; start += channels) {
                    for (int c = 0; c < channels; c++) {
                        float shifted = first[start + c] - pivot[c];
                        partial[c] += shifted;
                        partial[channels + c] += shifted * shifted;
                    }
                }
                for (int i = 0; i < 2 * channels; i++) {
                    sums[i] += partial[i];
                }
            }
        }

        /** {@code result = f((first - μ)·scale + shift)} for the first {@code count} values of a chunk. */
        private void normalize(int count)
        {
            for (int i = 0; i < count; i++) {
                result[i] = (first[i] - meanRows[i]) * scaleRows[i] + shiftRows[i];
            }
            if (fused()) {
                activation.activate(result, 0, count);
            }
        }

        @Override
        public INDArray backward(INDArray outputGradient, boolean parameterGradients)
        {
            if (input == null) {
                throw new IllegalStateException("backward before forward in " + BatchNorm.this);
            }
            FloatBuffer x = buffers.of(input);
            FloatBuffer delta = buffers.of(outputGradient);
            // sums[c] = Σ δ, sums[C + c] = Σ δ·x̂: the gradients of β and γ (δ the gradient of γ·x̂ + β, through f)
            Arrays.fill(sums, 0);
            for (int firstRow = 0; firstRow < pixels; firstRow += rowsPerChunk) {
                int rows = Math.min(rowsPerChunk, pixels - firstRow);
                readGradientChunk(x, delta, firstRow * channels, rows * channels);
                if (rowsPerChunk == 1) {
                    for (int c = 0; c < channels; c++) {
                        float gradient = second[c];
                        sums[c] += gradient;
                        sums[channels + c] += gradient * ((first[c] - mean[c]) * inverseDeviation[c]);
                    }
                    continue;
                }
                for (int group = 0; group < rows; group += ROWS_PER_SUM) {
                    Arrays.fill(partial, 0f);
                    int end = Math.min(rows, group + ROWS_PER_SUM) * channels;
                    for (int start = group * channels; start < end; start += channels) {
                        for (int c = 0; c < channels; c++) {
                            float gradient = second[start + c];
                            partial[c] += gradient;
                            partial[channels + c] += gradient * ((first[start + c] - mean[c]) * inverseDeviation[c]);
                        }
                    }
                    for (int i = 0; i < 2 * channels; i++) {
                        sums[i] += partial[i];
                    }
                }
            }
            if (parameterGradients) {
                for (int c = 0; c < channels; c++) {
                    parameterGradient[c] = sums[channels + c];
                    parameterGradient[channels + c] = sums[c];
                }
                gradients.write(parameterGradient, 2 * channels);
            }
            double count = pixels;
            // δx = γ/σ·(δ - mean δ - x̂·mean δx̂), the means only over batch statistics: δ·k + (x - μ)·u + v per channel
            for (int c = 0; c < channels; c++) {
                double k = scaleShift[c] * inverseDeviation[c];
                double meanGradient = training ? sums[c] / count : 0;
                double meanProduct = training ? sums[channels + c] / count : 0;
                gradientScale[c] = (float) k;
                gradientShift[c] = (float) (-k * meanGradient);
                slope[c] = (float) (-k * meanProduct * inverseDeviation[c]);
            }
            repeatPerRow(gradientScale, gradientScaleRows);
            repeatPerRow(gradientShift, gradientShiftRows);
            repeatPerRow(slope, slopeRows);
            for (int firstRow = 0; firstRow < pixels; firstRow += rowsPerChunk) {
                int length = Math.min(rowsPerChunk, pixels - firstRow) * channels;
                readGradientChunk(x, delta, firstRow * channels, length);
                for (int i = 0; i < length; i++) {
                    result[i] = second[i] * gradientScaleRows[i] + (first[i] - meanRows[i]) * slopeRows[i] + gradientShiftRows[i];
                }
                inputGradientBuffer.put(firstRow * channels, result, 0, length);
            }
            return inputGradient;
        }

        /**
         * Reads a chunk of the input into {@code first} and of the output gradient into {@code second}, and with a fused
         * activation turns the latter into the gradient of {@code γ·x̂ + β}: f' from the output, recomputed into
         * {@code result} exactly as the forward pass computed it.
         */
        private void readGradientChunk(FloatBuffer x, FloatBuffer delta, int from, int length)
        {
            x.get(from, first, 0, length);
            delta.get(from, second, 0, length);
            if (fused()) {
                normalize(length);
                activation.backward(result, second, second, 0, length);
            }
        }

        @Override
        public INDArray forwardTangent(INDArray inputTangent)
        {
            throw new UnsupportedOperationException(BatchNorm.this + " does not support double backpropagation");
        }

        @Override
        public INDArray backwardTangent(INDArray outputGradientTangent)
        {
            throw new UnsupportedOperationException(BatchNorm.this + " does not support double backpropagation");
        }
    }
}
