package io.minimax.nn;

import io.minimax.plugin.support.SeededRandomSource;

import io.minimax.testkit.NetworkGradientCheck;
import io.minimax.testkit.TestNetworks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestSequentialNetwork
{
    static Stream<Activation> activations()
    {
        return Stream.of(Activation.relu(), Activation.leakyRelu(0.2), Activation.tanh(), Activation.identity());
    }

    @ParameterizedTest
    @MethodSource("activations")
    void gradientsOfDeepNetworkMatchFiniteDifferences(Activation activation)
    {
        NetworkGradientCheck.check(network(new long[] {3}, new long[] {2}, activation, DataType.DOUBLE, 5), 6, 7);
    }

    @ParameterizedTest
    @MethodSource("activations")
    void flattensSamplesOfAnyShape(Activation activation)
    {
        SequentialNetwork network = network(new long[] {1, 2, 2}, new long[] {2, 1}, activation, DataType.DOUBLE, 5);
        NetworkGradientCheck.check(network, 3, 8);
        assertThat(network.forward(Nd4j.rand(DataType.DOUBLE, 3, 1, 2, 2)).shape()).isEqualTo(new long[] {3, 2, 1});
    }

    @Test
    void mixesLayersWithAndWithoutParameters()
    {
        SequentialNetwork network = TestNetworks.asLane(new SequentialNetwork(new long[] {3}, new long[] {2}, List.of(
                new ScaleLayer(3, -1.5),
                new Dense(3, 4, Activation.tanh()),
                new ScaleLayer(4, 2.0),
                new Dense(4, 2, Activation.identity())),
                DataType.DOUBLE, new SeededRandomSource(9)), DataType.DOUBLE);
        assertThat(network.parameters().length()).isEqualTo((3 * 4 + 4) + (4 * 2 + 2));
        NetworkGradientCheck.check(network, 5, 10);
    }

    @Test
    void keepsAllParametersAndGradientsInOneFlatVector()
    {
        SequentialNetwork network = network(new long[] {3}, new long[] {2}, Activation.relu(), DataType.FLOAT, 1);
        long expected = (3 * 5 + 5) + (5 * 4 + 4) + (4 * 2 + 2);
        assertThat(network.parameters().shape()).isEqualTo(new long[] {1, expected});
        assertThat(network.gradients().shape()).isEqualTo(new long[] {1, expected});
        assertThat(network.parameters().dataType()).isEqualTo(DataType.FLOAT);

        INDArray input = Nd4j.rand(DataType.FLOAT, 4, 3);
        INDArray before = network.forward(input).dup();
        network.parameters().muli(2);
        assertThat(network.forward(input)).as("layers see in-place updates of parameters()").isNotEqualTo(before);
    }

    @Test
    void sameSeedGivesSameNetwork()
    {
        INDArray first = network(new long[] {3}, new long[] {2}, Activation.relu(), DataType.FLOAT, 42).parameters();
        INDArray second = network(new long[] {3}, new long[] {2}, Activation.relu(), DataType.FLOAT, 42).parameters();
        INDArray other = network(new long[] {3}, new long[] {2}, Activation.relu(), DataType.FLOAT, 43).parameters();
        assertThat(first.dup().data().asFloat()).isEqualTo(second.dup().data().asFloat());
        assertThat(first.dup().data().asFloat()).isNotEqualTo(other.dup().data().asFloat());
    }

    @Test
    void aLaneOfLongerVectorsComputesWhatTheNetworkComputesAlone()
    {
        SequentialNetwork alone = TestNetworks.alone(uninitialized(Activation.leakyRelu(0.2), 7), DataType.FLOAT);
        SequentialNetwork lane = uninitialized(Activation.leakyRelu(0.2), 7);
        long count = lane.parameterCount();
        INDArray parameters = Nd4j.valueArrayOf(new long[] {1, 3 * count}, -7.0, DataType.FLOAT);
        INDArray gradients = Nd4j.valueArrayOf(new long[] {1, 3 * count}, -7.0, DataType.FLOAT);
        lane.initialize(parameters.get(NDArrayIndex.interval(0, 1), NDArrayIndex.interval(count, 2 * count)),
                gradients.get(NDArrayIndex.interval(0, 1), NDArrayIndex.interval(count, 2 * count)));
        assertThat(values(lane.parameters())).as("the same draws into a slice").isEqualTo(values(alone.parameters()));

        INDArray input = Nd4j.rand(DataType.FLOAT, 4, 3);
        INDArray outputGradient = Nd4j.rand(DataType.FLOAT, 4, 2);
        assertThat(values(lane.forward(input))).isEqualTo(values(alone.forward(input)));
        assertThat(values(lane.backward(outputGradient, true))).isEqualTo(values(alone.backward(outputGradient, true)));
        assertThat(values(lane.gradients())).isEqualTo(values(alone.gradients()));
        for (INDArray vector : List.of(parameters, gradients)) {
            assertThat(values(vector.get(NDArrayIndex.interval(0, 1), NDArrayIndex.interval(0, count)))).containsOnly(-7.0);
            assertThat(values(vector.get(NDArrayIndex.interval(0, 1), NDArrayIndex.interval(2 * count, 3 * count)))).containsOnly(-7.0);
        }
    }

    @Test
    void backwardToParametersGivesBackwardsParameterGradientsBitForBit()
    {
        for (DataType dataType : List.of(DataType.FLOAT, DataType.DOUBLE)) {
            SequentialNetwork full = network(new long[] {3}, new long[] {2}, Activation.leakyRelu(0.2), dataType, 5);
            SequentialNetwork skipping = network(new long[] {3}, new long[] {2}, Activation.leakyRelu(0.2), dataType, 5);
            INDArray input = Nd4j.rand(dataType, 6, 3).subi(0.5);
            INDArray outputGradient = Nd4j.rand(dataType, 6, 2).subi(0.5);
            full.forward(input);
            full.backward(outputGradient, true);
            skipping.forward(input);
            skipping.backwardToParameters(outputGradient);
            assertThat(values(skipping.gradients())).as(dataType.toString()).isEqualTo(values(full.gradients()));
        }
        SequentialNetwork network = network(new long[] {3}, new long[] {2}, Activation.relu(), DataType.FLOAT, 1);
        assertThatThrownBy(() -> network.backwardToParameters(Nd4j.rand(DataType.FLOAT, 4, 2)))
                .hasMessageContaining("without a forward pass of that size");
    }

    @Test
    void takesItsVectorsOnceBeforeAnyPass()
    {
        SequentialNetwork network = uninitialized(Activation.relu(), 1);
        assertThatThrownBy(() -> network.forward(Nd4j.rand(DataType.FLOAT, 4, 3)))
                .hasMessageContaining("forward before initialize");
        assertThatThrownBy(() -> network.initialize(Nd4j.create(DataType.FLOAT, 1, 3), Nd4j.create(DataType.FLOAT, 1, 3)))
                .hasMessageContaining("parameters must be a FLOAT [1, " + network.parameterCount() + "] vector (got FLOAT [1, 3])");
        TestNetworks.alone(network, DataType.FLOAT);
        assertThatThrownBy(() -> TestNetworks.alone(network, DataType.FLOAT))
                .hasMessageContaining("initialised already");
    }

    @Test
    void reusesBuffersPerBatchSize()
    {
        SequentialNetwork network = network(new long[] {3}, new long[] {2}, Activation.tanh(), DataType.DOUBLE, 1);
        INDArray large = Nd4j.rand(DataType.DOUBLE, 6, 3);
        INDArray small = Nd4j.rand(DataType.DOUBLE, 2, 3);
        INDArray outputGradient = Nd4j.rand(DataType.DOUBLE, 6, 2);

        INDArray largeOutput = network.forward(large);
        INDArray expectedOutput = largeOutput.dup();
        assertThat(network.forward(large)).as("the same buffer every call").isSameAs(largeOutput);
        network.forward(small);
        assertThat(values(largeOutput)).as("other batch sizes leave the buffer alone").isEqualTo(values(expectedOutput));

        // backward uses the state of the last forward of its own batch size, not of the last forward overall.
        double[] inputGradient = values(network.backward(outputGradient, true));
        double[] parameterGradient = values(network.gradients());
        network.forward(large);
        assertThat(values(network.backward(outputGradient, true))).isEqualTo(inputGradient);
        assertThat(values(network.gradients())).isEqualTo(parameterGradient);
    }

    @Test
    void evictsLeastRecentlyUsedBatchSize()
    {
        SequentialNetwork network = network(new long[] {3}, new long[] {2}, Activation.relu(), DataType.DOUBLE, 1);
        for (int batchSize = 1; batchSize <= SequentialNetwork.CACHED_BATCH_SIZES + 1; batchSize++) {
            network.forward(Nd4j.rand(DataType.DOUBLE, batchSize, 3));
        }
        assertThatThrownBy(() -> network.backward(Nd4j.rand(DataType.DOUBLE, 1, 2), true))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("without a forward pass of that size");
        network.backward(Nd4j.rand(DataType.DOUBLE, 2, 2), true);
    }

    @Test
    void rejectsBadInputs()
    {
        SequentialNetwork network = network(new long[] {3}, new long[] {2}, Activation.relu(), DataType.FLOAT, 1);
        assertThatThrownBy(() -> network.forward(Nd4j.rand(DataType.DOUBLE, 4, 3)))
                .hasMessageContaining("input is DOUBLE but the network computes in FLOAT");
        assertThatThrownBy(() -> network.forward(Nd4j.rand(DataType.FLOAT, 4, 5)))
                .hasMessageContaining("input must be [m, 3] (got [4, 5])");
        assertThatThrownBy(() -> network.backward(Nd4j.rand(DataType.FLOAT, 7, 2), true))
                .hasMessageContaining("backward for batch size 7 without a forward pass of that size");
    }

    @Test
    void rejectsLayersThatDoNotChain()
    {
        assertThatThrownBy(() -> new SequentialNetwork(new long[] {3}, new long[] {2},
                List.of(new Dense(3, 4, Activation.relu()), new Dense(5, 2, Activation.identity())), DataType.FLOAT,
                new SeededRandomSource(1)))
                .hasMessageContaining("takes 5 features but gets 4");
        assertThatThrownBy(() -> new SequentialNetwork(new long[] {2, 2}, new long[] {3},
                List.of(new Dense(4, 2, Activation.relu())), DataType.FLOAT, new SeededRandomSource(1)))
                .hasMessageContaining("the last layer gives 2 features but the output shape [3] has 3");
    }

    private static double[] values(INDArray array)
    {
        return array.dup('c').data().asDouble();
    }

    private static SequentialNetwork uninitialized(Activation activation, long seed)
    {
        return new SequentialNetwork(new long[] {3}, new long[] {2}, List.of(
                new Dense(3, 5, activation),
                new Dense(5, 2, Activation.identity())),
                DataType.FLOAT, new SeededRandomSource(seed));
    }

    private static SequentialNetwork network(long[] inputShape, long[] outputShape, Activation activation, DataType dataType, long seed)
    {
        long inputSize = Shapes.elementCount(inputShape);
        long outputSize = Shapes.elementCount(outputShape);
        return TestNetworks.asLane(new SequentialNetwork(inputShape, outputShape, List.of(
                new Dense(inputSize, 5, activation),
                new Dense(5, 4, activation),
                new Dense(4, outputSize, Activation.identity())),
                dataType, new SeededRandomSource(seed)), dataType);
    }
}
