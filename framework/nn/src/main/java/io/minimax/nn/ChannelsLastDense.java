package io.minimax.nn;

import io.minimax.nn.kernel.NativeBlocks;
import io.minimax.spi.RandomSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static java.util.Objects.requireNonNull;

/**
 * A {@link Dense} layer on flattened channels-first images, {@code [C, H, W]}, fed the same images channels-last,
 * {@code [H, W, C]}: the {@link ChannelOrder} move and the flatten before it, without moving the images. Each pass
 * gathers the weights' rows into channels-last order ({@code C·H·W·n} floats, the size of one image's features times
 * the units, where the move would transpose the whole batch), multiplies, and scatters the weight gradient back. The
 * parameters keep the dense layer's layout (rows in channels-first order), so the network, its initialisation and its
 * checkpoints are the same as with the move; outputs and gradients differ by rounding, as the sums over the features
 * go in channels-last order.
 */
public final class ChannelsLastDense
        implements Layer
{
    private final Dense dense;
    private final int channels;
    private final int positions;

    /** {@code dense} reads {@code channels × positions} features channels-first (positions = H·W). */
    public ChannelsLastDense(Dense dense, int channels, int positions)
    {
        this.dense = requireNonNull(dense, "dense is null");
        if (channels <= 0 || positions <= 0 || (long) channels * positions != dense.inputSize()) {
            throw new IllegalArgumentException("channels x positions must be the dense layer's " + dense.inputSize() + " inputs (got "
                    + channels + " x " + positions + ")");
        }
        this.channels = channels;
        this.positions = positions;
    }

    @Override
    public long inputSize()
    {
        return dense.inputSize();
    }

    @Override
    public long outputSize()
    {
        return dense.outputSize();
    }

    @Override
    public long parameterCount()
    {
        return dense.parameterCount();
    }

    @Override
    public void initialize(INDArray parameters, RandomSource random)
    {
        dense.initialize(parameters, random);
    }

    @Override
    public Layer.Pass createPass(INDArray parameters, INDArray gradients, long batchSize)
    {
        return new Pass(parameters, gradients, batchSize);
    }

    @Override
    public String toString()
    {
        return "ChannelsLast" + dense + " of " + channels + " channels x " + positions;
    }

    /**
     * For each parameter of the channels-last layout, its index in the dense layer's: weight row p·C + c is row
     * c·P + p; the bias stays where it is.
     */
    private int[] channelsLastOrder()
    {
        int units = Math.toIntExact(dense.outputSize());
        int[] order = new int[Math.toIntExact(dense.parameterCount())];
        for (int p = 0; p < positions; p++) {
            for (int c = 0; c < channels; c++) {
                int row = p * channels + c;
                int original = c * positions + p;
                for (int unit = 0; unit < units; unit++) {
                    order[row * units + unit] = original * units + unit;
                }
            }
        }
        for (int i = channels * positions * units; i < order.length; i++) {
            order[i] = i;
        }
        return order;
    }

    private final class Pass
            implements Layer.Pass
    {
        private final int[] order;
        private final int[] inverse;
        private final NativeBlocks parameters;
        private final NativeBlocks gradients;
        private final NativeBlocks permutedParameters;
        private final NativeBlocks permutedGradients;
        private final Layer.Pass pass;

        Pass(INDArray parameters, INDArray gradients, long batchSize)
        {
            this.order = channelsLastOrder();
            this.inverse = new int[order.length];
            for (int i = 0; i < order.length; i++) {
                inverse[order[i]] = i;
            }
            INDArray permuted = Nd4j.create(parameters.dataType(), 1, order.length);
            INDArray permutedGradient = Nd4j.create(parameters.dataType(), 1, order.length);
            this.parameters = NativeBlocks.of(parameters);
            this.gradients = NativeBlocks.of(gradients);
            this.permutedParameters = NativeBlocks.of(permuted);
            this.permutedGradients = NativeBlocks.of(permutedGradient);
            this.pass = dense.createPass(permuted, permutedGradient, batchSize);
        }

        @Override
        public INDArray forward(INDArray input)
        {
            parameters.gather(order, permutedParameters);
            return pass.forward(input);
        }

        @Override
        public INDArray backward(INDArray outputGradient, boolean parameterGradients)
        {
            INDArray inputGradient = pass.backward(outputGradient, parameterGradients);
            if (parameterGradients) {
                permutedGradients.gather(inverse, gradients);
            }
            return inputGradient;
        }

        @Override
        public void backwardToParameters(INDArray outputGradient)
        {
            pass.backwardToParameters(outputGradient);
            permutedGradients.gather(inverse, gradients);
        }

        @Override
        public INDArray forwardTangent(INDArray inputTangent)
        {
            return pass.forwardTangent(inputTangent);
        }

        @Override
        public INDArray backwardTangent(INDArray outputGradientTangent)
        {
            // the dense pass adds to the gradient it holds: it must hold the network's, in its order
            gradients.gather(order, permutedGradients);
            INDArray inputGradientTangent = pass.backwardTangent(outputGradientTangent);
            permutedGradients.gather(inverse, gradients);
            return inputGradientTangent;
        }
    }
}
