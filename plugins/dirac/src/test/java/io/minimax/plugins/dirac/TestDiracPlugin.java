package io.minimax.plugins.dirac;

import io.minimax.spi.Plugin;
import io.minimax.spi.PluginFactory;
import io.minimax.spi.data.DataSource;
import io.minimax.spi.network.Network;
import io.minimax.spi.network.NetworkRole;
import io.minimax.testkit.DoubleBackpropagationCheck;
import io.minimax.testkit.NetworkGradientCheck;
import io.minimax.testkit.SpecDefaults;
import io.minimax.testkit.TestContexts;
import io.minimax.testkit.TestNetworks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Map;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

class TestDiracPlugin
{
    @Test
    void serviceLoaderFindsThePlugin()
    {
        assertThat(ServiceLoader.load(Plugin.class).stream().map(ServiceLoader.Provider::type)).contains(DiracPlugin.class);
        assertThat(new DiracPlugin().dataSources()).extracting(PluginFactory::name).containsExactly("dirac");
        assertThat(new DiracPlugin().networks()).extracting(PluginFactory::name).containsExactly("constant", "linear");
    }

    @ParameterizedTest
    @ValueSource(strings = {"FLOAT", "DOUBLE"})
    void everySampleIsThePoint(String type)
    {
        DataType dataType = DataType.valueOf(type);
        DataSource data = DiracPlugin.DIRAC.create(new DiracSpec(-0.5), TestContexts.plugin(1, dataType));
        INDArray samples = Nd4j.create(dataType, 4, 1);

        data.sample(samples);

        assertThat(data.sampleShape()).containsExactly(1);
        assertThat(samples.toDoubleVector()).containsExactly(-0.5, -0.5, -0.5, -0.5);
        // a point mass has no Lebesgue density
        assertThat(data.density()).isEmpty();
    }

    @Test
    void constantGeneratorIgnoresItsInputAndLogsTheta()
    {
        Network generator = constant(1.5, NetworkRole.GENERATOR, new long[] {2}, new long[] {1});
        INDArray output = generator.forward(Nd4j.createFromArray(new double[][] {{3, -4}, {0, 1}, {7, 7}}));

        assertThat(output.toDoubleVector()).containsExactly(1.5, 1.5, 1.5);
        INDArray inputGradient = generator.backward(Nd4j.createFromArray(new double[][] {{1}, {2}, {-0.5}}), true);
        // dLoss/dθ sums the output gradient over the batch; the input does not matter
        assertThat(generator.gradients().toDoubleVector()).containsExactly(2.5);
        assertThat(inputGradient.toDoubleMatrix()).isEqualTo(new double[3][2]);
        assertThat(generator.loggedScalars()).containsExactly(entry("dirac/theta", 1.5));
    }

    @Test
    void linearDiscriminatorIsPsiTimesXAndLogsPsi()
    {
        Network discriminator = linear(false, -2.0, NetworkRole.DISCRIMINATOR, new long[] {1}, new long[] {1});
        INDArray output = discriminator.forward(Nd4j.createFromArray(new double[][] {{3}, {-1}}));

        assertThat(output.toDoubleVector()).containsExactly(-6, 2);
        INDArray inputGradient = discriminator.backward(Nd4j.createFromArray(new double[][] {{0.5}, {2}}), true);
        // dψ = Σ u_i·x_i = 1.5 − 2; dx_i = u_i·ψ
        assertThat(discriminator.gradients().toDoubleVector()).containsExactly(-0.5);
        assertThat(inputGradient.toDoubleVector()).containsExactly(-1, -4);
        assertThat(discriminator.parameters().length()).isEqualTo(1);
        assertThat(discriminator.loggedScalars()).containsExactly(entry("dirac/psi", -2.0));
    }

    @Test
    void linearWithBiasLogsItToo()
    {
        Network discriminator = linear(true, 0.5, NetworkRole.DISCRIMINATOR, new long[] {1}, new long[] {1});
        discriminator.parameters().putScalar(1, 0.25);
        assertThat(discriminator.forward(Nd4j.createFromArray(new double[][] {{2}})).getDouble(0)).isEqualTo(1.25);
        assertThat(discriminator.loggedScalars()).containsExactly(entry("dirac/psi", 0.5), entry("dirac/psi_bias", 0.25));
        // larger networks log nothing: their parameters are not a few scalars
        assertThat(linear(true, 0.5, NetworkRole.DISCRIMINATOR, new long[] {2}, new long[] {1}).loggedScalars()).isEmpty();
    }

