package io.minimax.plugins.optimizers;

import io.minimax.testkit.TestContexts;

import io.minimax.spi.optim.Optimizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Three steps on a small vector against PyTorch's update rules written out in Java doubles. The gradients change
 * every step and vary in sign and scale, so state (momentum buffers, moments, step count) matters.
 */
class TestOptimizers
{
    private static final double[] START = {0.5, -1.25, 2.0, 0.0};
    private static final double[][] GRADIENTS = {
            {0.3, -0.02, 1.5, 0.0},
            {-0.1, -0.04, 1.2, 0.7},
            {0.25, 0.01, -0.9, 0.002}};
    private static final double TOLERANCE = 1e-13;

    @Test
    void sgd()
    {
        double learningRate = 0.1;
        double[] expected = START.clone();
        for (double[] gradient : GRADIENTS) {
            for (int i = 0; i < expected.length; i++) {
                expected[i] -= learningRate * gradient[i];
            }
        }
        assertThreeSteps(OptimizersPlugin.SGD.create(new SgdSpec(learningRate), TestContexts.plugin(1, DataType.DOUBLE)), expected);
    }

    @ParameterizedTest(name = "nesterov {0}")
    @ValueSource(booleans = {false, true})
    void momentum(boolean nesterov)
    {
        double learningRate = 0.1;
        double momentum = 0.8;
        double[] expected = START.clone();
        double[] buffer = new double[START.length];
        for (int t = 0; t < GRADIENTS.length; t++) {
            double[] gradient = GRADIENTS[t];
            for (int i = 0; i < expected.length; i++) {
                // torch.optim.SGD: the first step initialises the buffer to g, later ones decay it (dampening 0).
                buffer[i] = t == 0 ? gradient[i] : momentum * buffer[i] + gradient[i];
                double direction = nesterov ? gradient[i] + momentum * buffer[i] : buffer[i];
                expected[i] -= learningRate * direction;
            }
        }
        Optimizer optimizer = OptimizersPlugin.MOMENTUM.create(new MomentumSpec(learningRate, momentum, nesterov),
                TestContexts.plugin(1, DataType.DOUBLE));
        assertThreeSteps(optimizer, expected);
    }

    @Test
    void adam()
    {
        // A large epsilon relative to the gradients, so adding it before or after the bias correction differs clearly.
        double learningRate = 0.01;
        double beta1 = 0.8;
        double beta2 = 0.9;
        double epsilon = 0.05;
        double[] expected = START.clone();
        double[] first = new double[START.length];
        double[] second = new double[START.length];
        for (int t = 1; t <= GRADIENTS.length; t++) {
            double[] gradient = GRADIENTS[t - 1];
            double biasCorrection1 = 1 - Math.pow(beta1, t);
            double biasCorrection2 = 1 - Math.pow(beta2, t);
            for (int i = 0; i < expected.length; i++) {
                first[i] = beta1 * first[i] + (1 - beta1) * gradient[i];
                second[i] = beta2 * second[i] + (1 - beta2) * gradient[i] * gradient[i];
                // torch.optim.Adam (single-tensor path): denom = sqrt(v) / sqrt(bc2) + eps; step = lr / bc1.
                double denominator = Math.sqrt(second[i]) / Math.sqrt(biasCorrection2) + epsilon;
                expected[i] -= learningRate / biasCorrection1 * first[i] / denominator;
            }
        }
        Optimizer optimizer = OptimizersPlugin.ADAM.create(new AdamSpec(learningRate, beta1, beta2, epsilon),
                TestContexts.plugin(1, DataType.DOUBLE));
        assertThreeSteps(optimizer, expected);
    }

    @Test
    void frozenLeavesTheParametersAsTheyWere()
    {
        assertThreeSteps(OptimizersPlugin.FROZEN.create(new FrozenSpec(), TestContexts.plugin(1, DataType.DOUBLE)), START.clone());
        assertThatThrownBy(() -> new FrozenOptimizer().step(Nd4j.zeros(DataType.DOUBLE, 1, 4), Nd4j.ones(DataType.DOUBLE, 1, 3)))
                .hasMessageContaining("parameters and gradients must both be [1, n]");
    }

    @Test
    void adamInFloatTracksDoubles()
    {
        INDArray doubles = Nd4j.createFromArray(START).reshape(1, 4);
        INDArray floats = doubles.castTo(DataType.FLOAT);
        Optimizer doubleAdam = new AdamOptimizer(0.01, 0.9, 0.999, 1e-8);
        Optimizer floatAdam = new AdamOptimizer(0.01, 0.9, 0.999, 1e-8);
        for (double[] gradient : GRADIENTS) {
            INDArray g = Nd4j.createFromArray(gradient).reshape(1, 4);
            doubleAdam.step(doubles, g);
            floatAdam.step(floats, g.castTo(DataType.FLOAT));
        }
        double[] expected = doubles.data().asDouble();
        float[] actual = floats.data().asFloat();
        for (int i = 0; i < expected.length; i++) {
            assertThat((double) actual[i]).isCloseTo(expected[i], within(1e-6));
        }
    }

    @Test
    void stateBelongsToOneNetwork()
    {
        Optimizer adam = new AdamOptimizer(0.01, 0.9, 0.999, 1e-8);
        adam.step(Nd4j.zeros(DataType.DOUBLE, 1, 4), Nd4j.ones(DataType.DOUBLE, 1, 4));
        assertThatThrownBy(() -> adam.step(Nd4j.zeros(DataType.DOUBLE, 1, 5), Nd4j.ones(DataType.DOUBLE, 1, 5)))
                .hasMessageContaining("state is for 4 DOUBLE parameters, got 5 DOUBLE")
                .hasMessageContaining("one optimizer per network");
    }

    @Test
    void rejectsMismatchedVectors()
    {
        Optimizer sgd = new SgdOptimizer(0.1);
        assertThatThrownBy(() -> sgd.step(Nd4j.zeros(DataType.DOUBLE, 1, 4), Nd4j.ones(DataType.DOUBLE, 1, 3)))
                .hasMessageContaining("parameters and gradients must both be [1, n] (got [1, 4] and [1, 3])");
        assertThatThrownBy(() -> sgd.step(Nd4j.zeros(DataType.DOUBLE, 1, 4), Nd4j.ones(DataType.FLOAT, 1, 4)))
                .hasMessageContaining("parameters are DOUBLE but gradients FLOAT");
    }

    private static void assertThreeSteps(Optimizer optimizer, double[] expected)
    {
        INDArray parameters = Nd4j.createFromArray(START).reshape(1, 4);
        for (double[] gradient : GRADIENTS) {
            INDArray gradients = Nd4j.createFromArray(gradient).reshape(1, 4);
            optimizer.step(parameters, gradients);
            assertThat(gradients.data().asDouble()).as("gradients are read only").isEqualTo(gradient);
        }
        double[] actual = parameters.data().asDouble();
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("parameter %d", i).isCloseTo(expected[i], within(TOLERANCE));
        }
    }
}
