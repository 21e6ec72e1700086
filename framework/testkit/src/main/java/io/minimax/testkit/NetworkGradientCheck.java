package io.minimax.testkit;

import io.minimax.plugin.support.SeededRandomSource;
import io.minimax.spi.RandomSource;
import io.minimax.spi.network.Network;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks any {@link Network}'s hand-written backward pass against finite differences, through the SPI alone.
 * The loss is {@code L = sum(R ⊙ forward(x))} for a fixed random {@code R} of the output's shape, so
 * {@code backward(R, ...)} must return dL/dx and fill {@code gradients()} with dL/dθ. Checked:
 * <ul>
 * <li>the output has shape {@code [m, outputShape...]}, the input gradient the input's shape;</li>
 * <li>dL/dx and dL/dθ agree with central differences, whatever {@code gradients()} held before;</li>
 * <li>{@code backward(R, false)} returns the same input gradient and leaves {@code gradients()} untouched.</li>
 * </ul>
 * The network must compute in DOUBLE. For ReLU-like networks keep the input away from kinks by choice of seed; a
 * kink within ±1e-6 of a pre-activation shows up as a single mismatching element.
 *
 * <p>Depends only on the SPI, ND4J and finite differences, so it applies to every network plugin.
 */
public final class NetworkGradientCheck
{
    public static final double RELATIVE_TOLERANCE = 1e-5;
    public static final double ABSOLUTE_TOLERANCE = 1e-7;

    private NetworkGradientCheck() {}

    /** Checks {@code network} on a batch of {@code batchSize} standard-normal inputs drawn from {@code seed}. */
    public static void check(Network network, long batchSize, long seed)
    {
        RandomSource random = new SeededRandomSource(seed);
        INDArray input = Nd4j.create(DataType.DOUBLE, withBatch(batchSize, network.inputShape()));
        random.gaussian(input, 0, 1);
        check(network, input, random);
    }

    /** Checks {@code network} at {@code input} ({@code [m, inputShape...]}, DOUBLE; not modified). */
    public static void check(Network network, INDArray input, RandomSource random)
    {
        assertThat(network.parameters().dataType()).as("gradient checks need a DOUBLE network").isEqualTo(DataType.DOUBLE);
        assertThat(network.parameters().shape()).as("parameters() shape").isEqualTo(new long[] {1, network.parameterCount()});
        assertThat(network.gradients().shape()).as("gradients() shape").isEqualTo(network.parameters().shape());
        long batchSize = input.size(0);
        INDArray weights = Nd4j.create(DataType.DOUBLE, withBatch(batchSize, network.outputShape()));
        random.gaussian(weights, 0, 1);

        // Garbage in the gradient vector first: backward(..., true) must overwrite it, not accumulate onto it.
        INDArray garbage = network.gradients().dup();
        random.gaussian(garbage, 0, 1);
        network.gradients().assign(garbage);
        INDArray output = network.forward(input);
        assertThat(output.shape()).as("output shape").isEqualTo(withBatch(batchSize, network.outputShape()));
        INDArray inputGradient = network.backward(weights, true).dup();
        INDArray parameterGradient = network.gradients().dup();
        assertThat(inputGradient.shape()).as("input gradient shape").isEqualTo(input.shape());

        checkWithoutParameterGradients(network, input, weights, inputGradient, random);

        INDArray point = input.dup();
        FiniteDifferences.assertMatches("dL/dinput of " + network,
                inputGradient, FiniteDifferences.gradient(point, x -> loss(network, x, weights)),
                RELATIVE_TOLERANCE, ABSOLUTE_TOLERANCE);
        FiniteDifferences.assertMatches("dL/dparameters of " + network,
                parameterGradient, FiniteDifferences.gradient(network.parameters(), parameters -> loss(network, point, weights)),
                RELATIVE_TOLERANCE, ABSOLUTE_TOLERANCE);
    }

    private static void checkWithoutParameterGradients(
            Network network, INDArray input, INDArray weights, INDArray expectedInputGradient, RandomSource random)
    {
        INDArray sentinel = network.gradients().dup();
        random.gaussian(sentinel, 0, 1);
        network.gradients().assign(sentinel);
        network.forward(input);
        INDArray inputGradient = network.backward(weights, false);
        // Exact comparisons: INDArray.equals tolerates differences up to 1e-5.
        assertThat(values(network.gradients())).as("gradients() after backward(..., false)").isEqualTo(values(sentinel));
        assertThat(inputGradient.shape()).as("input gradient shape").isEqualTo(expectedInputGradient.shape());
        assertThat(values(inputGradient)).as("input gradient of backward(..., false)").isEqualTo(values(expectedInputGradient));
    }

    private static double loss(Network network, INDArray input, INDArray weights)
    {
        return network.forward(input).mul(weights).sumNumber().doubleValue();
    }

    private static double[] values(INDArray array)
    {
        return array.dup('c').data().asDouble();
    }

    private static long[] withBatch(long batchSize, long[] shape)
    {
        long[] result = new long[shape.length + 1];
        result[0] = batchSize;
        System.arraycopy(shape, 0, result, 1, shape.length);
        return result;
    }
}
