package io.minimax.plugins.metrics;

import io.minimax.testkit.FakeRunView;
import io.minimax.spi.data.DataSource;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Map;

import static io.minimax.plugins.metrics.OptimalDiscriminatorMetric.BANDWIDTH;
import static io.minimax.plugins.metrics.OptimalDiscriminatorMetric.DISCRIMINATOR_GAP;
import static io.minimax.plugins.metrics.OptimalDiscriminatorMetric.IDENTITY_GAP;
import static io.minimax.plugins.metrics.OptimalDiscriminatorMetric.JSD;
import static io.minimax.plugins.metrics.OptimalDiscriminatorMetric.VALUE_AT_DISCRIMINATOR;
import static io.minimax.plugins.metrics.OptimalDiscriminatorMetric.VALUE_AT_OPTIMUM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The whole instrument on 2500 + 2500 samples, as at an evaluation, with p_g's density estimated. */
class TestOptimalDiscriminatorMetric
{
    private static final int COUNT = 2500;

    @Test
    void twoGaussiansOnTheLine()
    {
        GaussianLine data = new GaussianLine(0, 1, 1);
        GaussianLine generator = new GaussianLine(1, 1.5, 2);
        // D = D* for the true p_g: the instrument measures how far that is from D* for its density estimate
        Map<String, Double> values = metric()
                .evaluate(new FakeRunView(data, generator, x -> data.logDensity(x[0]) - generator.logDensity(x[0]), COUNT, 100, true));

        // Scott's rule widens N(1, 1.5²) to N(1, 1.5²(1 + f²)) on average, f = 2500^(−1/5)
        double factor = Math.pow(COUNT, -0.2);
        assertThat(values.get(BANDWIDTH)).isCloseTo(1.5 * factor, within(0.05 * 1.5 * factor));
        double widened = Integrals.jensenShannonOfGaussians(0, 1, 1, 1.5 * Math.sqrt(1 + factor * factor));
        assertThat(values.get(JSD)).isCloseTo(widened, within(0.01));
        assertThat(values.get(VALUE_AT_OPTIMUM)).isCloseTo(-Math.log(4) + 2 * widened, within(0.04));
        assertThat(values.get(IDENTITY_GAP)).isLessThan(0.04);
        assertThat(values.get(DISCRIMINATOR_GAP)).isLessThan(0.03);
        assertThat(values.get(VALUE_AT_DISCRIMINATOR)).isCloseTo(values.get(VALUE_AT_OPTIMUM), within(0.02));
    }

    @Test
    void aGeneratorThatMatchesTheDataOnTheLine()
    {
        GaussianLine data = new GaussianLine(2, 0.5, 3);
        Map<String, Double> values = metric().evaluate(new FakeRunView(data, new GaussianLine(2, 0.5, 4), x -> 0, COUNT, 100, true));

        assertThat(values.get(JSD)).isBetween(0.0, 0.005);
        assertThat(values.get(VALUE_AT_OPTIMUM)).isCloseTo(-Math.log(4), within(0.02));
        assertThat(values.get(VALUE_AT_DISCRIMINATOR)).isCloseTo(-Math.log(4), within(1e-12));
        assertThat(values.get(DISCRIMINATOR_GAP)).isLessThan(0.05);
    }

    @Test
    void aRingInThePlaneNeedsABandwidthBelowTheModesWidth()
    {
        RingOfGaussians data = new RingOfGaussians(8, 1.0, 0.05, 5);
        Map<String, Double> scott = metric().evaluate(new FakeRunView(data, new RingOfGaussians(8, 1.0, 0.05, 6), x -> 0, COUNT, 100,
                true));
        Map<String, Double> narrow = new OptimalDiscriminatorMetric(BandwidthRule.FIXED, 0.02)
                .evaluate(new FakeRunView(data, new RingOfGaussians(8, 1.0, 0.05, 6), x -> 0, COUNT, 100, true));
        Map<String, Double> crossValidated = new OptimalDiscriminatorMetric(BandwidthRule.CROSS_VALIDATION, 0.1)
                .evaluate(new FakeRunView(data, new RingOfGaussians(8, 1.0, 0.05, 6), x -> 0, COUNT, 100, true));

        // A bandwidth below the modes' σ models p_g well: the JSD is near 0 and the self-check holds.
        assertThat(narrow.get(JSD)).isBetween(0.0, 0.02);
        assertThat(narrow.get(IDENTITY_GAP)).isLessThan(0.02);
        // cross-validation finds such a bandwidth by itself
        assertThat(crossValidated.get(BANDWIDTH)).isBetween(0.01, 0.04);
        assertThat(crossValidated.get(JSD)).isBetween(0.0, 0.02);
        assertThat(crossValidated.get(IDENTITY_GAP)).isLessThan(0.02);
        // Scott's rule spreads each generated point over 0.19, four times the modes' σ = 0.05: at the generated
        // samples p_data far exceeds the estimate, and the self-check exposes the misfit instead of hiding it.
        assertThat(scott.get(BANDWIDTH)).isCloseTo(0.19, within(0.01));
        assertThat(scott.get(IDENTITY_GAP)).isGreaterThan(1.0);
    }

    @Test
    void needsAKnownDensityInAtMostTwoDimensions()
    {
        DataSource noDensity = new DataSource()
        {
            @Override
            public long[] sampleShape()
            {
                return new long[] {1};
            }

            @Override
            public void sample(INDArray out)
            {
                out.assign(0);
            }
        };
        INDArray line = Nd4j.zeros(DataType.DOUBLE, 4, 1);
        assertThatThrownBy(() -> metric().evaluate(new FakeRunView(noDensity, line, line, x -> 0)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("optimal-discriminator needs data with a known density");
        INDArray space = Nd4j.rand(DataType.DOUBLE, 4, 3);
        assertThatThrownBy(() -> metric().evaluate(new FakeRunView(new GaussianLine(0, 1, 1), space, space, x -> 0)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("optimal-discriminator integrates over one or two dimensions; these samples have 3");
    }

    private static OptimalDiscriminatorMetric metric()
    {
        return new OptimalDiscriminatorMetric(BandwidthRule.SCOTT, 0.1);
    }
}
