package io.minimax.plugins.metrics;

import io.minimax.plugin.support.SeededRandomSource;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class TestKernelDensity
{
    private static final double[][] LINE = {{0}, {1}, {2}, {3}, {4}};

    @Test
    void bandwidthRulesScaleTheSampleStandardDeviation()
    {
        double std = Math.sqrt(2.5);
        double[] floors = {1e-9};
        assertThat(KernelDensity.fit(LINE, BandwidthRule.SCOTT, 0, floors).bandwidths()[0])
                .isCloseTo(Math.pow(5, -0.2) * std, within(1e-15));
        assertThat(KernelDensity.fit(LINE, BandwidthRule.SILVERMAN, 0, floors).bandwidths()[0])
                .isCloseTo(Math.pow(5 * 3 / 4.0, -0.2) * std, within(1e-15));
        assertThat(KernelDensity.fit(LINE, BandwidthRule.FIXED, 0.3, floors).bandwidths()).containsExactly(0.3);
        assertThat(KernelDensity.fit(new double[][] {{1, 5}, {1, 5}}, BandwidthRule.SCOTT, 0, new double[] {0.01, 0.02}).bandwidths())
                .as("a collapsed sample gets the floor").containsExactly(0.01, 0.02);
        // 2500 points in the plane: Scott's factor 2500^(-1/6) = 0.2714
        assertThat(BandwidthRule.SCOTT.factor(2500, 2)).isCloseTo(0.27144, within(1e-5));
        assertThat(BandwidthRule.named("silverman")).isEqualTo(BandwidthRule.SILVERMAN);
        assertThatThrownBy(() -> BandwidthRule.named("wide"))
                .hasMessage("unknown bandwidth rule 'wide' (known: scott, silverman, cross-validation, fixed)");
    }

    @Test
    void crossValidationFollowsNarrowSeparatedModes()
    {
        // two modes of σ = 0.01 at ±1: σ̂ ≈ 1, so Scott's rule gives about 0.25, twenty-five times the modes' width
        double[][] samples = new double[1000][1];
        INDArray noise = Nd4j.create(DataType.DOUBLE, 1000);
        new SeededRandomSource(3).gaussian(noise, 0, 0.01);
        double[] draws = SampleRows.values(noise);
        for (int i = 0; i < samples.length; i++) {
            samples[i][0] = (i % 2 == 0 ? -1 : 1) + draws[i];
        }
        double[] floors = {1e-6};
        double scott = KernelDensity.fit(samples, BandwidthRule.SCOTT, 0, floors).bandwidths()[0];
        double crossValidated = KernelDensity.fit(samples, BandwidthRule.CROSS_VALIDATION, 0, floors).bandwidths()[0];
        assertThat(scott).isCloseTo(0.25, within(0.01));
        assertThat(crossValidated).isBetween(0.002, 0.02);
        assertThat(KernelDensity.fit(new double[][] {{2}, {2}, {2}}, BandwidthRule.CROSS_VALIDATION, 0, new double[] {0.05}).bandwidths())
                .as("a collapsed sample gets the floor").containsExactly(0.05);
    }

    @Test
    void oneCentreIsTheNormalDensity()
    {
        KernelDensity density = new KernelDensity(new double[][] {{1.5}}, new double[] {0.4});
        double[] points = {-3, 0, 1.5, 2.2, 40};
        double[] logDensities = density.logDensities(new double[][] {{-3}, {0}, {1.5}, {2.2}, {40}});
        for (int i = 0; i < points.length; i++) {
            assertThat(logDensities[i]).isCloseTo(GaussianLine.logDensity(points[i], 1.5, 0.4), within(1e-12));
        }
    }

    @Test
    void theGridProductEqualsTheDirectSumAndIntegratesToOne()
    {
        double[][] centres = {{0.1, 0.2}, {-0.5, 0.7}, {0.9, -0.4}, {0.3, 0.3}};
        KernelDensity density = new KernelDensity(centres, new double[] {0.15, 0.25});
        QuadratureGrid grid = new QuadratureGrid(new double[][] {
                QuadratureGrid.evenlySpaced(-2, 2.5, 301), QuadratureGrid.evenlySpaced(-2.5, 3, 257)});
        double[] onGrid = density.densitiesOn(grid);
        double[] direct = density.logDensities(grid.points());
        double integral = 0;
        for (int i = 0; i < onGrid.length; i++) {
            assertThat(onGrid[i]).isCloseTo(Math.exp(direct[i]), within(1e-12 + 1e-12 * onGrid[i]));
            integral += onGrid[i] * grid.cellVolume();
        }
        assertThat(integral).isCloseTo(1, within(1e-9));

        QuadratureGrid line = new QuadratureGrid(new double[][] {QuadratureGrid.evenlySpaced(-12, 16, 4001)});
        double lineIntegral = 0;
        for (double value : KernelDensity.fit(LINE, BandwidthRule.SCOTT, 0, new double[] {1e-9}).densitiesOn(line)) {
            lineIntegral += value * line.cellVolume();
        }
        assertThat(lineIntegral).isCloseTo(1, within(1e-9));
    }
}
