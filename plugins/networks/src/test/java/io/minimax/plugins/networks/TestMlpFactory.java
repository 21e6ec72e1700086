package io.minimax.plugins.networks;

import io.minimax.testkit.TestContexts;
import io.minimax.testkit.TestNetworks;

import io.minimax.nn.Dense;
import io.minimax.nn.SequentialNetwork;
import io.minimax.spi.network.Network;
import io.minimax.testkit.NetworkGradientCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class TestMlpFactory
{
    private final MlpFactory factory = new MlpFactory();

    static Stream<Arguments> activations()
    {
        return Stream.of("relu", "leaky-relu", "tanh")
                .flatMap(activation -> Stream.of("none", "tanh").map(output -> Arguments.of(activation, output)));
    }

    @ParameterizedTest(name = "{0} / output {1}")
    @MethodSource("activations")
    void gradientsMatchFiniteDifferences(String activation, String outputActivation)
    {
        Network network = TestNetworks.asLane(factory.create(new MlpSpec(List.of(6, 5), activation, 0.2, outputActivation),
                TestContexts.generator(3, new long[] {2}, DataType.DOUBLE, 21)), DataType.DOUBLE);
        NetworkGradientCheck.check(network, 4, 22);
    }

    @ParameterizedTest(name = "{0} / output {1}")
    @MethodSource("activations")
    void gradientsMatchFiniteDifferencesForImageShapedSamples(String activation, String outputActivation)
    {
        Network discriminator = TestNetworks.asLane(factory.create(new MlpSpec(List.of(6, 5), activation, 0.2, outputActivation),
                TestContexts.discriminator(new long[] {1, 2, 2}, DataType.DOUBLE, 23)), DataType.DOUBLE);
        NetworkGradientCheck.check(discriminator, 3, 24);

        Network generator = TestNetworks.asLane(factory.create(new MlpSpec(List.of(5), activation, 0.2, outputActivation),
                TestContexts.generator(3, new long[] {1, 2, 2}, DataType.DOUBLE, 25)), DataType.DOUBLE);
        NetworkGradientCheck.check(generator, 3, 26);
    }

    @Test
    void buildsLayersBetweenContextShapes()
    {
        SequentialNetwork network = (SequentialNetwork) TestNetworks.asLane(factory.create(new MlpSpec(List.of(7, 9), "leaky-relu", 0.1,
                "tanh"),
                TestContexts.generator(3, new long[] {1, 2, 2}, DataType.FLOAT, 1)), DataType.FLOAT);
        assertThat(network.layers()).extracting(layer -> layer.inputSize() + "->" + layer.outputSize() + " " + ((Dense) layer).activation())
                .containsExactly("3->7 leaky-relu(0.1)", "7->9 leaky-relu(0.1)", "9->4 tanh");
        assertThat(network.parameters().length()).isEqualTo((3 * 7 + 7) + (7 * 9 + 9) + (9 * 4 + 4));
        assertThat(network.parameters().dataType()).isEqualTo(DataType.FLOAT);
        assertThat(network.forward(Nd4j.rand(DataType.FLOAT, 5, 3)).shape()).isEqualTo(new long[] {5, 1, 2, 2});
    }

    @Test
    void lastLayerIsLinearWithoutOutputActivation()
    {
        SequentialNetwork network = (SequentialNetwork) TestNetworks.asLane(factory.create(new MlpSpec(List.of(), "relu", 0.2, "none"),
                TestContexts.discriminator(new long[] {2}, DataType.FLOAT, 1)), DataType.FLOAT);
        assertThat(network.layers()).extracting(Object::toString).containsExactly("Dense(2 -> 1, identity)");
    }

    @Test
    void sameSeedGivesSameNetwork()
    {
        MlpSpec spec = new MlpSpec(List.of(16, 16), "relu", 0.2, "none");
        float[] first = initialParameters(spec, 5);
        float[] second = initialParameters(spec, 5);
        float[] other = initialParameters(spec, 6);
        assertThat(first).isEqualTo(second);
        assertThat(first).isNotEqualTo(other);
    }

    private float[] initialParameters(MlpSpec spec, long seed)
    {
        Network network = factory.create(spec, TestContexts.discriminator(new long[] {2}, DataType.FLOAT, seed));
        return TestNetworks.asLane(network, DataType.FLOAT).parameters().dup().data().asFloat();
    }
}
