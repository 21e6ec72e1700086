package io.minimax.plugins.toydata;

import io.minimax.testkit.TestContexts;

import io.minimax.spi.data.DataSource;
import io.minimax.spi.data.Density;
import io.minimax.spi.data.ModeMixture;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The gaussian-1d, ring and grid sources, built by their factories from the published settings. */
class TestMixtureSampling
{
    @Test
    void gaussian1dHasTheRequestedMeanAndVariance()
    {
        int count = 40_000;
        double[][] samples = Samples.draw(gaussian1d(new Gaussian1dSpec(4.0, 0.5), 1), count, DataType.DOUBLE);
        double mean = Samples.mean(samples, 0);
        double variance = 0;
        for (double[] sample : samples) {
            variance += (sample[0] - mean) * (sample[0] - mean) / (count - 1);
        }
        // five standard errors: σ/√n for the mean, σ²√(2/n) for the variance
        assertThat(mean).isCloseTo(4.0, within(5 * 0.5 / Math.sqrt(count)));
        assertThat(variance).isCloseTo(0.25, within(5 * 0.25 * Math.sqrt(2.0 / count)));
    }

    @Test
    void gaussian1dDensityIntegratesToOneAndIsTheNormalDensity()
    {
        Density density = gaussian1d(new Gaussian1dSpec(0.5, 2.0), 1).density().orElseThrow();
        int points = 4001;
        double step = 40.0 / (points - 1);
        double[][] abscissae = new double[points][1];
        for (int i = 0; i < points; i++) {
            abscissae[i][0] = -19.5 + i * step;
        }
        double[] logDensity = density.logDensity(Nd4j.createFromArray(abscissae)).toDoubleVector();
        double integral = 0;
        for (int i = 0; i < points; i++) {
            double weight = i == 0 || i == points - 1 ? 0.5 : 1;
            integral += weight * Math.exp(logDensity[i]) * step;
        }
        assertThat(integral).isCloseTo(1.0, within(1e-6));
        double x = abscissae[1234][0];
        double normal = -0.5 * Math.log(2 * Math.PI * 4) - (x - 0.5) * (x - 0.5) / 8;
        assertThat(logDensity[1234]).isCloseTo(normal, within(1e-12));
    }

    @Test
    void ringSamplesStayNearTheirModesAndHitEveryMode()
    {
        RingSpec spec = new RingSpec(8, 1.0, 0.01);
        assertMixtureSamples(ring(spec, 2), spec.mixture(), 16_000);
    }

    @Test
    void gridSamplesStayNearTheirModesAndHitEveryMode()
    {
        GridSpec spec = new GridSpec(5, 2.0, 0.05);
        assertMixtureSamples(grid(spec, 3), spec.mixture(), 25_000);
    }

    @Test
    void ringAndGridDensitiesIntegrateToOne()
    {
        Density ring = ring(new RingSpec(8, 1.0, 0.01), 1).density().orElseThrow();
        // the squares hold every mode ± 8σ, so only e^−32 of the mass lies outside
        assertThat(Samples.integrateOverSquare(ring, -1.08, 1.08, 0.005)).isCloseTo(1.0, within(1e-6));
        Density grid = grid(new GridSpec(5, 2.0, 0.05), 1).density().orElseThrow();
        assertThat(Samples.integrateOverSquare(grid, -4.4, 4.4, 0.025)).isCloseTo(1.0, within(1e-6));
    }

    @Test
    void theSameSeedGivesTheSameSamplesAndAnotherSeedDoesNot()
    {
        RingSpec spec = new RingSpec(8, 1.0, 0.01);
        for (DataType dataType : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            assertThat(Samples.draw(ring(spec, 7), 512, dataType))
                    .isEqualTo(Samples.draw(ring(spec, 7), 512, dataType))
                    .isNotEqualTo(Samples.draw(ring(spec, 8), 512, dataType));
        }
    }

    @Test
    void successiveBatchesAreFreshAndBatchSizesMayChange()
    {
        DataSource source = grid(new GridSpec(5, 2.0, 0.05), 4);
        double[][] first = Samples.draw(source, 64, DataType.FLOAT);
        double[][] second = Samples.draw(source, 64, DataType.FLOAT);
        double[][] larger = Samples.draw(source, 100, DataType.DOUBLE);
        assertThat(first).isNotEqualTo(second);
        double[][] means = new GridSpec(5, 2.0, 0.05).mixture().means();
        for (double[][] batch : new double[][][] {first, second, larger}) {
            for (double[] sample : batch) {
                assertThat(Samples.distance(sample, means[Samples.nearest(sample, means)])).isLessThan(6 * 0.05);
            }
        }
    }

