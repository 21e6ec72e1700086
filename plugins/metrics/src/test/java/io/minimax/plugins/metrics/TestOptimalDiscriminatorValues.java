package io.minimax.plugins.metrics;

import io.minimax.plugin.support.SeededRandomSource;
import io.minimax.plugin.support.Logistic;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.function.DoubleUnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The instrument's arithmetic with both densities exact: p_data = N(0, 1), p_g = N(1, 1.5²). */
class TestOptimalDiscriminatorValues
{
    private static final int COUNT = 200_000;
    private static final DoubleUnaryOperator LOG_DATA = x -> GaussianLine.logDensity(x, 0, 1);
    private static final DoubleUnaryOperator LOG_MODEL = x -> GaussianLine.logDensity(x, 1, 1.5);

    private final double[] real = draw(0, 1, 1);
    private final double[] generated = draw(1, 1.5, 2);
    private final double jsd = Integrals.jensenShannonOfGaussians(0, 1, 1, 1.5);

    @Test
    void monteCarloValueAtTheOptimumIsMinusLog4PlusTwiceTheJsd()
    {
        // Theorem 1 of Goodfellow et al.: V(D*, G) = −log 4 + 2·JSD. The Monte-Carlo side has a standard error of
        // about sqrt((Var log D* + Var log(1 − D*)) / 200000) ≈ 0.002 here.
        OptimalDiscriminatorValues values = compute(x -> LOG_DATA.applyAsDouble(x) - LOG_MODEL.applyAsDouble(x));

        assertThat(values.jsd()).isEqualTo(jsd);
        assertThat(values.valueAtOptimum()).isCloseTo(-Math.log(4) + 2 * jsd, within(0.008));
        assertThat(values.identityGap()).isLessThan(0.008);
        assertThat(values.discriminatorGap()).as("D is D*").isCloseTo(0, within(1e-12));
        assertThat(values.valueAtDiscriminator()).isCloseTo(values.valueAtOptimum(), within(1e-12));
    }

    @Test
    void aDiscriminatorThatSaysOneHalfEverywhere()
    {
        OptimalDiscriminatorValues values = compute(x -> 0);

        assertThat(values.valueAtDiscriminator()).isCloseTo(-Math.log(4), within(1e-9));
        assertThat(values.valueAtOptimum()).as("D* does better than chance").isGreaterThan(-Math.log(4) + 0.1);
        double expectedGap = 0;
        for (double[] side : new double[][] {real, generated}) {
            for (double x : side) {
                expectedGap += Math.abs(0.5 - Logistic.sigmoid(LOG_DATA.applyAsDouble(x) - LOG_MODEL.applyAsDouble(x)));
            }
        }
        assertThat(values.discriminatorGap()).isCloseTo(expectedGap / (2 * COUNT), within(1e-12));
    }

    private OptimalDiscriminatorValues compute(DoubleUnaryOperator logit)
    {
        return OptimalDiscriminatorValues.compute(jsd, side(real, logit), side(generated, logit));
    }

    private static OptimalDiscriminatorValues.Side side(double[] samples, DoubleUnaryOperator logit)
    {
        double[] logData = new double[samples.length];
        double[] logModel = new double[samples.length];
        double[] logits = new double[samples.length];
        for (int i = 0; i < samples.length; i++) {
            logData[i] = LOG_DATA.applyAsDouble(samples[i]);
            logModel[i] = LOG_MODEL.applyAsDouble(samples[i]);
            logits[i] = logit.applyAsDouble(samples[i]);
        }
        return new OptimalDiscriminatorValues.Side(logData, logModel, logits);
    }

    private static double[] draw(double mean, double std, long seed)
    {
        INDArray samples = Nd4j.create(DataType.DOUBLE, COUNT);
        new SeededRandomSource(seed).gaussian(samples, mean, std);
        return SampleRows.values(samples);
    }
}