    @Test
    void r1OnTheLinearDiscriminatorHasTheClosedForm()
    {
        // g_i = u_i·ψ; with weights w_i = γ·g_i/m the parameter gradient is Σ_i w_i·u_i = γ·ψ for u = 1
        Network discriminator = linear(false, 3.0, NetworkRole.DISCRIMINATOR, new long[] {1}, new long[] {1});
        discriminator.gradients().assign(0);
        discriminator.forward(Nd4j.createFromArray(new double[][] {{0}, {0}}));
        INDArray inputGradient = discriminator.backward(Nd4j.ones(DataType.DOUBLE, 2, 1), false).dup();
        discriminator.backwardInputGradient(inputGradient.mul(10.0 / 2));
        assertThat(discriminator.gradients().getDouble(0)).isEqualTo(30.0);
    }

    @Test
    void gradientsMatchFiniteDifferences()
    {
        NetworkGradientCheck.check(constant(0.3, NetworkRole.GENERATOR, new long[] {3}, new long[] {2}), 5, 1);
        NetworkGradientCheck.check(linear(false, 0.7, NetworkRole.DISCRIMINATOR, new long[] {2}, new long[] {1}), 5, 2);
        NetworkGradientCheck.check(linear(true, 0.7, NetworkRole.GENERATOR, new long[] {3}, new long[] {2}), 5, 3);
        NetworkGradientCheck.check(linear(true, -0.2, NetworkRole.DISCRIMINATOR, new long[] {1, 2, 2}, new long[] {1}), 4, 4);
    }

    @Test
    void doubleBackpropagationMatchesFiniteDifferences()
    {
        // random parameters, so the check does not rest on every weight being equal
        Network linear = linear(true, 0.7, NetworkRole.DISCRIMINATOR, new long[] {3}, new long[] {2});
        linear.parameters().assign(Nd4j.rand(DataType.DOUBLE, linear.parameters().shape()));
        DoubleBackpropagationCheck.check(linear, 5, 5);
        DoubleBackpropagationCheck.check(linear(false, 0.7, NetworkRole.DISCRIMINATOR, new long[] {1, 2, 2}, new long[] {1}), 4, 6);
        DoubleBackpropagationCheck.check(constant(0.3, NetworkRole.DISCRIMINATOR, new long[] {2}, new long[] {1}), 4, 7);
    }

    @Test
    void needsAForwardPassFirst()
    {
        Network discriminator = linear(false, 1.0, NetworkRole.DISCRIMINATOR, new long[] {1}, new long[] {1});
        assertThatThrownBy(() -> discriminator.backward(Nd4j.ones(DataType.DOUBLE, 3, 1), true))
                .hasMessageContaining("backward for batch size 3 without a forward pass of that size");
        discriminator.forward(Nd4j.ones(DataType.DOUBLE, 3, 1));
        assertThatThrownBy(() -> discriminator.backwardInputGradient(Nd4j.ones(DataType.DOUBLE, 3, 1)))
                .hasMessageContaining("backwardInputGradient before backward");
        assertThatThrownBy(() -> discriminator.forward(Nd4j.ones(DataType.FLOAT, 3, 1)))
                .hasMessageContaining("input is FLOAT but the network computes in DOUBLE");
    }

    private static Network constant(double init, NetworkRole role, long[] input, long[] output)
    {
        return TestNetworks.asLane(DiracPlugin.CONSTANT.create(SpecDefaults.build(ConstantNetworkSpec.class, Map.of("init", init)),
                TestContexts.network(1, DataType.DOUBLE, role, input, output)), DataType.DOUBLE);
    }

    private static Network linear(boolean bias, double init, NetworkRole role, long[] input, long[] output)
    {
        return TestNetworks.asLane(DiracPlugin.LINEAR.create(SpecDefaults.build(LinearNetworkSpec.class,
                Map.of("bias", bias, "init", init)),
                TestContexts.network(1, DataType.DOUBLE, role, input, output)), DataType.DOUBLE);
    }
}
