package io.minimax.plugins.metrics;

import io.minimax.testkit.FakeRunView;
import io.minimax.plugin.support.SeededRandomSource;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class TestMaximumMeanDiscrepancy
{
    @Test
    void twoPairsOfPointsByHand()
    {
        // X = {(0,0), (1,0)}, Y = {(0,1), (1,1)}: pooled distances 1, 1, 1, 1, √2, √2, so the median heuristic gives s = 1;
        // MMD² = k(1) + k(1) − ½(2k(1) + 2k(√2)) = e^(−1/2) − e^(−1)
        double[][] x = {{0, 0}, {1, 0}};
        double[][] y = {{0, 1}, {1, 1}};
        double bandwidth = MaximumMeanDiscrepancy.medianBandwidth(x, y);
        assertThat(bandwidth).isEqualTo(1.0);
        assertThat(MaximumMeanDiscrepancy.squared(x, y, bandwidth)).isCloseTo(Math.exp(-0.5) - Math.exp(-1), within(1e-15));
    }

    @Test
    void oneSetAgainstItselfIsZeroUpToTheUnbiasedCorrection()
    {
        // for X against X the U-statistic is 2S/(n²(n−1)) − 2/n with S = Σ_{i≠j} k ∈ [0, n(n−1)]: between −2/n and 0
        double[][] x = gaussian(2000, 3, 1, 1);
        double squared = MaximumMeanDiscrepancy.squared(x, x, MaximumMeanDiscrepancy.medianBandwidth(x, x));
        assertThat(squared).isBetween(-2.0 / 2000, 0.0);
        double[][] y = gaussian(2000, 3, 1, 2);
        assertThat(MaximumMeanDiscrepancy.squared(x, y, 1.5)).as("two samples of one distribution").isCloseTo(0, within(0.002));
    }

    @Test
    void twoGaussiansAgainstTheClosedForm()
    {
        // N(0, s²I) vs N(μ, s²I) in d dimensions under k = exp(−‖·‖²/(2b²)):
        // MMD² = 2 (b²/(b² + 2s²))^(d/2) (1 − exp(−‖μ‖²/(2(b² + 2s²))))
        int d = 2;
        double s = 0.5;
        double b = 1.0;
        double shift = 0.8;
        double[][] x = gaussian(2500, d, s, 3);
        double[][] y = gaussian(2500, d, s, 4);
        for (double[] point : y) {
            point[0] += shift;
        }
        double expected = 2 * Math.pow(b * b / (b * b + 2 * s * s), d / 2.0) * (1 - Math.exp(-shift * shift / (2 * (b * b + 2 * s * s))));
        assertThat(MaximumMeanDiscrepancy.squared(x, y, b)).isCloseTo(expected, within(0.1 * expected));
    }

    @Test
    void theMetricLogsTheDiscrepancyAndItsBandwidth()
    {
        double[][] x = {{0, 0}, {1, 0}};
        double[][] y = {{0, 1}, {1, 1}};
        INDArray generated = Nd4j.createFromArray(x);
        INDArray real = Nd4j.createFromArray(y);
        Map<String, Double> values = new MmdMetric()
                .evaluate(new FakeRunView(new RingOfGaussians(4, 1, 0.1, 1), generated, real, point -> 0));
        assertThat(values.get(MmdMetric.MMD_SQUARED)).isCloseTo(Math.exp(-0.5) - Math.exp(-1), within(1e-15));
        assertThat(values.get(MmdMetric.BANDWIDTH)).isEqualTo(1.0);
        assertThatThrownBy(() -> MaximumMeanDiscrepancy.medianBandwidth(new double[][] {{1}, {1}}, new double[][] {{1}, {1}}))
                .hasMessageContaining("every sample is the same point");
    }

    /** count points of N(0, std²I) in {@code dimension} dimensions. */
    private static double[][] gaussian(int count, int dimension, double std, long seed)
    {
        INDArray samples = Nd4j.create(DataType.DOUBLE, count, dimension);
        new SeededRandomSource(seed).gaussian(samples, 0, std);
        return SampleRows.of(samples);
    }
}
