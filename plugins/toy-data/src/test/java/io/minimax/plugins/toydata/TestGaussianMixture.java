package io.minimax.plugins.toydata;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class TestGaussianMixture
{
    @Test
    void ringMeansLieOnTheCircleAtEqualAngles()
    {
        GaussianMixture ring = GaussianMixture.ring(8, 2.0, 0.01);
        double[][] means = ring.means();
        assertThat(means).hasNumberOfRows(8);
        assertThat(means[0]).containsExactly(new double[] {2.0, 0.0}, within(1e-15));
        assertThat(means[2]).containsExactly(new double[] {0.0, 2.0}, within(1e-15));
        for (int k = 0; k < 8; k++) {
            assertThat(Math.hypot(means[k][0], means[k][1])).isCloseTo(2.0, within(1e-15));
            double[] next = means[(k + 1) % 8];
            // chord of an eighth of the circle: 2r sin(π/8)
            assertThat(Samples.distance(means[k], next)).isCloseTo(2 * 2.0 * Math.sin(Math.PI / 8), within(1e-14));
        }
        assertThat(ring.std()).isEqualTo(0.01);
        assertThat(ring.dimension()).isEqualTo(2);
    }

    @Test
    void gridMeansAreCentredOnTheOrigin()
    {
        double[][] means = GaussianMixture.grid(5, 2.0, 0.05).means();
        assertThat(means).hasNumberOfRows(25);
        double[] expectedCoordinates = {-4, -2, 0, 2, 4};
        int k = 0;
        for (double x : expectedCoordinates) {
            for (double y : expectedCoordinates) {
                assertThat(means[k++]).containsExactly(x, y);
            }
        }
        assertThat(GaussianMixture.grid(2, 1.0, 0.1).means())
                .isEqualTo(new double[][] {{-0.5, -0.5}, {-0.5, 0.5}, {0.5, -0.5}, {0.5, 0.5}});
    }

    @Test
    void logDensityAtAnIsolatedModeIsThatComponentsPeak()
    {
        GaussianMixture ring = GaussianMixture.ring(8, 1.0, 0.01);
        // neighbours are 76σ away: their contribution is e^−2900, nothing
        double expected = Math.log(1.0 / 8) - Math.log(2 * Math.PI * 0.01 * 0.01);
        assertThat(ring.logDensity(new double[] {1.0, 0.0})).isCloseTo(expected, within(1e-12));
        double[] offCentre = {1.0 + 0.02, 0.0};
        assertThat(ring.logDensity(offCentre)).isCloseTo(expected - 0.5 * 4, within(1e-12));
    }

    @Test
    void logDensityIsTheLogSumOverComponentsWhenTheyOverlap()
    {
        GaussianMixture pair = new GaussianMixture(new double[][] {{-0.5}, {0.5}}, 1.0);
        double x = 0.3;
        double expected = Math.log(0.5 * normal(x, -0.5, 1) + 0.5 * normal(x, 0.5, 1));
        assertThat(pair.logDensity(new double[] {x})).isCloseTo(expected, within(1e-14));
    }

    @Test
    void logDensityStaysFiniteFarFromEveryMode()
    {
        GaussianMixture grid = GaussianMixture.grid(5, 2.0, 0.05);
        // (1000 − 4)² · 2 / (2σ²) ≈ 4e8 below the peak: exp underflows, log-sum-exp must not
        double far = grid.logDensity(new double[] {1000, 1000});
        assertThat(far).isFinite().isLessThan(-3e8);
        double expected = Math.log(1.0 / 25) - Math.log(2 * Math.PI * 0.0025) - (996.0 * 996.0 * 2) / (2 * 0.0025);
        assertThat(far).isCloseTo(expected, within(1e-6 * Math.abs(expected)));
    }

    @Test
    void densityEvaluatesEveryRowInTheCallersDataType()
    {
        GaussianMixture ring = GaussianMixture.ring(4, 1.0, 0.5);
        INDArray points = Nd4j.createFromArray(new double[][] {{0, 0}, {1, 0}, {3, -2}}).castTo(DataType.FLOAT);
        INDArray logDensity = new GaussianMixtureDensity(ring).logDensity(points);
        assertThat(logDensity.dataType()).isEqualTo(DataType.FLOAT);
        assertThat(logDensity.shape()).containsExactly(3);
        for (int i = 0; i < 3; i++) {
            assertThat(logDensity.getDouble(i)).isCloseTo(ring.logDensity(points.getRow(i).toDoubleVector()), within(1e-5));
        }
        assertThatThrownBy(() -> new GaussianMixtureDensity(ring).logDensity(Nd4j.zeros(DataType.DOUBLE, 3, 1)))
                .hasMessage("points need shape [n, 2], got [3, 1]");
    }

    @Test
    void meansAreCopiedInAndOut()
    {
        double[][] means = {{1.0, 2.0}};
        GaussianMixture mixture = new GaussianMixture(means, 1.0);
        means[0][0] = 99;
        mixture.means()[0][1] = 99;
        assertThat(mixture.means()).isEqualTo(new double[][] {{1.0, 2.0}});
        assertThat(mixture).isEqualTo(new GaussianMixture(new double[][] {{1.0, 2.0}}, 1.0));
    }

    @Test
    void rejectsMalformedMixtures()
    {
        assertThatThrownBy(() -> new GaussianMixture(new double[0][], 1.0)).hasMessageContaining("at least one component");
        assertThatThrownBy(() -> new GaussianMixture(new double[][] {{0.0}, {0.0, 1.0}}, 1.0))
                .hasMessageContaining("mean 1 has 2 coordinates");
        assertThatThrownBy(() -> new GaussianMixture(new double[][] {{0.0}}, 0.0)).hasMessageContaining("std must be > 0");
    }

    private static double normal(double x, double mean, double std)
    {
        return Math.exp(-(x - mean) * (x - mean) / (2 * std * std)) / Math.sqrt(2 * Math.PI * std * std);
    }
}
