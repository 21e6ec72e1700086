package io.minimax.testkit;

import io.minimax.spi.RandomSource;
import io.minimax.spi.network.Network;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks any {@link Network}'s backward pass against finite differences, through the SPI alone, so it applies to
 * every registered network plugin. The scalar checked is L = Σ output ⊙ R for a fixed random R, whose gradient
 * with respect to the output is R itself. The network must be built in DOUBLE.
 */
public final class NetworkGradientCheck
{
    private NetworkGradientCheck() {}

    public static void check(String what, Network network, int batchSize, long seed)
    {
        RandomSource random = RandomSource.seeded(seed);
        INDArray input = Nd4j.create(DataType.DOUBLE, prepend(batchSize, network.inputShape()));
        random.gaussian(input, 0, 1);
        INDArray weights = Nd4j.create(DataType.DOUBLE, prepend(batchSize, network.outputShape()));
        random.gaussian(weights, 0, 1);

        network.forward(input);
        INDArray inputGradient = network.backward(weights, true).dup();
        INDArray parameterGradient = network.gradients().dup();
        assertThat(parameterGradient.length()).as("%s: gradient length", what).isEqualTo(network.parameters().length());

        INDArray numericInput = FiniteDifferences.gradient(input, x -> loss(network, x, weights));
        FiniteDifferences.assertMatches(what + ": dL/dinput", inputGradient, numericInput, 1e-4, 1e-7);

        INDArray parameters = network.parameters();
        INDArray numericParameters = FiniteDifferences.gradient(parameters, p -> loss(network, input, weights));
        FiniteDifferences.assertMatches(what + ": dL/dparameters", parameterGradient, numericParameters, 1e-4, 1e-7);

        // Input-only backward must leave the parameter gradients as they were and give the same input gradient.
        INDArray before = network.gradients().dup();
        network.forward(input);
        INDArray inputOnly = network.backward(weights, false);
        FiniteDifferences.assertMatches(what + ": dL/dinput without parameter gradients", inputOnly, inputGradient, 1e-10, 1e-12);
        assertThat(network.gradients()).as("%s: gradients untouched by an input-only backward", what).isEqualTo(before);
    }

    private static double loss(Network network, INDArray input, INDArray weights)
    {
        return network.forward(input).mul(weights).sumNumber().doubleValue();
    }

    private static long[] prepend(long first, long[] rest)
    {
        long[] shape = new long[rest.length + 1];
        shape[0] = first;
        System.arraycopy(rest, 0, shape, 1, rest.length);
        return shape;
    }
}
