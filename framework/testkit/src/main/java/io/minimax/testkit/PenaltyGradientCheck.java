package io.minimax.testkit;

import io.minimax.plugin.support.SeededRandomSource;
import io.minimax.spi.RandomSource;
import io.minimax.spi.loss.GradientPenalty;
import io.minimax.spi.network.Network;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks a {@link GradientPenalty} the way the engine uses it, against finite differences of the penalty's value:
 * <ul>
 * <li>dValue/d(input gradients), as {@link GradientPenalty#value} writes it, against differences in the gradients;</li>
 * <li>the penalty's gradient with respect to D's parameters, computed as the engine does (first-order backward to
 * the input gradients, then {@link Network#backwardInputGradient}), against differences of the value in the
 * parameters, with the penalty's points held fixed.</li>
 * </ul>
 * The discriminator must compute in DOUBLE.
 */
public final class PenaltyGradientCheck
{
    private PenaltyGradientCheck() {}

    public static void check(String what, GradientPenalty penalty, Network discriminator, long batchSize, long seed)
    {
        assertThat(discriminator.parameters().dataType()).as("gradient checks need a DOUBLE network").isEqualTo(DataType.DOUBLE);
        RandomSource random = new SeededRandomSource(seed);
        long[] sampleShape = Shapes.withBatch(batchSize, discriminator.inputShape());
        INDArray real = Nd4j.create(DataType.DOUBLE, sampleShape);
        INDArray generated = Nd4j.create(DataType.DOUBLE, sampleShape);
        random.gaussian(real, 0, 1);
        random.gaussian(generated, 1, 1);
        INDArray points = Nd4j.create(DataType.DOUBLE, sampleShape);
        penalty.points(real, generated, points);
        INDArray ones = Nd4j.ones(DataType.DOUBLE, Shapes.withBatch(batchSize, discriminator.outputShape()));
        INDArray valueGradient = Nd4j.create(DataType.DOUBLE, sampleShape);
        INDArray scratch = Nd4j.create(DataType.DOUBLE, sampleShape);

        discriminator.forward(points);
        INDArray inputGradients = discriminator.backward(ones, false).dup();
        penalty.value(inputGradients, valueGradient);
        FiniteDifferences.assertMatches(what + ": dValue/d(input gradients)",
                valueGradient, FiniteDifferences.gradient(inputGradients, gradients -> penalty.value(gradients, scratch)));

        INDArray garbage = discriminator.gradients().dup();
        random.gaussian(garbage, 0, 1);
        discriminator.gradients().assign(garbage);
        discriminator.forward(points);
        penalty.value(discriminator.backward(ones, false), valueGradient);
        discriminator.backwardInputGradient(valueGradient);
        INDArray analytic = discriminator.gradients().sub(garbage);

        INDArray numeric = FiniteDifferences.gradient(discriminator.parameters(), parameters -> {
            discriminator.forward(points);
            return penalty.value(discriminator.backward(ones, false), scratch);
        });
        FiniteDifferences.assertMatches(what + ": dPenalty/d(parameters of " + discriminator + ")", analytic, numeric,
                NetworkGradientCheck.RELATIVE_TOLERANCE, NetworkGradientCheck.ABSOLUTE_TOLERANCE);
    }
}
