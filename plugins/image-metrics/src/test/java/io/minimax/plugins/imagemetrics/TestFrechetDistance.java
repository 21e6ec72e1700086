package io.minimax.plugins.imagemetrics;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class TestFrechetDistance
{
    private static final double[][] FIRST_COVARIANCE = {{2.0, 0.6, -0.3}, {0.6, 1.5, 0.4}, {-0.3, 0.4, 1.0}};
    private static final double[][] SECOND_COVARIANCE = {{1.0, -0.2, 0.5}, {-0.2, 2.5, 0.1}, {0.5, 0.1, 0.8}};

    @Test
    void statisticsOfThreePointsByHand()
    {
        // (1, 2), (3, 5), (4, 4): mean (8/3, 11/3); deviations (−5/3, −5/3), (1/3, 4/3), (4/3, 1/3) give
        // Σ = [[42/9, 33/9], [33/9, 42/9]] / 2 = [[7/3, 11/6], [11/6, 7/3]] (numpy.cov agrees)
        FeatureStatistics statistics = FeatureStatistics.of(new double[][] {{1, 2}, {3, 5}, {4, 4}});
        assertThat(statistics.mean()).containsExactly(new double[] {8.0 / 3, 11.0 / 3}, within(1e-15));
        assertThat(statistics.covariance()[0]).containsExactly(new double[] {7.0 / 3, 11.0 / 6}, within(1e-14));
        assertThat(statistics.covariance()[1]).containsExactly(new double[] {11.0 / 6, 7.0 / 3}, within(1e-14));
        assertThat(statistics.count()).isEqualTo(3);
    }

    @Test
    void statisticsKeepTheirDigitsFarFromTheOrigin()
    {
        // the same three points moved by 10⁹: the naive Σxxᵀ/n − μμᵀ would lose every digit of the covariance
        FeatureStatistics statistics = FeatureStatistics.of(Features.shifted(new double[][] {{1, 2}, {3, 5}, {4, 4}}, 1e9));
        assertThat(statistics.covariance()[0]).containsExactly(new double[] {7.0 / 3, 11.0 / 6}, within(1e-6));
        assertThat(statistics.mean()[1]).isEqualTo(1e9 + 11.0 / 3, within(1e-6));
    }

    @Test
    void aSetHasDistanceZeroToItself()
    {
        FeatureStatistics statistics = FeatureStatistics.of(Features.gaussian(2000, 16, 0.5, 2, 1));
        assertThat(FrechetDistance.between(statistics, statistics).value()).isCloseTo(0, within(1e-10));
    }

    @Test
    void singularCovariancesHaveTheirRoundingClampedAndCounted()
    {
        // 40 vectors in 64 dimensions: rank 39, so 25 eigenvalues are zero and rounding puts some below it. Those that
        // stay above it, ~1e-15, have square roots ~3e-8: near a singular Σ the square root magnifies rounding, so FD(x, x)
        // is 0 to about 1e-8 of tr Σ (≈ 2 · 62 here), not to machine precision (scipy's sqrtm does no better)
        FeatureStatistics statistics = FeatureStatistics.of(Features.gaussian(40, 64, 0, 1, 2));
        FrechetDistance distance = FrechetDistance.between(statistics, statistics);
        assertThat(distance.value()).isCloseTo(0, within(1e-5));
        assertThat(distance.clampedEigenvalues()).isPositive();
        assertThat(distance.worstClamped()).isNegative().isGreaterThan(-1e-12);
    }

    @Test
    void isSymmetric()
    {
        FeatureStatistics first = FeatureStatistics.of(Features.gaussian(500, 8, 0, 1, 3));
        FeatureStatistics second = FeatureStatistics.of(Features.gaussian(700, 8, 0.3, 1.5, 4));
        double forth = FrechetDistance.between(first, second).value();
        assertThat(forth).isGreaterThan(0.5);
        assertThat(FrechetDistance.between(second, first).value()).isCloseTo(forth, within(1e-12 * forth));
    }

    @Test
    void diagonalCovariancesAgainstTheClosedForm()
    {
        // with Σ = diag(σ²) the square-root term is Σ σ₁σ₂, so FD = Σ(μ₁ − μ₂)² + Σ(σ₁ − σ₂)²
        double[] meanFirst = {0, 1, -2, 0.5};
        double[] meanSecond = {1, 1, 0, -0.5};
        double[] stdFirst = {1, 2, 0.5, 3};
        double[] stdSecond = {2, 0.5, 0.5, 1};
        FrechetDistance distance = FrechetDistance.between(diagonal(meanFirst, stdFirst), diagonal(meanSecond, stdSecond));
        // means: 1 + 0 + 4 + 1 = 6; deviations: 1 + 2.25 + 0 + 4 = 7.25
        assertThat(distance.meanTerm()).isCloseTo(6, within(1e-14));
        assertThat(distance.covarianceTerm()).isCloseTo(7.25, within(1e-12));
        assertThat(distance.value()).isCloseTo(13.25, within(1e-12));
        assertThat(distance.clampedEigenvalues()).isZero();
    }

    @Test
    void correlatedCovariancesAgainstNumpy()
    {
        // numpy 2.4.6 via eigh as here: 6.217886307554946; scipy 1.17.1's sqrtm(Σ₁Σ₂): 6.2178863075549495
        FeatureStatistics first = new FeatureStatistics(new double[] {0, 0, 0}, FIRST_COVARIANCE, 100);
        FeatureStatistics second = new FeatureStatistics(new double[] {1, -0.5, 2}, SECOND_COVARIANCE, 100);
        assertThat(FrechetDistance.between(first, second).value()).isCloseTo(6.217886307554946, within(1e-13));
        assertThat(FrechetDistance.between(second, first).value()).isCloseTo(6.217886307554946, within(1e-13));
    }

    @Test
    void theSameRotationOfBothSetsLeavesTheDistanceAsItWas()
    {
        double angle = 0.7;
        double[][] rotation = {{Math.cos(angle), -Math.sin(angle), 0}, {Math.sin(angle), Math.cos(angle), 0}, {0, 0, 1}};
        FeatureStatistics first = new FeatureStatistics(rotate(rotation, new double[] {0, 0, 0}),
                Matrices.product(Matrices.product(rotation, FIRST_COVARIANCE, false), rotation, true), 100);
        FeatureStatistics second = new FeatureStatistics(rotate(rotation, new double[] {1, -0.5, 2}),
                Matrices.product(Matrices.product(rotation, SECOND_COVARIANCE, false), rotation, true), 100);
        assertThat(FrechetDistance.between(first, second).value()).isCloseTo(6.217886307554946, within(1e-12));
    }

    @Test
    void refusesStatisticsOfDifferentDimensions()
    {
        FeatureStatistics two = FeatureStatistics.of(new double[][] {{1, 2}, {3, 5}, {4, 4}});
        FeatureStatistics three = new FeatureStatistics(new double[3], FIRST_COVARIANCE, 10);
        assertThatThrownBy(() -> FrechetDistance.between(two, three)).hasMessage("feature dimensions differ: 2 and 3");
        assertThatThrownBy(() -> FeatureStatistics.of(new double[][] {{1, 2}})).hasMessageContaining("at least two feature vectors");
    }

    private static FeatureStatistics diagonal(double[] mean, double[] std)
    {
        double[][] covariance = new double[mean.length][mean.length];
        for (int i = 0; i < mean.length; i++) {
            covariance[i][i] = std[i] * std[i];
        }
        return new FeatureStatistics(mean, covariance, 1000);
    }

    private static double[] rotate(double[][] rotation, double[] vector)
    {
        double[] result = new double[vector.length];
        for (int i = 0; i < vector.length; i++) {
            for (int j = 0; j < vector.length; j++) {
                result[i] += rotation[i][j] * vector[j];
            }
        }
        return result;
    }
}
