package io.minimax.nn;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.function.DoubleUnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Forward values and derivatives against closed forms; the gradient checks in {@link TestDense} cover the rest. */
class TestActivations
{
    private static final double[] INPUTS = {-3.0, -1.5, -0.25, -1e-3, 1e-3, 0.3, 1.0, 2.5};
    private static final double[] UPSTREAM = {0.7, -1.1, 2.0, 0.5, -0.4, 1.3, -2.2, 0.9};

    @Test
    void relu()
    {
        assertActivation(Activation.relu(), x -> Math.max(0, x), x -> x > 0 ? 1 : 0);
    }

    @Test
    void leakyRelu()
    {
        assertActivation(Activation.leakyRelu(0.2), x -> x >= 0 ? x : 0.2 * x, x -> x >= 0 ? 1 : 0.2);
    }

    @Test
    void leakyReluWithZeroLeakIsRelu()
    {
        // The leaky derivative op tests output >= 0, which every clamped negative input passes: must not be used.
        assertActivation(Activation.leakyRelu(0), x -> Math.max(0, x), x -> x > 0 ? 1 : 0);
    }

    @Test
    void tanh()
    {
        assertActivation(Activation.tanh(), Math::tanh, x -> 1 - Math.tanh(x) * Math.tanh(x));
    }

    @Test
    void identity()
    {
        assertActivation(Activation.identity(), x -> x, x -> 1);
    }

    @Test
    void rejectsLeakOutsideUnitInterval()
    {
        assertThatThrownBy(() -> Activation.leakyRelu(1.0)).hasMessageContaining("leak must be in [0, 1) (got 1.0)");
        assertThatThrownBy(() -> Activation.leakyRelu(-0.1)).hasMessageContaining("got -0.1");
    }

    private static void assertActivation(Activation activation, DoubleUnaryOperator function, DoubleUnaryOperator derivative)
    {
        INDArray values = Nd4j.createFromArray(INPUTS).reshape(2, 4);
        INDArray upstream = Nd4j.createFromArray(UPSTREAM).reshape(2, 4);
        INDArray upstreamBefore = upstream.dup();
        activation.activateInPlace(values);
        INDArray inputGradient = activation.backward(values, upstream, Nd4j.create(DataType.DOUBLE, 2, 4));

        double[] output = values.data().asDouble();
        double[] gradient = inputGradient.dup().data().asDouble();
        for (int i = 0; i < INPUTS.length; i++) {
            assertThat(output[i]).as("%s(%s)", activation, INPUTS[i]).isCloseTo(function.applyAsDouble(INPUTS[i]), within(1e-12));
            assertThat(gradient[i]).as("%s'(%s)·g", activation, INPUTS[i])
                    .isCloseTo(derivative.applyAsDouble(INPUTS[i]) * UPSTREAM[i], within(1e-12));
        }
        assertThat(upstream.data().asDouble()).as("upstream gradient is read only").isEqualTo(upstreamBefore.data().asDouble());
    }
}
