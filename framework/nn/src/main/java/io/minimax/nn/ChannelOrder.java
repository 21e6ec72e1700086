package io.minimax.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Moves images between the two orders of their features: channels-first, {@code [C, H, W]} (PyTorch's, what data
 * sources give and networks return, and the order a flatten or a dense layer reads), and channels-last,
 * {@code [H, W, C]}, the order the convolution layers and image batch normalization work in ({@link ConvGeometry}).
 * A per-sample transpose between {@code [C, S]} and {@code [S, C]}, S = H·W: the network computes the same function
 * as with channels-first layers throughout, and the builders insert one only where the two kinds of layer meet.
 * Linear, so its tangents move the same way.
 */
public final class ChannelOrder
        implements ParameterFreeLayer
{
    private final int channels;
    private final int positions;
    private final boolean toChannelsLast;

    private ChannelOrder(int channels, int positions, boolean toChannelsLast)
    {
        if (channels <= 0 || positions <= 0) {
            throw new IllegalArgumentException("channels and positions must be > 0 (got " + channels + ", " + positions + ")");
        }
        this.channels = channels;
        this.positions = positions;
        this.toChannelsLast = toChannelsLast;
    }

    /** From {@code [C, S]} to {@code [S, C]} per sample. */
    public static ChannelOrder toChannelsLast(int channels, int positions)
    {
        return new ChannelOrder(channels, positions, true);
    }

    /** From {@code [S, C]} to {@code [C, S]} per sample. */
    public static ChannelOrder toChannelsFirst(int channels, int positions)
    {
        return new ChannelOrder(channels, positions, false);
    }

    /** Whether images of this many channels and positions look the same in both orders (one channel or one pixel). */
    public static boolean sameInBothOrders(long channels, long positions)
    {
        return channels == 1 || positions == 1;
    }

    @Override
    public long inputSize()
    {
        return (long) channels * positions;
    }

    @Override
    public Layer.Pass createPass(INDArray parameters, INDArray gradients, long batchSize)
    {
        return new Pass(parameters.dataType(), Math.toIntExact(batchSize));
    }

    @Override
    public String toString()
    {
        return "ChannelOrder(" + channels + " channels x " + positions + (toChannelsLast ? " to channels-last)" : " to channels-first)");
    }

    private final class Pass
            implements Layer.Pass
    {
        private final int batch;
        private final NativeMatrix output;
        private final NativeMatrix inputGradient;
        private final NativeMatrix.Reader inputs = new NativeMatrix.Reader();
        private final NativeMatrix.Reader outputGradients = new NativeMatrix.Reader();
        private final NativeMatrix.Reader inputTangents = new NativeMatrix.Reader();
        private final NativeMatrix.Reader outputGradientTangents = new NativeMatrix.Reader();
        private NativeMatrix outputTangent;
        private NativeMatrix inputGradientTangent;

        Pass(DataType dataType, int batch)
        {
            this.batch = batch;
            this.output = NativeMatrix.zeros(dataType, batch, inputSize());
            this.inputGradient = NativeMatrix.zeros(dataType, batch, inputSize());
        }

        @Override
        public INDArray forward(INDArray input)
        {
            reorder(inputs, input, output, true);
            return output.array();
        }

        @Override
        public INDArray backward(INDArray outputGradient, boolean parameterGradients)
        {
            reorder(outputGradients, outputGradient, inputGradient, false);
            return inputGradient.array();
        }

        @Override
        public INDArray forwardTangent(INDArray inputTangent)
        {
            if (outputTangent == null) {
                outputTangent = NativeMatrix.zeros(output.array().dataType(), batch, inputSize());
                inputGradientTangent = NativeMatrix.zeros(output.array().dataType(), batch, inputSize());
            }
            reorder(inputTangents, inputTangent, outputTangent, true);
            return outputTangent.array();
        }

        @Override
        public INDArray backwardTangent(INDArray outputGradientTangent)
        {
            if (inputGradientTangent == null) {
                throw new IllegalStateException("backwardTangent before forwardTangent in " + ChannelOrder.this);
            }
            reorder(outputGradientTangents, outputGradientTangent, inputGradientTangent, false);
            return inputGradientTangent.array();
        }

        /** Forward ({@code forward}) or back through this layer's permutation. */
        private void reorder(NativeMatrix.Reader reader, INDArray source, NativeMatrix target, boolean forward)
        {
            boolean channelsFirstSource = forward == toChannelsLast;
            reader.of(source).transposeEach(batch, channelsFirstSource ? channels : positions, channelsFirstSource ? positions : channels,
                    target.blocks());
        }
    }
}
