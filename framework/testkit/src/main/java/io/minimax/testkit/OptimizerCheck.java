package io.minimax.testkit;

import io.minimax.plugin.support.SeededRandomSource;
import io.minimax.spi.PluginSpec;
import io.minimax.spi.RandomSource;
import io.minimax.spi.optim.Optimizer;
import io.minimax.spi.optim.OptimizerFactory;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks an {@link Optimizer} through its factory on f(θ) = ½ Σ a_i (θ_i − c_i)², curvatures a_i in [0.5, 2]: in FLOAT
 * and DOUBLE, the first step decreases f, ten steps decrease it further, the gradient array is left as it was; and an
 * optimizer that declares itself {@linkplain Optimizer#isElementwise() elementwise} updates two parameter vectors laid
 * end to end exactly as two instances of its own would.
 */
public final class OptimizerCheck
{
    private static final int PARAMETERS = 16;

    private OptimizerCheck() {}

    public static <S extends PluginSpec> void check(String what, OptimizerFactory<S> factory, S spec)
    {
        for (DataType dataType : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            Quadratic quadratic = new Quadratic(PARAMETERS, dataType, 5);
            Optimizer optimizer = factory.create(spec, TestContexts.plugin(1, dataType));
            INDArray parameters = quadratic.start();
            double before = quadratic.value(parameters);
            INDArray gradients = quadratic.gradient(parameters);
            INDArray gradientsCopy = gradients.dup();
            optimizer.step(parameters, gradients);
            assertThat(gradients).as("%s (%s): the gradients are read only", what, dataType).isEqualTo(gradientsCopy);
            double afterOne = quadratic.value(parameters);
            assertThat(afterOne).as("%s (%s): one step decreases the quadratic from %s", what, dataType, before).isLessThan(before);
            for (int step = 1; step < 10; step++) {
                optimizer.step(parameters, quadratic.gradient(parameters));
            }
            assertThat(quadratic.value(parameters)).as("%s (%s): ten steps decrease it further", what, dataType).isLessThan(afterOne);
        }

        Optimizer probe = factory.create(spec, TestContexts.plugin(1, DataType.DOUBLE));
        if (probe.isElementwise()) {
            Quadratic quadratic = new Quadratic(2 * PARAMETERS, DataType.DOUBLE, 6);
            INDArray joint = quadratic.start();
            INDArray first = half(joint, 0);
            INDArray second = half(joint, 1);
            Optimizer separateFirst = factory.create(spec, TestContexts.plugin(1, DataType.DOUBLE));
            Optimizer separateSecond = factory.create(spec, TestContexts.plugin(1, DataType.DOUBLE));
            for (int step = 0; step < 3; step++) {
                probe.step(joint, quadratic.gradient(joint));
                // f is separable: each half's gradient depends on that half alone
                INDArray gradients = quadratic.gradient(Nd4j.hstack(first, second));
                separateFirst.step(first, half(gradients, 0));
                separateSecond.step(second, half(gradients, 1));
            }
            FiniteDifferences.assertMatches(what + ": elementwise, one instance over two vectors end to end as two instances",
                    Nd4j.hstack(first, second), joint);
        }
    }

    private static INDArray half(INDArray vector, int which)
    {
        return vector.get(NDArrayIndex.all(), NDArrayIndex.interval(which * PARAMETERS, (which + 1) * PARAMETERS)).dup();
    }

    /** f(θ) = ½ Σ a_i (θ_i − c_i)² with fixed random a in [0.5, 2] and c, and a random start θ₀ at distance ~1. */
    private static final class Quadratic
    {
        private final INDArray curvature;
        private final INDArray minimum;
        private final INDArray start;

        Quadratic(int size, DataType dataType, long seed)
        {
            RandomSource random = new SeededRandomSource(seed);
            curvature = Nd4j.create(dataType, 1, size);
            minimum = Nd4j.create(dataType, 1, size);
            start = Nd4j.create(dataType, 1, size);
            random.uniform(curvature, 0.5, 2.0);
            random.gaussian(minimum, 0, 1);
            random.gaussian(start, 0, 1);
        }

        INDArray start()
        {
            return start.dup();
        }

        double value(INDArray parameters)
        {
            INDArray difference = parameters.castTo(DataType.DOUBLE).sub(minimum.castTo(DataType.DOUBLE));
            return difference.mul(difference).mul(curvature.castTo(DataType.DOUBLE)).sumNumber().doubleValue() / 2;
        }

        INDArray gradient(INDArray parameters)
        {
            return parameters.sub(minimum).muli(curvature);
        }
    }
}
