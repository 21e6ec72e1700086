package io.minimax.plugins.toydata;

import io.minimax.testkit.TestContexts;

import io.minimax.spi.data.DataSource;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

import static io.minimax.plugins.toydata.SwissRollDataSource.FIRST_ANGLE;
import static io.minimax.plugins.toydata.SwissRollDataSource.LAST_ANGLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TestSwissRollSampling
{
    @Test
    void withoutNoiseEverySampleLiesOnTheScaledSpiral()
    {
        double[][] samples = Samples.draw(swissRoll(0.0, 1), 5_000, DataType.DOUBLE);
        double smallestAngle = Double.MAX_VALUE;
        double largestAngle = 0;
        for (double[] sample : samples) {
            // on the spiral r = t / 4.5π at angle t: recover t from r, then the direction must be (cos t, sin t)
            double radius = Math.hypot(sample[0], sample[1]);
            double angle = radius * LAST_ANGLE;
            assertThat(angle).isBetween(FIRST_ANGLE - 1e-9, LAST_ANGLE + 1e-9);
            assertThat(sample[0]).isCloseTo(radius * Math.cos(angle), within(1e-12));
            assertThat(sample[1]).isCloseTo(radius * Math.sin(angle), within(1e-12));
            smallestAngle = Math.min(smallestAngle, angle);
            largestAngle = Math.max(largestAngle, angle);
        }
        // t is uniform on [1.5π, 4.5π): 5000 draws come within 0.01 of both ends
        assertThat(smallestAngle).isCloseTo(FIRST_ANGLE, within(0.01));
        assertThat(largestAngle).isCloseTo(LAST_ANGLE, within(0.01));
    }

    @Test
    void noiseIsIsotropicWithTheRequestedStandardDeviation()
    {
        int count = 20_000;
        double noise = 0.05;
        // the same seed draws the same angles, so the difference of the two batches is exactly the added noise
        double[][] clean = Samples.draw(swissRoll(0.0, 3), count, DataType.DOUBLE);
        double[][] noisy = Samples.draw(swissRoll(noise, 3), count, DataType.DOUBLE);
        double[] sumOfSquares = new double[2];
        for (int i = 0; i < count; i++) {
            for (int axis = 0; axis < 2; axis++) {
                double difference = noisy[i][axis] - clean[i][axis];
                sumOfSquares[axis] += difference * difference;
            }
        }
        for (int axis = 0; axis < 2; axis++) {
            assertThat(Math.sqrt(sumOfSquares[axis] / count)).isCloseTo(noise, within(5 * noise / Math.sqrt(2 * count)));
        }
    }

    @Test
    void fitsTheUnitSquareAndHasNoDensity()
    {
        DataSource source = swissRoll(0.05, 2);
        assertThat(source.sampleShape()).containsExactly(2);
        assertThat(source.density()).isEmpty();
        for (double[] sample : Samples.draw(source, 5_000, DataType.FLOAT)) {
            assertThat(Math.abs(sample[0])).isLessThan(1.3);
            assertThat(Math.abs(sample[1])).isLessThan(1.3);
        }
    }

    @Test
    void theSameSeedGivesTheSameSamplesAndAnotherSeedDoesNot()
    {
        assertThat(Samples.draw(swissRoll(0.05, 5), 256, DataType.FLOAT))
                .isEqualTo(Samples.draw(swissRoll(0.05, 5), 256, DataType.FLOAT))
                .isNotEqualTo(Samples.draw(swissRoll(0.05, 6), 256, DataType.FLOAT));
    }

    private static DataSource swissRoll(double noise, long seed)
    {
        return ToyDataPlugin.SWISS_ROLL.create(new SwissRollSpec(noise), TestContexts.plugin(seed, DataType.DOUBLE));
    }
}