    @Test
    void samplesFillTheCallersArrayAndNothingElse()
    {
        DataSource source = ring(new RingSpec(8, 1.0, 0.01), 5);
        INDArray backing = Nd4j.valueArrayOf(new long[] {20, 2}, 42.0, DataType.FLOAT);
        source.sample(backing.get(NDArrayIndex.interval(0, 10), NDArrayIndex.all()));
        assertThat(backing.getDouble(3, 1)).isNotEqualTo(42.0);
        assertThat(backing.getDouble(10, 0)).isEqualTo(42.0);
        assertThat(backing.getDouble(19, 1)).isEqualTo(42.0);
        assertThatThrownBy(() -> source.sample(Nd4j.create(DataType.FLOAT, 10, 3)))
                .hasMessage("samples need shape [m, 2], got [10, 3]");
    }

    @Test
    void sourcesExposeTheirMixtureForInstruments()
    {
        GaussianMixtureDataSource source = (GaussianMixtureDataSource) ring(new RingSpec(8, 1.0, 0.01), 1);
        assertThat(source.mixture()).isEqualTo(GaussianMixture.ring(8, 1.0, 0.01));
        assertThat(((GaussianMixtureDataSource) gaussian1d(new Gaussian1dSpec(4.0, 0.5), 1)).mixture().means())
                .isEqualTo(new double[][] {{4.0}});
    }

    @Test
    void sourcesPublishTheirModesThroughTheSpi()
    {
        ModeMixture ring = ring(new RingSpec(8, 2.0, 0.01), 1).modes().orElseThrow();
        assertThat(ring.modeCount()).isEqualTo(8);
        assertThat(ring.std()).isEqualTo(0.01);
        assertThat(ring.mean(0)).containsExactly(2.0, 0.0);
        assertThat(ring.mean(2)[0]).isCloseTo(0.0, within(1e-15));
        assertThat(ring.mean(2)[1]).isEqualTo(2.0);

        ModeMixture grid = grid(new GridSpec(5, 2.0, 0.05), 1).modes().orElseThrow();
        assertThat(grid.means()).isEqualTo(GaussianMixture.grid(5, 2.0, 0.05).means());
        assertThat(grid.mean(0)).containsExactly(-4.0, -4.0);
        assertThat(grid.mean(24)).containsExactly(4.0, 4.0);

        assertThat(gaussian1d(new Gaussian1dSpec(4.0, 0.5), 1).modes()).contains(new ModeMixture(new double[][] {{4.0}}, 0.5));
        assertThat(ToyDataPlugin.SWISS_ROLL.create(new SwissRollSpec(0.25), TestContexts.plugin(1, DataType.DOUBLE)).modes()).isEmpty();
    }

    private static void assertMixtureSamples(DataSource source, GaussianMixture mixture, int count)
    {
        double[][] means = mixture.means();
        double std = mixture.std();
        double[][] samples = Samples.draw(source, count, DataType.DOUBLE);
        int[] hits = new int[means.length];
        double squaredResidual = 0;
        for (double[] sample : samples) {
            int mode = Samples.nearest(sample, means);
            double distance = Samples.distance(sample, means[mode]);
            // P(‖noise‖ > 6σ) = e^−18 ≈ 1.5e−8 for a 2-D Gaussian
            assertThat(distance).isLessThan(6 * std);
            hits[mode]++;
            squaredResidual += distance * distance;
        }
        double share = 1.0 / means.length;
        double shareTolerance = 5 * Math.sqrt(share * (1 - share) / count);
        for (int k = 0; k < means.length; k++) {
            assertThat((double) hits[k] / count).as("share of mode %d", k).isCloseTo(share, within(shareTolerance));
        }
        // ‖noise‖²/σ² is χ² with 2 degrees of freedom: mean 2, standard deviation 2
        assertThat(squaredResidual / count / (std * std)).isCloseTo(2.0, within(5 * 2 / Math.sqrt(count)));
        // both mixtures are symmetric about the origin; the spread of a coordinate is at most the largest radius
        double spread = Math.sqrt(Math.max(Samples.mean(square(samples, 0), 0), Samples.mean(square(samples, 1), 0)));
        assertThat(Samples.mean(samples, 0)).isCloseTo(0.0, within(5 * spread / Math.sqrt(count)));
        assertThat(Samples.mean(samples, 1)).isCloseTo(0.0, within(5 * spread / Math.sqrt(count)));
    }

    private static double[][] square(double[][] samples, int axis)
    {
        double[][] squares = new double[samples.length][1];
        for (int i = 0; i < samples.length; i++) {
            squares[i][0] = samples[i][axis] * samples[i][axis];
        }
        return squares;
    }

    private static DataSource gaussian1d(Gaussian1dSpec spec, long seed)
    {
        return ToyDataPlugin.GAUSSIAN_1D.create(spec, TestContexts.plugin(seed, DataType.DOUBLE));
    }

    private static DataSource ring(RingSpec spec, long seed)
    {
        return ToyDataPlugin.RING.create(spec, TestContexts.plugin(seed, DataType.DOUBLE));
    }

    private static DataSource grid(GridSpec spec, long seed)
    {
        return ToyDataPlugin.GRID.create(spec, TestContexts.plugin(seed, DataType.DOUBLE));
    }
}
