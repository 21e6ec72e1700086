package io.minimax.nn;

import io.minimax.spi.RandomSource;
import io.minimax.spi.network.Network;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestStackedSequentialNetwork
{
    private static final int LANES = 3;
    private static final int BATCH = 5;

    static Stream<Activation> activations()
    {
        return Stream.of(Activation.relu(), Activation.leakyRelu(0.2), Activation.tanh(), Activation.identity());
    }

    /** Forward and backward of the stack equal every lane's own, bit for bit, in FLOAT as training runs. */
    @ParameterizedTest
    @MethodSource("activations")
    void everyLaneComputesExactlyWhatItWouldAlone(Activation activation)
    {
        List<Network> lanes = new ArrayList<>();
        List<SequentialNetwork> alone = new ArrayList<>();
        for (int lane = 0; lane < LANES; lane++) {
            lanes.add(network(activation, 10 + lane));
            alone.add(network(activation, 10 + lane));
        }
        Network stack = lanes.get(0).stack(lanes).orElseThrow();

        INDArray input = Nd4j.rand(DataType.FLOAT, LANES * BATCH, 3).subi(0.5);
        INDArray outputGradient = Nd4j.rand(DataType.FLOAT, LANES * BATCH, 2).subi(0.5);
        INDArray output = stack.forward(input).dup();
        INDArray inputGradient = stack.backward(outputGradient, true).dup();

        long laneParameters = alone.get(0).parameters().length();
        for (int lane = 0; lane < LANES; lane++) {
            SequentialNetwork network = alone.get(lane);
            assertThat(network.forward(rows(input, lane))).isEqualTo(rows(output, lane));
            assertThat(network.backward(rows(outputGradient, lane), true)).isEqualTo(rows(inputGradient, lane));
            assertThat(network.gradients()).isEqualTo(
                    stack.gradients().get(NDArrayIndex.interval(0, 1), NDArrayIndex.interval(lane * laneParameters, (lane + 1) * laneParameters)));
            assertThat(lanes.get(lane).gradients()).isEqualTo(network.gradients());
        }
    }

    @Test
    void lanesKeepTheirParametersAndSeeEveryUpdateOfTheStack()
    {
        List<Network> lanes = new ArrayList<>();
        List<INDArray> before = new ArrayList<>();
        for (int lane = 0; lane < LANES; lane++) {
            SequentialNetwork network = network(Activation.relu(), lane);
            lanes.add(network);
            before.add(network.parameters().dup());
        }
        Network stack = lanes.get(0).stack(lanes).orElseThrow();
        assertThat(stack.parameters().shape()).isEqualTo(new long[] {1, LANES * before.get(0).length()});
        for (int lane = 0; lane < LANES; lane++) {
            assertThat(lanes.get(lane).parameters()).isEqualTo(before.get(lane));
        }

        INDArray input = Nd4j.rand(DataType.FLOAT, BATCH, 3);
        stack.parameters().muli(2);
        for (int lane = 0; lane < LANES; lane++) {
            assertThat(lanes.get(lane).parameters()).isEqualTo(before.get(lane).mul(2));
            SequentialNetwork doubled = network(Activation.relu(), lane);
            doubled.parameters().muli(2);
            assertThat(lanes.get(lane).forward(input)).isEqualTo(doubled.forward(input));
        }
    }

    @Test
    void onlyNetworksOfOneArchitectureStack()
    {
        SequentialNetwork network = network(Activation.relu(), 1);
        assertThat(network.stack(List.of(network, network(Activation.tanh(), 2)))).isEmpty();
        SequentialNetwork doubles = new SequentialNetwork(new long[] {3}, new long[] {2}, List.of(
                new Dense(3, 6, Activation.relu()), new Dense(6, 4, Activation.relu()), new Dense(4, 2, Activation.identity())),
                DataType.DOUBLE, RandomSource.seeded(1));
        assertThat(network.stack(List.of(network, doubles))).isEmpty();
    }

    @Test
    void rejectsRowsThatAreNotWholeLanes()
    {
        List<Network> lanes = List.of(network(Activation.relu(), 1), network(Activation.relu(), 2));
        Network stack = lanes.get(0).stack(lanes).orElseThrow();
        assertThatThrownBy(() -> stack.forward(Nd4j.rand(DataType.FLOAT, 5, 3)))
                .hasMessageContaining("must be [R·m, 3] for R = 2 lanes (got [5, 3])");
        assertThatThrownBy(() -> stack.backward(Nd4j.rand(DataType.FLOAT, 4, 2), true))
                .hasMessageContaining("backward for 4 rows without a forward pass");
    }

    private static INDArray rows(INDArray array, int lane)
    {
        return array.get(NDArrayIndex.interval(lane * BATCH, (lane + 1) * BATCH), NDArrayIndex.all());
    }

    private static SequentialNetwork network(Activation activation, long seed)
    {
        return new SequentialNetwork(new long[] {3}, new long[] {2}, List.of(
                new Dense(3, 6, activation),
                new Dense(6, 4, activation),
                new Dense(4, 2, Activation.identity())),
                DataType.FLOAT, RandomSource.seeded(seed));
    }
}
