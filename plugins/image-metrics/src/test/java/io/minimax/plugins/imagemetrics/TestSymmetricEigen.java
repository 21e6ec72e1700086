package io.minimax.plugins.imagemetrics;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TestSymmetricEigen
{
    @Test
    void twoByTwoByHand()
    {
        // [[2, 1], [1, 2]] has eigenvalues 1 (vector (1, −1)/√2) and 3 (vector (1, 1)/√2)
        SymmetricEigen eigen = SymmetricEigen.of(new double[][] {{2, 1}, {1, 2}});
        assertThat(eigen.values()).containsExactly(new double[] {1, 3}, within(1e-14));
        assertThat(Math.abs(eigen.vectors()[0][1])).isCloseTo(Math.sqrt(0.5), within(1e-14));
        assertThat(eigen.vectors()[0][1]).isCloseTo(eigen.vectors()[1][1], within(1e-14));
        assertThat(eigen.vectors()[0][0]).isCloseTo(-eigen.vectors()[1][0], within(1e-14));
    }

    @Test
    void composingTheValuesGivesTheMatrixBack()
    {
        double[][] matrix = {{4, 1, 0.5}, {1, 3, -0.25}, {0.5, -0.25, 2}};
        SymmetricEigen eigen = SymmetricEigen.of(matrix);
        double[][] again = eigen.compose(eigen.values());
        for (int i = 0; i < 3; i++) {
            assertThat(again[i]).containsExactly(matrix[i], within(1e-13));
        }
        assertThat(eigen.values()[0]).isLessThan(eigen.values()[1]);
        assertThat(eigen.values()[1]).isLessThan(eigen.values()[2]);
    }
}
