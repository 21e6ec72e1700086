package io.minimax.plugins.imagemetrics;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class TestKernelDistance
{
    @Test
    void twoPairsOfPointsByHand()
    {
        // d = 2, generated x = (1, 0), (0, 1), real y = (1, 1), (−1, 1); k = (a·b/2 + 1)³.
        // x₁·x₂ = 0 and y₁·y₂ = 0: k = 1 each, so the within sums are 2 + 2; across, the dots 1, −1, 1, 1 give
        // 3.375 + 0.125 + 3.375 + 3.375 = 10.25. MMD²_u = 4/(2·1) − 2 · 10.25/4 = −3.125 for every subset of m = 2.
        KernelDistance distance = KernelDistance.between(new double[][] {{1, 1}, {-1, 1}}, new double[][] {{1, 0}, {0, 1}},
                1000, 5, new SplittableRandom(1));
        assertThat(distance.mean()).isEqualTo(-3.125);
        assertThat(distance.standardDeviation()).isZero();
        assertThat(distance.subsetSize()).as("capped by the sets").isEqualTo(2);
        assertThat(distance.subsets()).isEqualTo(5);
    }

    @Test
    void isZeroInExpectationForOneDistribution()
    {
        // 400 independent pairs of sets of 50 from N(0, I₄): the unbiased estimates average to 0 within their standard error
        // (the biased V-statistic would sit near 2(E k(x, x) − E k(x, y))/m ≈ 2 · (11.5 − 1.75)/50 ≈ 0.4, 40 standard errors away)
        int repeats = 400;
        double sum = 0;
        double squares = 0;
        for (int r = 0; r < repeats; r++) {
            double[][] real = Features.gaussian(50, 4, 0, 1, 2 * r + 100);
            double[][] generated = Features.gaussian(50, 4, 0, 1, 2 * r + 101);
            double estimate = KernelDistance.between(real, generated, 50, 1, new SplittableRandom(r)).mean();
            sum += estimate;
            squares += estimate * estimate;
        }
        double mean = sum / repeats;
        double standardError = Math.sqrt((squares / repeats - mean * mean) / (repeats - 1));
        assertThat(standardError).isLessThan(0.01);
        assertThat(mean).isCloseTo(0, within(3 * standardError));
    }

    @Test
    void separatesShiftedDistributions()
    {
        double[][] real = Features.gaussian(1500, 8, 0, 1, 1);
        KernelDistance same = KernelDistance.between(real, Features.gaussian(1500, 8, 0, 1, 2), 500, 20, new SplittableRandom(3));
        KernelDistance shifted = KernelDistance.between(real, Features.gaussian(1500, 8, 0.5, 1, 2), 500, 20, new SplittableRandom(3));
        assertThat(Math.abs(same.mean())).isLessThan(3 * same.standardDeviation() + 1e-3);
        assertThat(shifted.mean()).isGreaterThan(10 * shifted.standardDeviation()).isGreaterThan(0.1);
    }

    @Test
    void theSameStreamGivesTheSameEstimate()
    {
        double[][] real = Features.gaussian(300, 4, 0, 1, 1);
        double[][] generated = Features.gaussian(200, 4, 0.2, 1, 2);
        KernelDistance first = KernelDistance.between(real, generated, 100, 10, new SplittableRandom(7));
        assertThat(KernelDistance.between(real, generated, 100, 10, new SplittableRandom(7))).isEqualTo(first);
        assertThat(KernelDistance.between(real, generated, 100, 10, new SplittableRandom(8)).mean()).isNotEqualTo(first.mean());
        assertThat(first.standardDeviation()).isPositive();
    }

    @Test
    void refusesSetsTooSmallOrOfDifferentDimensions()
    {
        assertThatThrownBy(() -> KernelDistance.between(new double[][] {{1}}, new double[][] {{1}, {2}}, 10, 1, new SplittableRandom(1)))
                .hasMessageContaining("at least two feature vectors per set (got 1 real, 2 generated");
        assertThatThrownBy(() -> KernelDistance.between(new double[][] {{1}, {2}}, new double[][] {{1, 2}, {2, 3}}, 10, 1,
                new SplittableRandom(1))).hasMessageContaining("feature dimensions differ: 1 real, 2 generated");
    }
}
