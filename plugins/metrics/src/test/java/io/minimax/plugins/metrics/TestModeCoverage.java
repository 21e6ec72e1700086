package io.minimax.plugins.metrics;

import io.minimax.testkit.FakeRunView;
import io.minimax.spi.data.ModeMixture;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** PacGAN's protocol on hand-built sample sets whose answers are known. */
class TestModeCoverage
{
    // four modes of σ = 0.1 at (±1, 0) and (0, ±1): high quality means within 0.3 of a mean
    private static final ModeMixture MODES = new ModeMixture(new double[][] {{1, 0}, {0, 1}, {-1, 0}, {0, -1}}, 0.1);

    @Test
    void countsModesQualityAndTheReverseKl()
    {
        double[][] samples = {
                {1.0, 0.0}, {1.05, -0.05}, {0.9, 0.1},   // mode 0, within 1.5σ
                {0.0, 1.29},                              // mode 1 at 2.9σ: high quality
                {-1.31, 0.0},                             // mode 2 at 3.1σ: not
                {0.5, 0.5}};                              // between modes
        ModeCoverage coverage = ModeCoverage.of(samples, MODES, 3.0);

        assertThat(coverage.modesCovered()).isEqualTo(2);
        assertThat(coverage.highQualityCounts()).containsExactly(3, 1, 0, 0);
        assertThat(coverage.highQualityFraction()).isEqualTo(4.0 / 6);
        // histogram (3/4, 1/4, 0, 0) against uniform 1/4: ¾ log 3 + ¼ log 1
        assertThat(coverage.reverseKl()).isCloseTo(0.75 * Math.log(3), within(1e-15));
    }

    @Test
    void evenSpreadHasNoDivergenceAndCollapseHasLogK()
    {
        double[][] even = {{1, 0}, {0, 1}, {-1, 0}, {0, -1}, {1.1, 0}, {0, 1.1}, {-1.1, 0}, {0, -1.1}};
        assertThat(ModeCoverage.of(even, MODES, 3.0).reverseKl()).isCloseTo(0, within(1e-15));
        assertThat(ModeCoverage.of(even, MODES, 3.0).modesCovered()).isEqualTo(4);

        ModeCoverage collapsed = ModeCoverage.of(new double[][] {{0, -1}, {0.01, -1}}, MODES, 3.0);
        assertThat(collapsed.modesCovered()).isEqualTo(1);
        assertThat(collapsed.reverseKl()).isCloseTo(Math.log(4), within(1e-15));

        ModeCoverage nothing = ModeCoverage.of(new double[][] {{0, 0}, {5, 5}}, MODES, 3.0);
        assertThat(nothing.modesCovered()).isZero();
        assertThat(nothing.highQualityFraction()).isZero();
        assertThat(nothing.reverseKl()).as("no high-quality sample: the worst value").isEqualTo(Math.log(4));
    }

    @Test
    void theMetricReadsTheModesOfTheData()
    {
        RingOfGaussians ring = new RingOfGaussians(8, 1.0, 0.01, 1);
        // the evaluation's generated samples: exactly on modes 0 and 4, and one point at the centre
        double[][] generated = {{1, 0}, {-1, 0}, {-1, 0}, {0, 0}};
        Map<String, Double> values = new ModeCoverageMetric(3.0).evaluate(
                new FakeRunView(ring, Nd4j.createFromArray(generated), Nd4j.createFromArray(generated), x -> 0));

        assertThat(values).containsExactly(
                Map.entry(ModeCoverageMetric.MODES_COVERED, 2.0),
                Map.entry(ModeCoverageMetric.HIGH_QUALITY_FRACTION, 0.75),
                Map.entry(ModeCoverageMetric.REVERSE_KL, Math.log(8) + (Math.log(1.0 / 3) + 2 * Math.log(2.0 / 3)) / 3));
        assertThatThrownBy(() -> new ModeCoverageMetric(3.0)
                .evaluate(new FakeRunView(ring, Nd4j.createFromArray(new double[][] {{1, 0, 0}}),
                Nd4j.createFromArray(new double[][] {{1, 0, 0}}), x -> 0)))
                .hasMessage("samples have 3 coordinates, the modes 2");
    }
}
