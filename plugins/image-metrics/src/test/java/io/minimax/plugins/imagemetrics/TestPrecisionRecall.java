package io.minimax.plugins.imagemetrics;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestPrecisionRecall
{
    @Test
    void aSetAgainstItselfHasPrecisionAndRecallOne()
    {
        double[][] features = Features.gaussian(500, 6, 0, 1, 1);
        assertThat(PrecisionRecall.between(features, features, 3)).isEqualTo(new PrecisionRecall(1, 1, 3));
    }

    @Test
    void farApartSetsHavePrecisionAndRecallZero()
    {
        double[][] real = grid(0, 40, 0);
        assertThat(PrecisionRecall.between(real, grid(0, 40, 1000), 3)).isEqualTo(new PrecisionRecall(0, 0, 3));
    }

    @Test
    void generatingHalfTheDataGivesPrecisionOneAndRecallAboutAHalf()
    {
        // the real set is the 40 × 40 integer grid, where the third-nearest neighbour of every point but the corners is at
        // distance 1; G gives its 20 left columns. Every generated point is a real one (precision 1); the balls of G's
        // rightmost column reach one column further, so recall is 21 of 40 columns
        PrecisionRecall result = PrecisionRecall.between(grid(0, 40, 0), grid(0, 20, 0), 3);
        assertThat(result.precision()).isEqualTo(1.0);
        assertThat(result.recall()).isEqualTo(21.0 / 40);
    }

    @Test
    void halfTheSamplesOffTheDataHalvePrecisionAndKeepRecall()
    {
        double[][] real = grid(0, 40, 0);
        double[][] generated = concatenate(real, grid(0, 40, 1000));
        assertThat(PrecisionRecall.between(real, generated, 3)).isEqualTo(new PrecisionRecall(0.5, 1, 3));
    }

    @Test
    void refusesTooFewPointsForK()
    {
        assertThatThrownBy(() -> PrecisionRecall.between(new double[][] {{0}, {1}, {2}}, new double[][] {{0}, {1}, {2}, {3}}, 3))
                .hasMessageContaining("more than k points (k = 3, 3 points)");
    }

    /** The integer points (x, y) with {@code from <= x < to} and {@code 0 <= y < 40}, moved by {@code offset} on both axes. */
    private static double[][] grid(int from, int to, double offset)
    {
        List<double[]> points = new ArrayList<>();
        for (int x = from; x < to; x++) {
            for (int y = 0; y < 40; y++) {
                points.add(new double[] {x + offset, y + offset});
            }
        }
        return points.toArray(double[][]::new);
    }

    private static double[][] concatenate(double[][] first, double[][] second)
    {
        double[][] result = new double[first.length + second.length][];
        System.arraycopy(first, 0, result, 0, first.length);
        System.arraycopy(second, 0, result, first.length, second.length);
        return result;
    }
}
