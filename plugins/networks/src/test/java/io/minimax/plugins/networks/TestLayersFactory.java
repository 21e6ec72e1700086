package io.minimax.plugins.networks;

import io.minimax.nn.SequentialNetwork;
import io.minimax.spi.InvalidSpecException;
import io.minimax.spi.SpecProblem;
import io.minimax.spi.network.Network;
import io.minimax.spi.network.NetworkRole;
import io.minimax.testkit.DoubleBackpropagationCheck;
import io.minimax.testkit.NetworkGradientCheck;
import io.minimax.testkit.TestContexts;
import io.minimax.testkit.TestNetworks;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.list;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

class TestLayersFactory
{
    private final LayersFactory factory = new LayersFactory();

    /** The example generator, as the descriptor binder hands it over (maps, lists, Long numbers). */
    static final List<Object> GENERATOR = List.of(
            Map.of("dense", 6272L), Map.of("batchnorm", Map.of()), Map.of("activation", "relu"), Map.of("reshape", List.of(128L, 7L, 7L)),
            Map.of("deconv", Map.of("filters", 64L, "kernel", 4L, "stride", 2L, "padding", 1L)), Map.of("batchnorm", Map.of()),
            Map.of("activation", "relu"), Map.of("deconv", Map.of("filters", 1L, "kernel", 4L, "stride", 2L, "padding", 1L)),
            Map.of("activation", "tanh"));

    @Test
    void buildsTheListedLayersWithInferredShapes()
    {
        SequentialNetwork network = (SequentialNetwork) TestNetworks.alone(factory.create(new LayersSpec(GENERATOR),
                TestContexts.generator(64, new long[] {1, 28, 28}, DataType.FLOAT, 1)), DataType.FLOAT);
        assertThat(network.layers()).extracting(Object::toString).containsExactly(
                "Dense(64 -> 6272, identity)",
                "BatchNorm(6272 channels x 1, relu)",
                "Reshape([6272] -> [128, 7, 7])",
                "ChannelOrder(128 channels x 49 to channels-last)",
                "Deconv2d([128, 7, 7] -> [64, 14, 14], kernel 4, stride 2, padding 1)",
                "BatchNorm(64 channels x 196, relu)",
                "Deconv2d([64, 14, 14] -> [1, 28, 28], kernel 4, stride 2, padding 1)",
                "Activation(784, tanh)");
        assertThat(factory.size(new LayersSpec(GENERATOR), new long[] {64}, new long[] {1, 28, 28}).orElseThrow().parameters())
                .isEqualTo(network.parameterCount());
    }

    @Test
    void imagesKeepTheirChannelsFirstOrderAtTheNetworksEdges()
    {
        // the convolutions work channels-last inside: with identity 1x1 filters the network must return its input as it
        // came, channel by channel, which only holds if the moves into and out of that order are where they belong
        SequentialNetwork network = (SequentialNetwork) TestNetworks.alone(factory.create(new LayersSpec(List.of(
                Map.of("reshape", List.of(2L, 3L, 3L)),
                Map.of("conv", Map.of("filters", 2L, "kernel", 1L, "stride", 1L, "padding", 0L)))),
                TestContexts.generator(18, new long[] {2, 3, 3}, DataType.DOUBLE, 1)), DataType.DOUBLE);
        assertThat(network.layers()).extracting(Object::toString).containsExactly(
                "Reshape([18] -> [2, 3, 3])",
                "ChannelOrder(2 channels x 9 to channels-last)",
                "Conv2d([2, 3, 3] -> 2 filters, kernel 1, stride 1, padding 0)",
                "ChannelOrder(2 channels x 9 to channels-first)");
        network.parameters().assign(Nd4j.createFromArray(new double[][] {{1, 0, 0, 1, 0, 0}}));
        INDArray input = Nd4j.rand(DataType.DOUBLE, 2, 18);
        assertThat(network.forward(input).reshape(2, 18).toDoubleMatrix()).isEqualTo(input.toDoubleMatrix());
    }

    @Test
    void fusesAnActivationIntoTheDenseLayerBeforeIt()
    {
        SequentialNetwork network = (SequentialNetwork) factory.create(new LayersSpec(List.of(Map.of("dense", 5L),
                Map.of("activation", Map.of("type", "leaky-relu", "leak", 0.1)), Map.of("dense", 1L))),
                TestContexts.discriminator(new long[] {3}, DataType.FLOAT, 1));
        assertThat(network.layers()).extracting(Object::toString)
                .containsExactly("Dense(3 -> 5, leaky-relu(0.1))", "Dense(5 -> 1, identity)");
    }

