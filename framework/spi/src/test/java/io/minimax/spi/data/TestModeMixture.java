package io.minimax.spi.data;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestModeMixture
{
    @Test
    void copiesItsMeansInAndOut()
    {
        double[][] means = {{1, 0}, {0, 1}};
        ModeMixture modes = new ModeMixture(means, 0.1);
        means[0][0] = 99;
        modes.means()[1][1] = 99;
        modes.mean(0)[1] = 99;

        assertThat(modes.means()).isEqualTo(new double[][] {{1, 0}, {0, 1}});
        assertThat(modes.modeCount()).isEqualTo(2);
        assertThat(modes.dimension()).isEqualTo(2);
        assertThat(modes.std()).isEqualTo(0.1);
        assertThat(modes).isEqualTo(new ModeMixture(new double[][] {{1, 0}, {0, 1}}, 0.1))
                .hasSameHashCodeAs(new ModeMixture(new double[][] {{1, 0}, {0, 1}}, 0.1));
        assertThat(modes.toString()).isEqualTo("ModeMixture{modes=2, dimension=2, std=0.1}");
    }

    @Test
    void rejectsWhatIsNotAMixture()
    {
        assertThatThrownBy(() -> new ModeMixture(new double[0][], 1)).hasMessage("a mixture needs at least one mode");
        assertThatThrownBy(() -> new ModeMixture(new double[][] {{1, 2}, {3}}, 1)).hasMessage("mean 1 has 1 coordinates, mean 0 has 2");
        assertThatThrownBy(() -> new ModeMixture(new double[][] {{1}}, 0)).hasMessage("std must be > 0 (got 0.0)");
        assertThatThrownBy(() -> new ModeMixture(new double[][] {{1}}, Double.NaN)).hasMessage("std must be > 0 (got NaN)");
    }
}
