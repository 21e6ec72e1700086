package io.minimax.nn;

import io.minimax.plugin.support.SeededRandomSource;

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
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class TestDense
{
    static Stream<Arguments> activations()
    {
        return Stream.of(
                Arguments.of("identity", Activation.identity()),
                Arguments.of("relu", Activation.relu()),
                Arguments.of("leaky-relu 0.2", Activation.leakyRelu(0.2)),
                Arguments.of("leaky-relu 0", Activation.leakyRelu(0)),
                Arguments.of("tanh", Activation.tanh()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("activations")
    void gradientsMatchFiniteDifferences(String name, Activation activation)
    {
        SequentialNetwork network = TestNetworks.asLane(new SequentialNetwork(new long[] {4}, new long[] {3},
                List.of(new Dense(4, 3, activation)), DataType.DOUBLE, new SeededRandomSource(11)), DataType.DOUBLE);
        NetworkGradientCheck.check(network, 5, 12);
    }

    @Test
    void forwardComputesActivationOfAffineMap()
    {
        Dense dense = new Dense(3, 2, Activation.tanh());
        INDArray parameters = Nd4j.createFromArray(new double[] {0.1, -0.2, 0.3, 0.4, -0.5, 0.6, 0.05, -0.07}).reshape(1, 8);
        Layer.Pass pass = dense.createPass(parameters, Nd4j.create(DataType.DOUBLE, 1, 8), 2);
        INDArray output = pass.forward(Nd4j.createFromArray(new double[][] {{1, 2, 3}, {-1, 0.5, 2}}));

        double[][] weights = {{0.1, -0.2}, {0.3, 0.4}, {-0.5, 0.6}};
        double[] bias = {0.05, -0.07};
        double[][] inputs = {{1, 2, 3}, {-1, 0.5, 2}};
        for (int row = 0; row < 2; row++) {
            for (int column = 0; column < 2; column++) {
                double sum = bias[column];
                for (int k = 0; k < 3; k++) {
                    sum += inputs[row][k] * weights[k][column];
                }
                assertThat(output.getDouble(row, column)).isCloseTo(Math.tanh(sum), within(1e-12));
            }
        }
    }

    @Test
    void initialisesLikePyTorchLinear()
    {
        Dense dense = new Dense(16, 32, Activation.relu());
        INDArray parameters = Nd4j.create(DataType.DOUBLE, 1, dense.parameterCount());
        dense.initialize(parameters, new SeededRandomSource(3));
        double bound = 1 / Math.sqrt(16);
        assertThat(parameters.amaxNumber().doubleValue()).isLessThanOrEqualTo(bound);
        // 544 uniform draws: the extremes come close to ±bound, so a too-narrow range fails too.
        assertThat(parameters.minNumber().doubleValue()).isLessThan(-0.95 * bound);
        assertThat(parameters.maxNumber().doubleValue()).isGreaterThan(0.95 * bound);
        INDArray bias = parameters.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 1),
                org.nd4j.linalg.indexing.NDArrayIndex.interval(16 * 32, 16 * 32 + 32));
        assertThat(bias.amaxNumber().doubleValue()).as("biases are drawn too").isGreaterThan(0);
    }

    @Test
    void backwardBeforeForwardFails()
    {
        Dense dense = new Dense(2, 2, Activation.relu());
        Layer.Pass pass = dense.createPass(Nd4j.create(DataType.DOUBLE, 1, 6), Nd4j.create(DataType.DOUBLE, 1, 6), 1);
        assertThatThrownBy(() -> pass.backward(Nd4j.create(DataType.DOUBLE, 1, 2), true))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("backward before forward");
    }

    @Test
    void rejectsSliceOfWrongLength()
    {
        Dense dense = new Dense(2, 3, Activation.relu());
        assertThatThrownBy(() -> dense.createPass(Nd4j.create(DataType.DOUBLE, 1, 8), Nd4j.create(DataType.DOUBLE, 1, 9), 4))
                .hasMessageContaining("parameters must be [1, 9]");
        assertThatThrownBy(() -> new Dense(0, 3, Activation.relu())).hasMessageContaining("must be > 0");
    }
}
