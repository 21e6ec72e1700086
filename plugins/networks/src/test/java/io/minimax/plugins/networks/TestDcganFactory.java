package io.minimax.plugins.networks;

import io.minimax.nn.SequentialNetwork;
import io.minimax.spi.SpecProblem;
import io.minimax.spi.network.NetworkRole;
import io.minimax.testkit.DoubleBackpropagationCheck;
import io.minimax.testkit.NetworkGradientCheck;
import io.minimax.testkit.TestContexts;
import io.minimax.testkit.TestNetworks;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

import static org.assertj.core.api.Assertions.assertThat;

class TestDcganFactory
{
    private static final DcganSpec DEFAULTS = new DcganSpec(64, null, 0.2);
    private final DcganFactory factory = new DcganFactory();

    @Test
    void buildsTheW4GeneratorAt28By28()
    {
        SequentialNetwork generator = (SequentialNetwork) TestNetworks.alone(factory.create(DEFAULTS,
                TestContexts.generator(64, new long[] {1, 28, 28}, DataType.FLOAT, 1)), DataType.FLOAT);
        assertThat(generator.layers()).extracting(Object::toString).containsExactly(
                "Dense(64 -> 6272, identity)",
                "BatchNorm(6272 channels x 1, relu)",
                "Reshape([6272] -> [128, 7, 7])",
                "ChannelOrder(128 channels x 49 to channels-last)",
                "Deconv2d([128, 7, 7] -> [64, 14, 14], kernel 4, stride 2, padding 1)",
                "BatchNorm(64 channels x 196, relu)",
                "Deconv2d([64, 14, 14] -> [1, 28, 28], kernel 4, stride 2, padding 1)",
                "Activation(784, tanh)");
        // PyTorch's count for the same modules: 407,680 + 12,544 + 131,136 + 128 + 1,025
        assertThat(generator.parameterCount()).isEqualTo(552_513);
        assertThat(generator.forward(Nd4j.rand(DataType.FLOAT, 3, 64)).shape()).isEqualTo(new long[] {3, 1, 28, 28});
        assertThat(generator.state()).containsOnlyKeys(SequentialNetwork.STATE);
    }

    @Test
    void buildsTheW4DiscriminatorAt28By28()
    {
        SequentialNetwork discriminator = (SequentialNetwork) factory.create(DEFAULTS,
                TestContexts.discriminator(new long[] {1, 28, 28}, DataType.FLOAT, 1));
        assertThat(discriminator.layers()).extracting(Object::toString).containsExactly(
                "Conv2d([1, 28, 28] -> 64 filters, kernel 4, stride 2, padding 1, leaky-relu(0.2))",
                "Conv2d([64, 14, 14] -> 128 filters, kernel 4, stride 2, padding 1, leaky-relu(0.2))",
                "ChannelsLastDense(6272 -> 1, identity) of 128 channels x 49");
        // 1,088 + 131,200 + 6,273
        assertThat(discriminator.parameterCount()).isEqualTo(138_561);
        assertThat(discriminator.supportsDoubleBackpropagation()).isTrue();
        assertThat(factory.size(DEFAULTS, new long[] {1, 28, 28}, new long[] {1}).orElseThrow().parameters()).isEqualTo(138_561);
        assertThat(factory.size(DEFAULTS, new long[] {64}, new long[] {1, 28, 28}).orElseThrow().parameters()).isEqualTo(552_513);
    }

    @Test
    void smallNetworksMatchFiniteDifferences()
    {
        DcganSpec small = new DcganSpec(2, null, 0.2);
        NetworkGradientCheck.check(TestNetworks.asLane(factory.create(small,
                TestContexts.generator(3, new long[] {1, 8, 8}, DataType.DOUBLE, 2)), DataType.DOUBLE), 4, 3);
        var discriminator = TestNetworks.asLane(factory.create(small, TestContexts.discriminator(new long[] {2, 4, 8}, DataType.DOUBLE, 4)),
                DataType.DOUBLE);
        NetworkGradientCheck.check(discriminator, 3, 5);
        DoubleBackpropagationCheck.check(discriminator, 3, 6);
        NetworkGradientCheck.check(TestNetworks.asLane(factory.create(new DcganSpec(2, true, 0.1), TestContexts.discriminator(
                new long[] {1, 8, 8}, DataType.DOUBLE, 7)), DataType.DOUBLE), 3, 8);
    }

    @Test
    void reportsImagesItCannotTakeAndBatchNormUnderAPenalty()
    {
        assertThat(factory.check(DEFAULTS, NetworkRole.GENERATOR, new long[] {64}, new long[] {2}, false))
                .containsExactly(new SpecProblem("",
                        "dcgan needs [C, H, W] images with H and W divisible by 4, got [2] from the data source"));
        assertThat(factory.check(DEFAULTS, NetworkRole.DISCRIMINATOR, new long[] {1, 30, 30}, new long[] {1}, false)).hasSize(1);
        assertThat(factory.check(DEFAULTS, NetworkRole.DISCRIMINATOR, new long[] {1, 28, 28}, new long[] {1}, true)).isEmpty();
        assertThat(factory.check(new DcganSpec(64, true, 0.2), NetworkRole.DISCRIMINATOR, new long[] {1, 28, 28}, new long[] {1}, true))
                .extracting(SpecProblem::field).containsExactly("batchNorm");
    }
}
