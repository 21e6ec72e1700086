package io.minimax.nn;

import io.minimax.nn.kernel.NativeBlocks;
import io.minimax.spi.RandomSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;

/**
 * Batch normalization (Ioffe and Szegedy, 2015) as PyTorch's {@code BatchNorm1d}/{@code BatchNorm2d}: each of C
 * channels, over the m samples of a batch and the S positions of its channel ({@code [C, H, W]} images: S = H·W; flat
 * features: C features, S = 1), is normalized and scaled, {@code y = γ·(x - μ)/√(σ² + ε) + β}.
 *
 * <p>Training passes use the batch's mean and (biased) variance and fold them into the running statistics, held in the
 * network's state vector: {@code r ← (1 - momentum)·r + momentum·batch value}, with the unbiased variance, as PyTorch
 * does. Inference passes ({@link Layer.Pass#forward(INDArray, boolean)}) use the running statistics and leave them
 * alone. Parameters: γ (initially 1), then β (0); state: the running means (0), then the running variances (1).
 *
 * <p>The arithmetic runs in Java on {@code double} copies of the arrays, whatever the network's type. No double
 * backpropagation: the penalties' tangent passes are not implemented for batch statistics, and the framework refuses a
 * gradient penalty on a network with this layer when it validates the descriptor.
 */
public final class BatchNorm
        implements Layer
{
    public static final double MOMENTUM = 0.1;
    public static final double EPSILON = 1e-5;

    private final int channels;
    private final int positions;

    /** Normalizes {@code channels} channels of {@code positions} features each (1 for flat features). */
    public BatchNorm(int channels, int positions)
    {
        if (channels <= 0 || positions <= 0) {
            throw new IllegalArgumentException("channels and positions must be > 0 (got " + channels + ", " + positions + ")");
        }
        this.channels = channels;
        this.positions = positions;
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
        return new Pass(parameters, gradients, state, Math.toIntExact(batchSize));
    }

    @Override
    public String toString()
    {
        return "BatchNorm(" + channels + " channels x " + positions + ")";
    }

    private final class Pass
            implements Layer.Pass
    {
        private final int batch;
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
        // x̂ of the last forward pass, then scratch for the gradients; the values are rows of [C, S] blocks
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
        private boolean forwardDone;
        private boolean training;

        Pass(INDArray parameters, INDArray gradients, INDArray state, int batch)
        {
            this.batch = batch;
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
            if (positions == 1) {
                // flat features: one pass per row, over the channels, which the JIT vectorises
                for (int b = 0; b < batch; b++) {
                    int start = b * channels;
                    for (int c = 0; c < channels; c++) {
                        double normal = (normalized[start + c] - mean[c]) * inverseDeviation[c];
                        normalized[start + c] = normal;
                        values[start + c] = scaleShift[c] * normal + scaleShift[channels + c];
                    }
                }
            }
            else {
                for (int b = 0; b < batch; b++) {
                    for (int c = 0; c < channels; c++) {
                        int start = (b * channels + c) * positions;
                        double shift = mean[c];
                        double scale = inverseDeviation[c];
                        double gamma = scaleShift[c];
                        double beta = scaleShift[channels + c];
                        for (int i = start; i < start + positions; i++) {
                            double normal = (normalized[i] - shift) * scale;
                            normalized[i] = normal;
                            values[i] = gamma * normal + beta;
                        }
                    }
                }
            }
            outputBlocks.write(values, length);
            forwardDone = true;
            return output;
        }

        @Override
        public INDArray backward(INDArray outputGradient, boolean parameterGradients)
        {
            if (!forwardDone) {
                throw new IllegalStateException("backward before forward in " + BatchNorm.this);
            }
            outputGradients.of(outputGradient).read(values, length);
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
            if (positions == 1) {
                for (int b = 0; b < batch; b++) {
                    int start = b * channels;
                    for (int c = 0; c < channels; c++) {
                        values[start + c] = scales[c] * (values[start + c] - meanGradients[c] - normalized[start + c] * meanProducts[c]);
                    }
                }
            }
            else {
                for (int b = 0; b < batch; b++) {
                    for (int c = 0; c < channels; c++) {
                        int start = (b * channels + c) * positions;
                        double scale = scales[c];
                        double meanGradient = meanGradients[c];
                        double meanProduct = meanProducts[c];
                        for (int i = start; i < start + positions; i++) {
                            values[i] = scale * (values[i] - meanGradient - normalized[i] * meanProduct);
                        }
                    }
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
            if (positions == 1) {
                for (int sample = 0; sample < batch; sample++) {
                    int start = sample * channels;
                    for (int c = 0; c < channels; c++) {
                        target[c] += a[start + c];
                    }
                    if (b != null) {
                        for (int c = 0; c < channels; c++) {
                            target[channels + c] += a[start + c] * b[start + c];
                        }
                    }
                }
                return;
            }
            for (int sample = 0; sample < batch; sample++) {
                for (int c = 0; c < channels; c++) {
                    int start = (sample * channels + c) * positions;
                    double sum = 0;
                    double product = 0;
                    for (int i = start; i < start + positions; i++) {
                        sum += a[i];
                        if (b != null) {
                            product += a[i] * b[i];
                        }
                    }
                    target[c] += sum;
                    target[channels + c] += product;
                }
            }
        }

        /** {@code target[c] = Σ (x - center[c])²} over channel c. */
        private void centeredSquares(double[] x, double[] center, double[] target)
        {
            Arrays.fill(target, 0);
            if (positions == 1) {
                for (int sample = 0; sample < batch; sample++) {
                    int start = sample * channels;
                    for (int c = 0; c < channels; c++) {
                        double centered = x[start + c] - center[c];
                        target[c] += centered * centered;
                    }
                }
                return;
            }
            for (int sample = 0; sample < batch; sample++) {
                for (int c = 0; c < channels; c++) {
                    int start = (sample * channels + c) * positions;
                    double shift = center[c];
                    double sum = 0;
                    for (int i = start; i < start + positions; i++) {
                        double centered = x[i] - shift;
                        sum += centered * centered;
                    }
                    target[c] += sum;
                }
            }
        }
    }
}
