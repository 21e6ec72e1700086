package io.minimax.nn;

import io.minimax.plugin.support.SeededRandomSource;

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

/**
 * FLOAT layers do their element-wise work in Java on the heap; DOUBLE layers (the ones the finite-difference checks
 * verify) in ND4J ops. The two must agree to float precision, and the branch-free kernels must pick the right side
 * of every kink, subnormals and signed zeros included.
 */
class TestHostKernels
{
    static Stream<Activation> activations()
    {
        return Stream.of(Activation.relu(), Activation.leakyRelu(0.2), Activation.identity(), Activation.tanh());
    }

    @ParameterizedTest
    @MethodSource("activations")
    void floatLayersOnTheHostAgreeWithTheCheckedDoubleLayers(Activation activation)
    {
        // 70 rows: more than one block of host work (4096 elements) per pass, and a partial last block
        SequentialNetwork floats = network(activation, DataType.FLOAT);
        SequentialNetwork doubles = network(activation, DataType.DOUBLE);
        doubles.parameters().assign(floats.parameters().castTo(DataType.DOUBLE));
        INDArray input = Nd4j.rand(DataType.DOUBLE, 70, 3).subi(0.5);
        INDArray outputGradient = Nd4j.rand(DataType.DOUBLE, 70, 2).subi(0.5);

        INDArray floatOutput = floats.forward(input.castTo(DataType.FLOAT)).castTo(DataType.DOUBLE);
        INDArray floatInputGradient = floats.backward(outputGradient.castTo(DataType.FLOAT), true).castTo(DataType.DOUBLE);
        INDArray doubleOutput = doubles.forward(input);
        INDArray doubleInputGradient = doubles.backward(outputGradient, true);

        assertClose(floatOutput, doubleOutput);
        assertClose(floatInputGradient, doubleInputGradient);
        assertClose(floats.gradients().castTo(DataType.DOUBLE), doubles.gradients());
    }

    @Test
    void reluKernelsPickTheRightSideOfZero()
    {
        float[] values = {-1f, -0f, 0f, Float.MIN_VALUE, -Float.MIN_VALUE, 2.5f};
        Activation.relu().activate(values, 0, values.length);
        assertThat(values).containsExactly(0f, 0f, 0f, Float.MIN_VALUE, 0f, 2.5f);

        float[] output = {0f, Float.MIN_VALUE, 1e-30f, 3f, Float.MAX_VALUE};
        float[] delta = new float[output.length];
        Activation.relu().backward(output, new float[] {5f, 5f, 5f, 5f, 5f}, delta, 0, output.length);
        assertThat(delta).containsExactly(0f, 5f, 5f, 5f, 5f);
    }

    @Test
    void leakyReluKernelsPickTheRightSideOfZero()
    {
        Activation leaky = Activation.leakyRelu(0.2);
        float[] values = {-1f, -0f, 0f, -Float.MIN_VALUE, 2.5f, -Float.MAX_VALUE};
        leaky.activate(values, 0, values.length);
        assertThat(values).containsExactly(-0.2f, -0f, 0f, -0f, 2.5f, -Float.MAX_VALUE * 0.2f);

        // ND4J's convention, which the DOUBLE layers use: slope 1 at output >= 0, -0 included
        float[] output = {-1f, -Float.MIN_VALUE, -0f, 0f, Float.MIN_VALUE, 7f, -Float.MAX_VALUE};
        float[] delta = new float[output.length];
        float[] gradient = {3f, 3f, 3f, 3f, 3f, 3f, 3f};
        leaky.backward(output, gradient, delta, 0, output.length);
        assertThat(delta).containsExactly(3f * 0.2f, 3f * 0.2f, 3f, 3f, 3f, 3f, 3f * 0.2f);
    }

    @Test
    void tanhBackPropagatesOnTheHostWithTheBitsOfItsNd4jOps()
    {
        // tanh keeps its ND4J forward op; the FLOAT layer's backward pass is the host kernel, the ND4J ops' arithmetic
        Activation tanh = Activation.tanh();
        assertThat(tanh.hasHostKernels()).isFalse();
        assertThat(tanh.hasHostBackward()).isTrue();
        INDArray output = Nd4j.rand(DataType.FLOAT, 9, 1000).muli(2).subi(1);
        INDArray gradient = Nd4j.rand(DataType.FLOAT, 9, 1000).subi(0.5);
        INDArray expected = tanh.backward(output, gradient, Nd4j.create(DataType.FLOAT, 9, 1000));
        float[] delta = new float[9000];
        tanh.backward(output.data().asFloat(), gradient.data().asFloat(), delta, 0, delta.length);
        assertThat(delta).containsExactly(expected.data().asFloat());
    }

    private static void assertClose(INDArray actual, INDArray expected)
    {
        double[] a = actual.data().asDouble();
        double[] e = expected.data().asDouble();
        assertThat(a).hasSameSizeAs(e);
        for (int i = 0; i < e.length; i++) {
            assertThat(a[i]).as("element %d", i).isCloseTo(e[i], org.assertj.core.api.Assertions.within(1e-5 + 1e-5 * Math.abs(e[i])));
        }
    }

    private static SequentialNetwork network(Activation activation, DataType dataType)
    {
        return TestNetworks.alone(new SequentialNetwork(new long[] {3}, new long[] {2}, List.of(
                new Dense(3, 64, activation),
                new Dense(64, 64, activation),
                new Dense(64, 2, Activation.identity())),
                dataType, new SeededRandomSource(5)), dataType);
    }
}
