package io.minimax.nn;

import io.minimax.plugin.support.SeededRandomSource;

import io.minimax.testkit.DoubleBackpropagationCheck;
import io.minimax.testkit.TestNetworks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The tangent passes of every layer and activation: ∂/∂θ ⟨w, ∇ₓ(u·f)⟩ against finite differences and closed forms. */
class TestDoubleBackpropagation
{
    static Stream<Activation> activations()
    {
        return Stream.of(Activation.relu(), Activation.leakyRelu(0.2), Activation.tanh(), Activation.identity());
    }

    @ParameterizedTest
    @MethodSource("activations")
    void discriminatorMatchesFiniteDifferences(Activation activation)
    {
        DoubleBackpropagationCheck.check(network(new long[] {3}, new long[] {1}, activation, Activation.identity(), 5), 6, 7);
    }

    @ParameterizedTest
    @MethodSource("activations")
    void vectorOutputsAndSmoothOutputActivationsMatchFiniteDifferences(Activation activation)
    {
        DoubleBackpropagationCheck.check(network(new long[] {3}, new long[] {2}, activation, Activation.tanh(), 6), 5, 8);
    }

    @ParameterizedTest
    @MethodSource("activations")
    void imagesAreFlattened(Activation activation)
    {
        DoubleBackpropagationCheck.check(network(new long[] {1, 2, 2}, new long[] {1}, activation, Activation.identity(), 7), 4, 9);
    }

    @Test
    void layersWithoutParametersPassTheTangentsThrough()
    {
        SequentialNetwork network = TestNetworks.asLane(new SequentialNetwork(new long[] {3}, new long[] {1}, List.of(
                new ScaleLayer(3, -1.5),
                new Dense(3, 4, Activation.tanh()),
                new ScaleLayer(4, 2.0),
                new Dense(4, 1, Activation.identity())),
                DataType.DOUBLE, new SeededRandomSource(9)), DataType.DOUBLE);
        DoubleBackpropagationCheck.check(network, 5, 10);
    }

    @Test
    void affineMapHasTheClosedForm()
    {
        // f(x) = x·W + b has input gradient g_i = u_i·Wᵀ, so ∂/∂W Σ ⟨w_i, g_i⟩ = wᵀ·u and ∂/∂b = 0
        SequentialNetwork network = TestNetworks.asLane(new SequentialNetwork(new long[] {2}, new long[] {1},
                List.of(new Dense(2, 1, Activation.identity())), DataType.DOUBLE, new SeededRandomSource(3)), DataType.DOUBLE);
        INDArray input = Nd4j.createFromArray(new double[][] {{0.5, -1.0}, {2.0, 0.25}, {-1.0, 1.0}});
        INDArray outputWeights = Nd4j.createFromArray(new double[][] {{1.0}, {-2.0}, {0.5}});
        INDArray inputGradientWeights = Nd4j.createFromArray(new double[][] {{3.0, 1.0}, {0.5, -1.0}, {2.0, 4.0}});

        network.gradients().assign(0);
        network.forward(input);
        network.backward(outputWeights, false);
        network.backwardInputGradient(inputGradientWeights);

        // wᵀ·u: (3·1 + 0.5·(−2) + 2·0.5, 1·1 + (−1)·(−2) + 4·0.5) = (3, 5)
        assertThat(network.gradients().getDouble(0, 0)).isCloseTo(3.0, within(1e-15));
        assertThat(network.gradients().getDouble(0, 1)).isCloseTo(5.0, within(1e-15));
        assertThat(network.gradients().getDouble(0, 2)).isZero();
    }

    @Test
    void reluNetworkIsExactWithinALinearRegion()
    {
        // Within a linear region a ReLU net is affine in x: ∇ₓf = W1ᵀ·diag(mask)·w2, and R1's parameter gradient of
        // ½‖∇ₓf‖² in w2 is diag(mask)·W1·∇ₓf, which the double backward pass must give exactly.
        SequentialNetwork network = TestNetworks.asLane(new SequentialNetwork(new long[] {2}, new long[] {1}, List.of(
                new Dense(2, 3, Activation.relu()),
                new Dense(3, 1, Activation.identity())),
                DataType.DOUBLE, new SeededRandomSource(4)), DataType.DOUBLE);
        network.parameters().assign(Nd4j.createFromArray(new double[][] {{1, -1, 2, 0.5, 1, -3, 0, 0.5, -1, 2, -1, 3, 0.25}}));
        INDArray input = Nd4j.createFromArray(new double[][] {{1.0, 1.0}});
        INDArray one = Nd4j.ones(DataType.DOUBLE, 1, 1);

        network.gradients().assign(0);
        network.forward(input);
        INDArray inputGradient = network.backward(one, false).dup();
        network.backwardInputGradient(inputGradient);

        // pre-activations x·W1 + b1 = (1.5, 0, -1) + (0, 0.5, -1) = (1.5, 0.5, -2): mask (1, 1, 0)
        // ∇ₓf = W1·(mask⊙w2) = rows (1, -1, 2)·(2, -1, 0) = 3 and (0.5, 1, -3)·(2, -1, 0) = 0
        assertThat(inputGradient.getDouble(0, 0)).isCloseTo(3.0, within(1e-15));
        assertThat(inputGradient.getDouble(0, 1)).isCloseTo(0.0, within(1e-15));
        // ∂/∂w2 ½‖∇ₓf‖² = mask⊙(W1ᵀ·∇ₓf) = mask⊙(3·(1, -1, 2)) = (3, -3, 0)
        assertThat(network.gradients().getDouble(0, 9)).isCloseTo(3.0, within(1e-15));
        assertThat(network.gradients().getDouble(0, 10)).isCloseTo(-3.0, within(1e-15));
        assertThat(network.gradients().getDouble(0, 11)).isZero();
        // ∂/∂b2 = 0: the output bias does not move the input gradient
        assertThat(network.gradients().getDouble(0, 12)).isZero();
    }

    @Test
    void needsTheFirstOrderPassesFirst()
    {
        SequentialNetwork network = network(new long[] {3}, new long[] {1}, Activation.relu(), Activation.identity(), 1);
        INDArray weights = Nd4j.rand(DataType.DOUBLE, 4, 3);
        assertThatThrownBy(() -> network.backwardInputGradient(weights))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("without a forward and backward pass of that size");
        network.forward(Nd4j.rand(DataType.DOUBLE, 4, 3));
        assertThatThrownBy(() -> network.backwardInputGradient(weights))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("backwardTangent before backward");
    }

    private static SequentialNetwork network(long[] inputShape, long[] outputShape, Activation activation, Activation outputActivation,
            long seed)
    {
        return TestNetworks.asLane(new SequentialNetwork(inputShape, outputShape, List.of(
                new Dense(Shapes.elementCount(inputShape), 5, activation),
                new Dense(5, 4, activation),
                new Dense(4, Shapes.elementCount(outputShape), outputActivation)),
                DataType.DOUBLE, new SeededRandomSource(seed)), DataType.DOUBLE);
    }
}
