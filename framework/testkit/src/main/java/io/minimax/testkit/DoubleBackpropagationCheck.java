package io.minimax.testkit;

import io.minimax.plugin.support.SeededRandomSource;
import io.minimax.spi.RandomSource;
import io.minimax.spi.network.Network;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks a {@link Network}'s double backpropagation against finite differences, through the SPI alone. With random
 * {@code u} (output-shaped) and {@code w} (input-shaped), let g = backward(u) be the input gradient and
 * S(θ) = Σ ⟨w, g⟩. Then {@code backwardInputGradient(w)} must add ∂S/∂θ to {@code gradients()}: compared with central
 * differences of S, which needs nothing but forward and first-order backward passes. The network must compute in
 * DOUBLE; for ReLU-like networks S is smooth in θ away from kinks, which random inputs avoid.
 */
public final class DoubleBackpropagationCheck
{
    private DoubleBackpropagationCheck() {}

    /** Checks {@code network} on a batch of {@code batchSize} standard-normal inputs drawn from {@code seed}. */
    public static void check(Network network, long batchSize, long seed)
    {
        assertThat(network.supportsDoubleBackpropagation()).as("%s supports double backpropagation", network).isTrue();
        assertThat(network.parameters().dataType()).as("gradient checks need a DOUBLE network").isEqualTo(DataType.DOUBLE);
        RandomSource random = new SeededRandomSource(seed);
        INDArray input = Nd4j.create(DataType.DOUBLE, Shapes.withBatch(batchSize, network.inputShape()));
        INDArray outputWeights = Nd4j.create(DataType.DOUBLE, Shapes.withBatch(batchSize, network.outputShape()));
        INDArray inputGradientWeights = Nd4j.create(DataType.DOUBLE, Shapes.withBatch(batchSize, network.inputShape()));
        random.gaussian(input, 0, 1);
        random.gaussian(outputWeights, 0, 1);
        random.gaussian(inputGradientWeights, 0, 1);

        // Garbage first: the double backward pass must add to the gradient vector, not overwrite it.
        INDArray garbage = network.gradients().dup();
        random.gaussian(garbage, 0, 1);
        network.gradients().assign(garbage);
        network.forward(input);
        network.backward(outputWeights, false);
        network.backwardInputGradient(inputGradientWeights);
        INDArray analytic = network.gradients().sub(garbage);

        INDArray numeric = FiniteDifferences.gradient(network.parameters(), parameters -> {
            network.forward(input);
            return network.backward(outputWeights, false).mul(inputGradientWeights).sumNumber().doubleValue();
        });
        FiniteDifferences.assertMatches("∂/∂parameters of ⟨w, input gradient⟩ of " + network, analytic, numeric,
                NetworkGradientCheck.RELATIVE_TOLERANCE, NetworkGradientCheck.ABSOLUTE_TOLERANCE);
    }
}
