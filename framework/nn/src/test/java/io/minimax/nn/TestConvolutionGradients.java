package io.minimax.nn;

import io.minimax.plugin.support.SeededRandomSource;
import io.minimax.testkit.DoubleBackpropagationCheck;
import io.minimax.testkit.NetworkGradientCheck;
import io.minimax.testkit.TestNetworks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Finite-difference checks of the image layers, input and parameter gradients, and of the tangent passes of the
 * convolutions (double backpropagation), over geometries that exercise padding, strides, uneven sizes and kernels
 * larger than the stride, gathers of long runs (many channels) and of short ones (copied on the heap), and the
 * moves between channel orders.
 */
class TestConvolutionGradients
{
    static Stream<Arguments> geometries()
    {
        return Stream.of(
                Arguments.of(new ConvGeometry(2, 5, 5, 3, 3, 1, 1)),
                Arguments.of(new ConvGeometry(2, 6, 6, 3, 4, 2, 1)),
                Arguments.of(new ConvGeometry(1, 7, 5, 2, 3, 2, 0)),
                Arguments.of(new ConvGeometry(3, 4, 4, 2, 2, 2, 0)),
                Arguments.of(new ConvGeometry(2, 5, 6, 2, 3, 3, 2)),
                Arguments.of(new ConvGeometry(1, 3, 3, 1, 1, 1, 0)),
                Arguments.of(new ConvGeometry(1, 6, 6, 4, 4, 2, 1)),
                Arguments.of(new ConvGeometry(2, 5, 4, 8, 3, 1, 1)),
                // runs of k·C = 40 values: the gathers copy between native arrays directly
                Arguments.of(new ConvGeometry(20, 4, 4, 3, 2, 2, 0)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("geometries")
    void convolutionMatchesFiniteDifferences(ConvGeometry geometry)
    {
        NetworkGradientCheck.check(network(geometry, new Conv2d(geometry), 1), 3, 2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("geometries")
    void transposedConvolutionMatchesFiniteDifferences(ConvGeometry geometry)
    {
        NetworkGradientCheck.check(network(geometry, new Deconv2d(geometry), 3), 3, 4);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("geometries")
    void convolutionTangentsMatchFiniteDifferences(ConvGeometry geometry)
    {
        DoubleBackpropagationCheck.check(network(geometry, new Conv2d(geometry), 5), 3, 6);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("geometries")
    void transposedConvolutionTangentsMatchFiniteDifferences(ConvGeometry geometry)
    {
        DoubleBackpropagationCheck.check(network(geometry, new Deconv2d(geometry), 7), 3, 8);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("geometries")
    void backwardToParametersGivesBackwardsParameterGradientsBitForBit(ConvGeometry geometry)
    {
        for (boolean transposed : new boolean[] {false, true}) {
            SequentialNetwork full = network(geometry, transposed ? new Deconv2d(geometry) : new Conv2d(geometry), 19);
            SequentialNetwork skipping = network(geometry, transposed ? new Deconv2d(geometry) : new Conv2d(geometry), 19);
            INDArray input = Nd4j.rand(DataType.DOUBLE, 3, full.layers().get(0).inputSize()).subi(0.5);
            INDArray outputGradient = Nd4j.rand(DataType.DOUBLE, 3, full.layers().get(0).outputSize()).subi(0.5);
            full.forward(input);
            full.backward(outputGradient, true);
            skipping.forward(input);
            skipping.backwardToParameters(outputGradient);
            assertThat(skipping.gradients().toDoubleVector()).as("transposed %s", transposed).isEqualTo(full.gradients().toDoubleVector());
        }
    }

    @Test
    void discriminatorOfConvolutionsMatchesFiniteDifferencesTwice()
    {
        ConvGeometry first = new ConvGeometry(1, 8, 8, 3, 4, 2, 1);
        ConvGeometry second = new ConvGeometry(3, 4, 4, 4, 4, 2, 1);
        SequentialNetwork network = TestNetworks.asLane(new SequentialNetwork(new long[] {1, 8, 8}, new long[] {1}, List.of(
                new Conv2d(first),
                new ActivationLayer(first.outputSize(), Activation.leakyRelu(0.2)),
                new Conv2d(second),
                new ActivationLayer(second.outputSize(), Activation.tanh()),
                ChannelOrder.toChannelsFirst(4, 4),
                new ReshapeLayer(new long[] {4, 2, 2}, new long[] {16}),
                new Dense(16, 1, Activation.identity())),
                DataType.DOUBLE, new SeededRandomSource(9)), DataType.DOUBLE);
        NetworkGradientCheck.check(network, 4, 10);
        DoubleBackpropagationCheck.check(network, 4, 11);
    }

    @Test
    void generatorOfTransposedConvolutionsMatchesFiniteDifferences()
    {
        Deconv2d first = Deconv2d.of(4, 2, 2, 3, 4, 2, 1);
        Deconv2d second = Deconv2d.of(3, 4, 4, 1, 4, 2, 1);
        SequentialNetwork network = TestNetworks.asLane(new SequentialNetwork(new long[] {3}, new long[] {1, 8, 8}, List.of(
                new Dense(3, 16, Activation.identity()),
                new BatchNorm(16, 1),
                new ActivationLayer(16, Activation.tanh()),
                new ReshapeLayer(new long[] {16}, new long[] {4, 2, 2}),
                ChannelOrder.toChannelsLast(4, 4),
                first,
                new BatchNorm(3, 16),
                new ActivationLayer(first.outputSize(), Activation.tanh()),
                second,
                new ActivationLayer(second.outputSize(), Activation.tanh())),
                DataType.DOUBLE, new SeededRandomSource(12)), DataType.DOUBLE);
        NetworkGradientCheck.check(network, 5, 13);
    }

    @ParameterizedTest(name = "{0} channels x {1}")
    @MethodSource("batchNormShapes")
    void batchNormMatchesFiniteDifferences(int channels, int positions)
    {
        NetworkGradientCheck.check(TestNetworks.asLane(new SequentialNetwork(new long[] {channels * positions},
                new long[] {channels * positions}, List.of(new Dense(channels * positions, channels * positions, Activation.identity()),
                        new BatchNorm(channels, positions)), DataType.DOUBLE, new SeededRandomSource(14)), DataType.DOUBLE), 4, 15);
    }

    @ParameterizedTest(name = "{0} channels x {1}")
    @MethodSource("batchNormShapes")
    void batchNormWithAFusedActivationMatchesFiniteDifferences(int channels, int positions)
    {
        NetworkGradientCheck.check(TestNetworks.asLane(new SequentialNetwork(new long[] {channels * positions},
                new long[] {channels * positions}, List.of(new Dense(channels * positions, channels * positions, Activation.identity()),
                        new BatchNorm(channels, positions, Activation.leakyRelu(0.2))), DataType.DOUBLE, new SeededRandomSource(16)),
                DataType.DOUBLE), 4, 17);
    }

    static Stream<Arguments> batchNormShapes()
    {
        return Stream.of(Arguments.of(3, 1), Arguments.of(2, 4), Arguments.of(1, 3));
    }

    @Test
    void activationsAndReshapesMatchFiniteDifferencesTwice()
    {
        for (Activation activation : List.of(Activation.relu(), Activation.leakyRelu(0.2), Activation.tanh(), Activation.identity())) {
            SequentialNetwork network = TestNetworks.asLane(new SequentialNetwork(new long[] {2, 2}, new long[] {1}, List.of(
                    new ReshapeLayer(new long[] {2, 2}, new long[] {4}),
                    new Dense(4, 5, Activation.identity()),
                    new ActivationLayer(5, activation),
                    new Dense(5, 1, Activation.identity())),
                    DataType.DOUBLE, new SeededRandomSource(16)), DataType.DOUBLE);
            NetworkGradientCheck.check(network, 4, 17);
            DoubleBackpropagationCheck.check(network, 4, 18);
        }
    }

    /** The layer alone, between its image shapes, with a tanh after it so the loss is not linear in the parameters. */
    private static SequentialNetwork network(ConvGeometry geometry, Layer layer, long seed)
    {
        long[] inputShape = layer instanceof Conv2d
                ? new long[] {geometry.channels(), geometry.height(), geometry.width()}
                : new long[] {geometry.filters(), geometry.outHeight(), geometry.outWidth()};
        long[] outputShape = layer instanceof Conv2d
                ? new long[] {geometry.filters(), geometry.outHeight(), geometry.outWidth()}
                : new long[] {geometry.channels(), geometry.height(), geometry.width()};
        return TestNetworks.asLane(new SequentialNetwork(inputShape, outputShape,
                List.of(layer, new ActivationLayer(layer.outputSize(), Activation.tanh())), DataType.DOUBLE, new SeededRandomSource(seed)),
                DataType.DOUBLE);
    }
}