    @Test
    void convolutionalNetworksMatchFiniteDifferences()
    {
        Network discriminator = TestNetworks.asLane(factory.create(new LayersSpec(List.of(
                Map.of("conv", Map.of("filters", 3L, "kernel", 4L, "stride", 2L, "padding", 1L)), Map.of("activation", "leaky-relu"),
                Map.of("conv", Map.of("filters", 2L, "kernel", 3L)), Map.of("activation", "tanh"), Map.of("flatten", Map.of()),
                Map.of("dense", 1L))), TestContexts.discriminator(new long[] {1, 8, 8}, DataType.DOUBLE, 2)), DataType.DOUBLE);
        NetworkGradientCheck.check(discriminator, 3, 3);
        DoubleBackpropagationCheck.check(discriminator, 3, 4);

        Network generator = TestNetworks.asLane(factory.create(new LayersSpec(List.of(Map.of("dense", 8L), Map.of("batchnorm", Map.of()),
                Map.of("activation", "relu"), Map.of("reshape", List.of(2L, 2L, 2L)),
                Map.of("deconv", Map.of("filters", 2L, "kernel", 4L, "stride", 2L, "padding", 1L)), Map.of("batchnorm", Map.of()),
                Map.of("activation", "tanh"), Map.of("deconv", Map.of("filters", 1L, "kernel", 4L, "stride", 2L, "padding", 1L)))),
                TestContexts.generator(3, new long[] {1, 8, 8}, DataType.DOUBLE, 5)), DataType.DOUBLE);
        NetworkGradientCheck.check(generator, 4, 6);
    }

    @Test
    void reportsALayerThatDoesNotFitTheShapeBeforeItWithItsPath()
    {
        List<Object> layers = List.of(Map.of("dense", 6272L), Map.of("batchnorm", Map.of()), Map.of("activation", "relu"),
                Map.of("flatten", Map.of()), Map.of("conv", Map.of("filters", 64L, "kernel", 4L)));
        assertThat(factory.check(new LayersSpec(layers), NetworkRole.GENERATOR, new long[] {64}, new long[] {1, 28, 28}, false))
                .containsExactly(new SpecProblem("layers[4]", "conv expects [C, H, W] input, got [6272]"));
        assertThat(factory.check(new LayersSpec(List.of(Map.of("dense", 10L))), NetworkRole.GENERATOR, new long[] {64},
                new long[] {1, 28, 28}, false))
                .containsExactly(new SpecProblem("layers", "the layers end with [10] but the generator must give [1, 28, 28]"));
        assertThat(factory.check(new LayersSpec(List.of(Map.of("reshape", List.of(3L, 3L)))), NetworkRole.DISCRIMINATOR,
                new long[] {1, 2, 2}, new long[] {1}, false))
                .containsExactly(new SpecProblem("layers[0]", "reshape to [3, 3] needs 9 features, got [1, 2, 2] (4)"));
    }

    @Test
    void refusesBatchNormWhenAPenaltyNeedsDoubleBackpropagation()
    {
        LayersSpec spec = new LayersSpec(List.of(Map.of("conv", Map.of("filters", 2L, "kernel", 4L, "stride", 2L, "padding", 1L)),
                Map.of("batchnorm", Map.of()), Map.of("flatten", Map.of()), Map.of("dense", 1L)));
        assertThat(factory.check(spec, NetworkRole.DISCRIMINATOR, new long[] {1, 8, 8}, new long[] {1}, false)).isEmpty();
        assertThat(factory.check(spec, NetworkRole.DISCRIMINATOR, new long[] {1, 8, 8}, new long[] {1}, true))
                .containsExactly(new SpecProblem("layers[1]", "batchnorm does not support double backpropagation, which the gradient "
                        + "penalties need: remove the layer or the penalties"));
    }

    @Test
    void reportsEveryProblemOfTheEntriesAtOnce()
    {
        assertThatThrownBy(() -> new LayersSpec(List.of(Map.of("cov", Map.of()), Map.of("conv", Map.of("filter", 3L, "kernel", 0L)),
                Map.of("activation", "sigmoid"), Map.of("dense", -3L), Map.of("batchnorm", 2L), Map.of("deconv", Map.of("filters", 1L,
                        "kernel", 2L, "stride", 3L)))))
                .asInstanceOf(type(InvalidSpecException.class))
                .extracting(InvalidSpecException::problems)
                .asInstanceOf(list(SpecProblem.class))
                .containsExactly(
                        new SpecProblem("layers[0]", "unknown layer 'cov' (did you mean 'conv'? known: dense, conv, deconv, batchnorm, "
                                + "activation, reshape, flatten)"),
                        new SpecProblem("layers[1].conv.filter", "unknown key 'filter' (did you mean 'filters'? known: filters, kernel, "
                                + "stride, padding)"),
                        new SpecProblem("layers[1].conv.filters", "is required"),
                        new SpecProblem("layers[1].conv.kernel", "expected a positive integer, got 0"),
                        new SpecProblem("layers[2].activation", "unknown activation 'sigmoid' (known: relu, leaky-relu, tanh, identity)"),
                        new SpecProblem("layers[3].dense", "expected the number of units, got -3"),
                        new SpecProblem("layers[4].batchnorm", "takes no settings: write {} (got 2)"),
                        new SpecProblem("layers[5].deconv.kernel", "must be at least the stride 3 (got 2)"));
        assertThatThrownBy(() -> new LayersSpec(List.of())).hasMessageContaining("layers: needs at least one layer");
    }
}
