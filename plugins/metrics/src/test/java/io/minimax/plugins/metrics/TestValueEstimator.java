package io.minimax.plugins.metrics;

import io.minimax.testkit.FakeRunView;
import io.minimax.plugin.support.Logistic;
import io.minimax.spi.metric.Measurement;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.DoubleUnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The estimator experiment with known distributions: p_data = N(0, 1), p_g = N(1, 1) and a fixed discriminator
 * D(x) = σ(1 − 2x), so the expectation E log D(x) + E log(1 − D(G(z))) and the spread of its terms are integrals.
 */
class TestValueEstimator
{
    private static final int REPEATS = 400;
    private static final DoubleUnaryOperator LOGIT = x -> 1 - 2 * x;
    private static final DoubleUnaryOperator LOG_D = x -> -Logistic.softplus(-LOGIT.applyAsDouble(x));
    private static final DoubleUnaryOperator LOG_ONE_MINUS_D = x -> -Logistic.softplus(LOGIT.applyAsDouble(x));

    @Test
    void theMinibatchMeanIsUnbiasedAndItsSpreadShrinksAsOneOverRootM()
    {
        List<Measurement> measurements = new ValueEstimatorMetric(64, REPEATS, 200_000).measure(run(true));

        double expectation = expectation(LOG_D, 0) + expectation(LOG_ONE_MINUS_D, 1);
        double singleSampleStd = Math.sqrt(variance(LOG_D, 0) + variance(LOG_ONE_MINUS_D, 1));
        assertThat(steps(measurements, ValueEstimatorMetric.MEAN)).containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 64L);
        double measuredExpectation = value(measurements, ValueEstimatorMetric.EXPECTATION, 1);
        assertThat(measuredExpectation)
                .isCloseTo(expectation, within(4 * value(measurements, ValueEstimatorMetric.EXPECTATION_STANDARD_ERROR, 1)));
        for (long m = 1; m <= 64; m *= 2) {
            double mean = value(measurements, ValueEstimatorMetric.MEAN, m);
            double standardError = value(measurements, ValueEstimatorMetric.MEAN_STANDARD_ERROR, m);
            double std = value(measurements, ValueEstimatorMetric.STD, m);
            assertThat(standardError).isCloseTo(std / Math.sqrt(REPEATS), within(1e-15));
            assertThat(mean).as("mean of V-hat at m = %d", m).isCloseTo(expectation, within(4 * standardError));
            assertThat(value(measurements, ValueEstimatorMetric.PREDICTED_STD, m))
                    .isCloseTo(singleSampleStd / Math.sqrt(m), within(0.01 * singleSampleStd / Math.sqrt(m)));
            assertThat(std * Math.sqrt(m)).as("std of V-hat times sqrt(m) at m = %d", m)
                    .isCloseTo(singleSampleStd, within(0.15 * singleSampleStd));
            assertThat(value(measurements, ValueEstimatorMetric.EXPECTATION, m)).isEqualTo(measuredExpectation);
        }
    }

    @Test
    void onlyTheFinalEvaluationMeasures()
    {
        ValueEstimatorMetric metric = new ValueEstimatorMetric(4, 2, 1000);
        assertThat(metric.measure(run(false))).isEmpty();
        assertThat(metric.evaluate(run(true))).isEmpty();
        assertThat(metric.charts()).extracting(chart -> chart.fileName())
                .containsExactly("value-estimator.png", "value-estimator-spread.png");
    }

    private static FakeRunView run(boolean isFinal)
    {
        return new FakeRunView(new GaussianLine(0, 1, 11), new GaussianLine(1, 1, 12), x -> LOGIT.applyAsDouble(x[0]), 100, 100, isFinal);
    }

    private static double expectation(DoubleUnaryOperator function, double mean)
    {
        return Integrals.simpson(x -> function.applyAsDouble(x) * Math.exp(GaussianLine.logDensity(x, mean, 1)), mean - 40, mean + 40,
                200_000);
    }

    private static double variance(DoubleUnaryOperator function, double mean)
    {
        double first = expectation(function, mean);
        return expectation(x -> Math.pow(function.applyAsDouble(x) - first, 2), mean);
    }

    private static List<Long> steps(List<Measurement> measurements, String key)
    {
        return measurements.stream().filter(measurement -> measurement.key().equals(key)).map(Measurement::step).toList();
    }

    private static double value(List<Measurement> measurements, String key, long step)
    {
        return measurements.stream()
                .filter(measurement -> measurement.key().equals(key) && measurement.step() == step)
                .findFirst()
                .orElseThrow()
                .value();
    }
}
