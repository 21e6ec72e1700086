package io.minimax.plugins.priors;

import io.minimax.spi.InvalidSpecException;
import io.minimax.spi.SpecProblem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.list;

class TestPriorSpecs
{
    @Test
    void gaussianNeedsAPositiveDimension()
    {
        assertThatThrownBy(() -> new GaussianPriorSpec(0))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("dim: must be > 0 (got 0)");
    }

    @Test
    void uniformReportsEveryProblemAtOnce()
    {
        assertThatThrownBy(() -> new UniformPriorSpec(-2, 1.0, 1.0))
                .isInstanceOf(InvalidSpecException.class)
                .extracting(exception -> ((InvalidSpecException) exception).problems(), list(SpecProblem.class))
                .extracting(SpecProblem::field)
                .containsExactly("dim", "high");
        assertThatThrownBy(() -> new UniformPriorSpec(1, 2.0, -1.0))
                .hasMessage("high: must be greater than low (got low 2.0, high -1.0)");
        assertThatThrownBy(() -> new UniformPriorSpec(1, Double.NEGATIVE_INFINITY, 1.0))
                .hasMessageContaining("low: must be a finite number");
    }
}
