package io.minimax.plugins.metrics;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TestJensenShannon
{
    @Test
    void twoGaussiansAsBySimpsonsRule()
    {
        double expected = Integrals.jensenShannonOfGaussians(0, 1, 1, 1.5);
        double[] axis = QuadratureGrid.evenlySpaced(-15, 15, QuadratureGrid.POINTS_1D);
        double jsd = JensenShannon.onGrid(tabulate(axis, 0, 1), tabulate(axis, 1, 1.5), axis[1] - axis[0]);

        assertThat(expected).as("a value strictly between 0 and log 2").isBetween(0.05, 0.2);
        assertThat(jsd).isCloseTo(expected, within(1e-9));
    }

    @Test
    void identicalDensitiesHaveNoDivergenceAndDisjointOnesLog2()
    {
        double[] axis = QuadratureGrid.evenlySpaced(-60, 60, QuadratureGrid.POINTS_1D);
        double cell = axis[1] - axis[0];
        assertThat(JensenShannon.onGrid(tabulate(axis, 2, 0.7), tabulate(axis, 2, 0.7), cell)).isCloseTo(0, within(1e-15));
        assertThat(JensenShannon.onGrid(tabulate(axis, -30, 1), tabulate(axis, 30, 1), cell)).isCloseTo(Math.log(2), within(1e-12));
    }

    private static double[] tabulate(double[] axis, double mean, double std)
    {
        double[] values = new double[axis.length];
        for (int i = 0; i < axis.length; i++) {
            values[i] = Math.exp(GaussianLine.logDensity(axis[i], mean, std));
        }
        return values;
    }
}
