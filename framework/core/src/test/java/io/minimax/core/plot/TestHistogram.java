package io.minimax.core.plot;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class TestHistogram
{
    @Test
    void densitiesIntegrateToOne()
    {
        // bins [0, 1), [1, 2), [2, 3), [3, 4]; the upper edge belongs to the last bin
        Histogram histogram = Histogram.density(new double[] {0, 0.5, 1.5, 3.9, 4}, 0, 4, 4);

        assertThat(histogram.density(0)).isCloseTo(2 / 5.0, within(1e-12));
        assertThat(histogram.density(1)).isCloseTo(1 / 5.0, within(1e-12));
        assertThat(histogram.density(2)).isZero();
        assertThat(histogram.density(3)).isCloseTo(2 / 5.0, within(1e-12));
    }

    @Test
    void outlineTracesTheBars()
    {
        Histogram histogram = Histogram.density(new double[] {0.5, 1.5, 1.5, 9}, 0, 2, 2);

        assertThat(histogram.outlineX()).containsExactly(0, 0, 1, 1, 2, 2);
        // 9 is outside [0, 2] and not counted, but still part of the total: densities describe the whole set
        assertThat(histogram.outlineY()).containsExactly(0, 0.25, 0.25, 0.5, 0.5, 0);
    }

    @Test
    void emptyRangeIsRejected()
    {
        assertThatThrownBy(() -> Histogram.density(new double[] {1}, 1, 1, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("low < high");
    }
}
